// Lookups the API filters on.
CREATE INDEX organization_classification IF NOT EXISTS FOR (n:Organization) ON (n.classification);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX post_role IF NOT EXISTS FOR (n:Post) ON (n.role);
CREATE INDEX concept_scheme IF NOT EXISTS FOR (n:Concept) ON (n.scheme);
CREATE INDEX power_item_category IF NOT EXISTS FOR (n:PowerItem) ON (n.category);
CREATE INDEX power_item_code IF NOT EXISTS FOR (n:PowerItem) ON (n.code);
CREATE INDEX duty_status IF NOT EXISTS FOR (n:Duty) ON (n.status);
CREATE INDEX duty_arrangement IF NOT EXISTS FOR (n:Duty) ON (n.arrangementId);
