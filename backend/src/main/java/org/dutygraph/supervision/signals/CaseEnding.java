package org.dutygraph.supervision.signals;

import java.time.Instant;

/**
 * How a case ended, for the monthly statistics: when, whether concluded (else rejected), the responsible post then,
 * and against the committed limit (null when the case was never accepted or its item has no committed limit) the
 * working days used from acceptance to the end (suspended days left out) and whether it ended within the limit.
 */
public record CaseEnding(
        Instant endedAt, boolean concluded, String postId, Integer committedDays, Integer daysUsed, Boolean onTime) {}
