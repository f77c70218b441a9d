package org.dutygraph.supervision;

import java.time.OffsetDateTime;

/**
 * One change of a watched hall's queue thresholds as recorded: the values set, by whom ({@code settings} for the
 * initial values from {@code dutygraph.supervision.halls}) and when. {@code key} orders the changes, newest first.
 */
public record HallThresholdChange(
        String key,
        int yellow,
        int orange,
        int red,
        int clearMargin,
        String yellowPostId,
        String orangePostId,
        String redPostId,
        String changedBy,
        OffsetDateTime changedAt) {}
