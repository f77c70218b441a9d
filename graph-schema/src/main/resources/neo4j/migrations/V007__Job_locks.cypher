// Lock nodes that serialise background jobs across instances (one per job name, merged by the job).
CREATE CONSTRAINT job_lock_name IF NOT EXISTS FOR (n:JobLock) REQUIRE n.name IS UNIQUE;
