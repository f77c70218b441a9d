package org.dutygraph.inspections;

import java.time.Instant;

/**
 * Published after an office confirms a spot-check finding, for appraisal (deductions, bundled penalties)
 * and accountability. {@code postId} is the post concerned when known (given, or from the badge number).
 */
public record InspectionFindingConfirmed(
        String findingId,
        String planId,
        String targetUnitId,
        String normCode,
        String postId,
        String badgeNumber,
        Instant confirmedAt) {}
