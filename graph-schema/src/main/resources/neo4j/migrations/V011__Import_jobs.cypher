// Bundle import jobs, recorded so that they outlive the process running them: looked up by id, by status
// (running jobs whose process stopped are marked INTERRUPTED) and by bundle fingerprint (importing the same
// bundle again completes an interrupted job).
CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (n:ImportJob) REQUIRE n.id IS UNIQUE;
CREATE INDEX import_job_status IF NOT EXISTS FOR (n:ImportJob) ON (n.status);
CREATE INDEX import_job_fingerprint IF NOT EXISTS FOR (n:ImportJob) ON (n.fingerprint);
