package org.dutygraph.restructuring.scenarios;

import java.time.OffsetDateTime;

/** One import into the live graph: the version it made. */
public record OrgChange(long version, String jobId, long entries, OffsetDateTime at) {}
