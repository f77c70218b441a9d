package org.dutygraph.cases;

import java.time.Instant;

/**
 * Recorded when the supervision office decides a case, for appraisal (schemes may veto, downgrade or block promotion
 * on it). Names the unit, post and person of the day of the act.
 */
public record CaseDecided(
        String caseId,
        String number,
        String unitId,
        String postId,
        String personId,
        String measure,
        Instant decidedAt) {}
