package org.dutygraph.supervision.events;

import java.time.OffsetDateTime;

/**
 * One line of a case-event file, as checked by {@link CaseEventParser}. {@code postId}, {@code step},
 * {@code stepLimitDays}, {@code reason} and {@code fee} may be null.
 */
public record CaseEvent(
        String eventId,
        String caseId,
        String powerItemId,
        String unitId,
        String postId,
        Kind kind,
        OffsetDateTime at,
        String step,
        Integer stepLimitDays,
        String reason,
        Fee fee) {

    public enum Kind {
        received,
        accepted,
        rejected,
        step,
        suspended,
        resumed,
        concluded,
        fee;

        /** After it the case is closed: its signals are cleared and no limit runs any more. */
        public boolean ends() {
            return this == concluded || this == rejected;
        }
    }

    /** A charge: what for, and the amount as the decimal string sent. */
    public record Fee(String item, String amount) {}
}
