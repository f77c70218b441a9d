// Findings of the conflict analysis, keyed by their stable id, filtered by kind, severity and status.
CREATE CONSTRAINT finding_id IF NOT EXISTS FOR (n:Finding) REQUIRE n.id IS UNIQUE;
CREATE INDEX finding_kind IF NOT EXISTS FOR (n:Finding) ON (n.kind);
CREATE INDEX finding_status IF NOT EXISTS FOR (n:Finding) ON (n.status);
CREATE INDEX finding_active IF NOT EXISTS FOR (n:Finding) ON (n.active);
