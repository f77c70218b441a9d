package org.dutygraph.supervision;

import java.time.OffsetDateTime;

/**
 * A service hall (a unit) whose waiting queue is watched, as stored in the graph: a level is raised when the
 * waiting count reaches its threshold and cleared when it falls below the threshold minus {@code clearMargin}. Each
 * level is told to its post if one is given (else see {@link QueueNotices}). {@code updatedBy} is the account that
 * set the thresholds last, or {@code settings} when they came from {@code dutygraph.supervision.halls}.
 */
public record WatchedHall(
        String unitId,
        int yellow,
        int orange,
        int red,
        int clearMargin,
        String yellowPostId,
        String orangePostId,
        String redPostId,
        String updatedBy,
        OffsetDateTime updatedAt) {

    int threshold(QueueLevel level) {
        return switch (level) {
            case yellow -> yellow;
            case orange -> orange;
            case red -> red;
        };
    }

    String postOverride(QueueLevel level) {
        return switch (level) {
            case yellow -> yellowPostId;
            case orange -> orangePostId;
            case red -> redPostId;
        };
    }
}
