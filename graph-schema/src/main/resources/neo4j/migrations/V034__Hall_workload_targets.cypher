// Service halls' daily workload targets per window worker: one HallWorkload per hall (its targets and peak periods),
// every change kept as a HallWorkloadChange (who, when, the values set), read by hall in time order; the cases a
// post accepted are read by post and time.
CREATE CONSTRAINT hall_workload_id IF NOT EXISTS FOR (n:HallWorkload) REQUIRE n.id IS UNIQUE;
CREATE INDEX hall_workload_change_hall IF NOT EXISTS FOR (n:HallWorkloadChange) ON (n.hallId, n.atMillis);
CREATE INDEX case_event_post IF NOT EXISTS FOR (n:CaseEvent) ON (n.postId, n.atMillis);
