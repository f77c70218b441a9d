// Several instances on one graph (issue 19 item 4). A JobLease names the instance that runs a periodic or
// exclusive job until `until` (epoch ms); another instance takes it over when it lapses.
CREATE CONSTRAINT job_lease_name IF NOT EXISTS FOR (n:JobLease) REQUIRE n.name IS UNIQUE;
// Failed sign-in allowances shared by every instance: found by the SHA-256 of what they count (a username and a
// source, or a source), deleted once full again.
CREATE CONSTRAINT sign_in_allowance_key IF NOT EXISTS FOR (n:SignInAllowance) REQUIRE n.key IS UNIQUE;
CREATE INDEX sign_in_allowance_at IF NOT EXISTS FOR (n:SignInAllowance) ON (n.at);
