// Appraisal: scheme versions (definitions as data), score sheets (current inputs per subject and period) with an
// entry log (who entered what, when), events from other features, and results per scheme, subject and year.
CREATE CONSTRAINT appraisal_scheme_version IF NOT EXISTS FOR (n:AppraisalScheme) REQUIRE n.key IS UNIQUE;
CREATE INDEX appraisal_scheme_id IF NOT EXISTS FOR (n:AppraisalScheme) ON (n.id);
CREATE CONSTRAINT score_sheet_key IF NOT EXISTS FOR (n:ScoreSheet) REQUIRE n.key IS UNIQUE;
CREATE INDEX score_sheet_period IF NOT EXISTS FOR (n:ScoreSheet) ON (n.period);
CREATE INDEX score_entry_subject IF NOT EXISTS FOR (n:ScoreEntry) ON (n.subjectId, n.period);
CREATE CONSTRAINT appraisal_event_id IF NOT EXISTS FOR (n:AppraisalEvent) REQUIRE n.id IS UNIQUE;
CREATE INDEX appraisal_event_year IF NOT EXISTS FOR (n:AppraisalEvent) ON (n.year);
CREATE INDEX appraisal_result_subject IF NOT EXISTS FOR (n:AppraisalResult) ON (n.subjectId, n.year);
CREATE INDEX appraisal_result_scheme IF NOT EXISTS FOR (n:AppraisalResult) ON (n.schemeId, n.year);
CREATE CONSTRAINT citizen_ranking_id IF NOT EXISTS FOR (n:CitizenRanking) REQUIRE n.id IS UNIQUE;
CREATE INDEX service_rating_at IF NOT EXISTS FOR (n:ServiceRating) ON (n.at);
