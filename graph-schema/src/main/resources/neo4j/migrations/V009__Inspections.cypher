// Spot checks: plans, recorded draws, assignments, what inspectors sync from their phones (keyed by the
// inspector's client ids, so replays find what is stored), rectification orders, accountability measures, audit.
CREATE CONSTRAINT inspection_plan_id IF NOT EXISTS FOR (n:InspectionPlan) REQUIRE n.id IS UNIQUE;
CREATE INDEX inspection_plan_office IF NOT EXISTS FOR (n:InspectionPlan) ON (n.officeUnitId, n.key);
CREATE CONSTRAINT inspection_draw_plan IF NOT EXISTS FOR (n:InspectionDraw) REQUIRE n.planId IS UNIQUE;
CREATE CONSTRAINT assignment_id IF NOT EXISTS FOR (n:Assignment) REQUIRE n.id IS UNIQUE;
CREATE INDEX assignment_plan IF NOT EXISTS FOR (n:Assignment) ON (n.planId);
CREATE INDEX assignment_target IF NOT EXISTS FOR (n:Assignment) ON (n.targetUnitId);
CREATE CONSTRAINT visit_id IF NOT EXISTS FOR (n:Visit) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT visit_client IF NOT EXISTS FOR (n:Visit) REQUIRE n.clientKey IS UNIQUE;
CREATE INDEX visit_target IF NOT EXISTS FOR (n:Visit) ON (n.targetUnitId, n.startedAt);
CREATE CONSTRAINT inspection_finding_id IF NOT EXISTS FOR (n:InspectionFinding) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT inspection_finding_client IF NOT EXISTS FOR (n:InspectionFinding) REQUIRE n.clientKey IS UNIQUE;
CREATE INDEX inspection_finding_plan IF NOT EXISTS FOR (n:InspectionFinding) ON (n.planId, n.key);
CREATE INDEX inspection_finding_target IF NOT EXISTS FOR (n:InspectionFinding) ON (n.targetUnitId, n.key);
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evidence_client IF NOT EXISTS FOR (n:Evidence) REQUIRE n.clientKey IS UNIQUE;
CREATE INDEX evidence_finding IF NOT EXISTS FOR (n:Evidence) ON (n.findingId);
CREATE CONSTRAINT patrol_client IF NOT EXISTS FOR (n:Patrol) REQUIRE n.clientKey IS UNIQUE;
CREATE INDEX patrol_day IF NOT EXISTS FOR (n:Patrol) ON (n.day, n.hallId);
CREATE CONSTRAINT rectification_id IF NOT EXISTS FOR (n:Rectification) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT rectification_finding IF NOT EXISTS FOR (n:Rectification) REQUIRE n.findingId IS UNIQUE;
CREATE INDEX rectification_unit IF NOT EXISTS FOR (n:Rectification) ON (n.unitId, n.key);
CREATE INDEX rectification_plan IF NOT EXISTS FOR (n:Rectification) ON (n.planId, n.key);
CREATE INDEX accountability_measure_subject IF NOT EXISTS FOR (n:AccountabilityMeasure) ON (n.subjectId);
CREATE INDEX inspection_finding_assignment IF NOT EXISTS FOR (n:InspectionFinding) ON (n.assignmentId);
CREATE INDEX inspection_access_plan IF NOT EXISTS FOR (n:InspectionAccess) ON (n.planId, n.key);
