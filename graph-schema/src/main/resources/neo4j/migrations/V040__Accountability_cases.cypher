// Accountability cases (issue 20): the situation catalogue in versions, cases with their steps and statements.
// A case is looked up by id, by its source (one case per complaint or finding), by unit and by person concerned.
CREATE CONSTRAINT situation_catalogue_version IF NOT EXISTS FOR (n:SituationCatalogue) REQUIRE n.version IS UNIQUE;
CREATE CONSTRAINT accountability_case_id IF NOT EXISTS FOR (n:AccountabilityCase) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT accountability_case_number IF NOT EXISTS FOR (n:AccountabilityCase) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT case_counter_year IF NOT EXISTS FOR (n:CaseCounter) REQUIRE n.year IS UNIQUE;
CREATE INDEX accountability_case_source IF NOT EXISTS FOR (n:AccountabilityCase) ON (n.sourceKind, n.sourceId);
CREATE INDEX accountability_case_key IF NOT EXISTS FOR (n:AccountabilityCase) ON (n.key);
CREATE INDEX accountability_case_unit IF NOT EXISTS FOR (n:AccountabilityCase) ON (n.unitId);
CREATE INDEX accountability_case_person IF NOT EXISTS FOR (n:AccountabilityCase) ON (n.personId);
CREATE INDEX case_step_case IF NOT EXISTS FOR (n:CaseStep) ON (n.caseId);
CREATE INDEX case_statement_case IF NOT EXISTS FOR (n:CaseStatement) ON (n.caseId);
