// Accountability cases (issue 20): a case is registered once it leaves the draft (opened registered, or confirmed);
// only registered cases reach the person concerned, the unit's leaders and statistics. A draft dismissed without
// being confirmed never was: until now only the status DRAFT was kept from them.
MATCH (c:AccountabilityCase) WHERE c.registered IS NULL
OPTIONAL MATCH (s:CaseStep {caseId: c.id})
  WHERE s.action = 'CONFIRM' OR (s.action = 'OPEN' AND s.status = 'REGISTERED')
WITH c, count(s) AS registrations
SET c.registered = c.status <> 'DRAFT' AND (c.status <> 'DISMISSED' OR registrations > 0);
