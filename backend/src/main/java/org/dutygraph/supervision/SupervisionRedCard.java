package org.dutygraph.supervision;

import java.time.Instant;

/**
 * A red card was raised: recorded through platform.effects in the transaction that stored the signal; the cases
 * feature opens an efficiency accountability case from it (a draft against the responsible post, the signal as
 * evidence).
 */
public record SupervisionRedCard(
        String signalId,
        String rule,
        String caseId,
        String powerItemId,
        String unitId,
        String postId,
        Instant raisedAt,
        Instant due) {}
