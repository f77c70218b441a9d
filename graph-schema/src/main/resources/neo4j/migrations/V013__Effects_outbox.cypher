// Effects of one feature's change on another (platform.effects): written in the transaction of the change,
// pending until their handler's writes commit. Delivery looks pending ones up by due time; appraisal events
// recorded by an effect carry its id, so a repeated delivery records nothing twice.
CREATE CONSTRAINT effect_id IF NOT EXISTS FOR (n:Effect) REQUIRE n.id IS UNIQUE;
CREATE INDEX effect_due IF NOT EXISTS FOR (n:Effect) ON (n.state, n.dueAt);
CREATE INDEX appraisal_event_effect IF NOT EXISTS FOR (n:AppraisalEvent) ON (n.effectId);
