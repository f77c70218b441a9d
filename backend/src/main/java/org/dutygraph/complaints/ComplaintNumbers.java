package org.dutygraph.complaints;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Case numbers as citizens and handlers read them out: TS, the day of receipt, six random base32 characters
 * (TS261123-QHGXFG). About a billion per day, so two complaints of one busy day may draw the same: the writer
 * checks each against the graph and draws again (SubmissionBatch).
 */
@Component
class ComplaintNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ComplaintNumbers(Clock clock) {
        this.clock = clock;
    }

    String draw(Instant receivedAt) {
        var sb = new StringBuilder("TS")
                .append(DAY.format(receivedAt.atZone(clock.getZone())))
                .append('-');
        for (int i = 0; i < 6; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
