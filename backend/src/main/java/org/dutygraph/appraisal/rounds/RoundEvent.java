package org.dutygraph.appraisal.rounds;

import java.time.Instant;
import org.dutygraph.platform.i18n.Text;

/** An entry of a round's audit: OPENED, CLOSED or CLOSE_REFUSED, with who and when (the note in the reader's language); never a vote. */
public record RoundEvent(String action, String by, Instant at, Text note) {}
