// Electronic supervision: cases reported by service-hall and approval systems, their events (keyed by system and
// event id, so a replay finds the stored one) and the signals raised on them.
CREATE CONSTRAINT supervised_case_id IF NOT EXISTS FOR (n:SupervisedCase) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT case_event_key IF NOT EXISTS FOR (n:CaseEvent) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT supervision_signal_id IF NOT EXISTS FOR (n:SupervisionSignal) REQUIRE n.id IS UNIQUE;
CREATE INDEX supervised_case_open IF NOT EXISTS FOR (n:SupervisedCase) ON (n.open);
CREATE INDEX supervision_signal_raised IF NOT EXISTS FOR (n:SupervisionSignal) ON (n.raisedAt);
