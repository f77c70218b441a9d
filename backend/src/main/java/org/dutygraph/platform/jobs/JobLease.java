package org.dutygraph.platform.jobs;

import java.time.Instant;

/**
 * A job's lease as stored in the graph: the instance running the job ({@link JobLeases#instance()}), until when
 * the lease holds unless renewed, when it was last renewed, and the progress its holder last recorded (none for
 * jobs that record none); holder, until and progress are null while nobody holds it. {@code lastRun} is how the
 * job's latest finished run went, whichever instance ran it (kept when the lease is given up).
 */
public record JobLease(String name, String holder, Instant until, Instant renewedAt, String progress, String lastRun) {}
