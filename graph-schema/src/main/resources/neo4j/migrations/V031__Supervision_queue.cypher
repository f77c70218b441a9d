// Service-hall queues: snapshots (keyed by hall and moment, so a replay finds the stored one), the levels raised on
// them, and each hall's latest snapshot.
CREATE CONSTRAINT queue_snapshot_key IF NOT EXISTS FOR (n:QueueSnapshot) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT queue_alert_id IF NOT EXISTS FOR (n:QueueAlert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT queue_hall_id IF NOT EXISTS FOR (n:QueueHall) REQUIRE n.id IS UNIQUE;
CREATE INDEX queue_snapshot_hall IF NOT EXISTS FOR (n:QueueSnapshot) ON (n.hallId, n.atMillis);
CREATE INDEX queue_alert_hall IF NOT EXISTS FOR (n:QueueAlert) ON (n.hallId);
