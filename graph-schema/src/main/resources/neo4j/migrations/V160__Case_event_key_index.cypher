// A case event's key (system and event id) was unique by a constraint (V030), checked by Neo4j with a locking index
// seek for every new event, after the intake's own look-up of the batch's keys. Every writer of case events (the
// intake, embedded or over Cypher, on any instance sharing the store) takes the intake's lock (the JobLock
// 'supervision-intake', itself unique) before it looks the batch's keys up, so a key already stored is found and
// replayed, never stored twice: the constraint's check repeated that one. A plain range index serves the look-up.
DROP CONSTRAINT case_event_key IF EXISTS;
CREATE INDEX case_event_key IF NOT EXISTS FOR (n:CaseEvent) ON (n.key);
