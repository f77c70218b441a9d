// Citizen complaints: case keys (receipts only as slow keyed hashes), lifecycle, messages, audit, photos, ratings.
CREATE CONSTRAINT complaint_id IF NOT EXISTS FOR (n:Complaint) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT complaint_number IF NOT EXISTS FOR (n:Complaint) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT complaint_receipt IF NOT EXISTS FOR (n:Complaint) REQUIRE n.receiptHash IS UNIQUE;
CREATE CONSTRAINT complaint_submission IF NOT EXISTS FOR (n:Complaint) REQUIRE n.submissionKey IS UNIQUE;
CREATE INDEX complaint_key IF NOT EXISTS FOR (n:Complaint) ON (n.key);
CREATE INDEX complaint_status IF NOT EXISTS FOR (n:Complaint) ON (n.status);
CREATE INDEX complaint_unit IF NOT EXISTS FOR (n:Complaint) ON (n.routedUnitId);
CREATE INDEX complaint_escalation IF NOT EXISTS FOR (n:Complaint) ON (n.nextEscalationAt);
CREATE INDEX complaint_message_case IF NOT EXISTS FOR (n:ComplaintMessage) ON (n.complaintId);
CREATE INDEX complaint_step_case IF NOT EXISTS FOR (n:ComplaintStep) ON (n.complaintId);
CREATE INDEX complaint_access_case IF NOT EXISTS FOR (n:ComplaintAccess) ON (n.complaintId, n.key);
CREATE CONSTRAINT photo_id IF NOT EXISTS FOR (n:Photo) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT service_rating_case IF NOT EXISTS FOR (n:ServiceRating) REQUIRE n.caseTag IS UNIQUE;
CREATE INDEX service_rating_unit IF NOT EXISTS FOR (n:ServiceRating) ON (n.unitId);
