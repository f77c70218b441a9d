// Service-hall queue thresholds are data on each QueueHall (constrained by id in V031); every change of them is kept
// as a HallThresholdChange (who, when, the values set), read by hall in time order.
CREATE INDEX hall_threshold_change_hall IF NOT EXISTS FOR (n:HallThresholdChange) ON (n.hallId, n.atMillis);
