package org.dutygraph.supervision;

import java.time.Instant;

/**
 * A red card was raised: recorded through platform.effects in the transaction that stored the signal, for a feature
 * that opens an efficiency accountability case (a draft against the responsible post, the signal as evidence) to
 * handle. Until such a handler exists, recording it stores nothing.
 */
public record SupervisionRedCard(String signalId, String rule, String caseId, String powerItemId, String unitId,
                                 String postId, Instant raisedAt, Instant due) {
}
