package org.dutygraph.appraisal.rounds;

import java.time.Instant;

/** An entry of a round's audit: OPENED, CLOSED or CLOSE_REFUSED, with who and when; never a vote. */
public record RoundEvent(String action, String by, Instant at, String note) {
}
