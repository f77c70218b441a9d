package org.dutygraph.complaints;

import java.time.Instant;

/**
 * Published when a case handler concludes a complaint, for appraisal (one-vote veto, rankings) and
 * accountability. Carries no detail that could identify the citizen.
 *
 * @param serious a serious substantiated complaint (one-vote veto)
 */
public record ComplaintConcluded(
        String complaintId,
        String number,
        String unitId,
        String postId,
        String badgeNumber,
        String category,
        String conclusion,
        boolean serious,
        Instant occurredAt,
        Instant concludedAt) {}
