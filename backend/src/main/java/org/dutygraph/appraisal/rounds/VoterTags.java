package org.dutygraph.appraisal.rounds;

import org.dutygraph.complaints.receipts.Receipts;
import org.springframework.stereotype.Component;

/**
 * The "has voted" marker of a rater in a round: a keyed hash (HMAC-SHA256 under the server pepper, as complaint receipts
 * and service-rating tags are keyed) of the round and the person. Deterministic, so a second ballot finds it; without
 * the pepper, which lives outside the database, a marker cannot be tied to a person, and it differs from round to round.
 * Nothing else about a vote is stored with it.
 */
@Component
class VoterTags {

    private final Receipts receipts;

    VoterTags(Receipts receipts) {
        this.receipts = receipts;
    }

    String of(String roundId, String personId) {
        return receipts.tag("rating-round-voter", roundId + "|" + personId);
    }
}
