// Accountability cases, wave 4 (issue 20): per-unit statistics read the cases opened in a period.
CREATE INDEX accountability_case_opened IF NOT EXISTS FOR (n:AccountabilityCase) ON (n.openedAt);
