// Restructuring scenarios (drafts of steps on top of the live graph) and the live graph's versions, one
// (:OrgChange) per import, so that a scenario can say what changed since it was created.
CREATE CONSTRAINT scenario_id IF NOT EXISTS FOR (n:Scenario) REQUIRE n.id IS UNIQUE;
CREATE INDEX scenario_owner IF NOT EXISTS FOR (n:Scenario) ON (n.owner);
CREATE CONSTRAINT org_change_version IF NOT EXISTS FOR (n:OrgChange) REQUIRE n.version IS UNIQUE;
