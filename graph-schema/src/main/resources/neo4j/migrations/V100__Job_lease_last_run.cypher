// /actuator/jobs shows each job's last run (JobLease.lastRun, issue 19). The property key is created up front so
// that listing the leases of a fresh store, before any job has run, does not warn of an unknown property.
CALL db.createProperty('lastRun');
