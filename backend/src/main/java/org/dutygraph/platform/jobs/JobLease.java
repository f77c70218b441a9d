package org.dutygraph.platform.jobs;

import java.time.Instant;

/**
 * A job's lease as stored in the graph: the instance running the job ({@link JobLeases#instance()}), until when
 * the lease holds unless renewed, when it was last renewed, and the progress its holder last recorded (none for
 * jobs that record none).
 */
public record JobLease(String name, String holder, Instant until, Instant renewedAt, String progress) {}
