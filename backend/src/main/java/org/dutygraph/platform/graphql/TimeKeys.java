package org.dutygraph.platform.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Times stored as epoch milliseconds: their API form, and keys that sort by time for newest-first pages. */
public final class TimeKeys {

    private TimeKeys() {}

    /** Sorts by time, then id; zero-padded so that string order is time order. */
    public static String key(long epochMillis, String id) {
        return String.format("%015d:%s", epochMillis, id);
    }

    public static OffsetDateTime utc(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    }
}
