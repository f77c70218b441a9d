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

    /**
     * Whether {@code other} is the same event sent again: every field equal, the times as instants (the same moment
     * written with another offset is the same event) and a fee's amount as a number (80.0 is 80.00).
     */
    public boolean sameEvent(CaseEvent other) {
        return other != null
                && java.util.Objects.equals(eventId, other.eventId)
                && java.util.Objects.equals(caseId, other.caseId)
                && java.util.Objects.equals(powerItemId, other.powerItemId)
                && java.util.Objects.equals(unitId, other.unitId)
                && java.util.Objects.equals(postId, other.postId)
                && kind == other.kind
                && (at == null ? other.at == null : other.at != null && at.isEqual(other.at))
                && java.util.Objects.equals(step, other.step)
                && java.util.Objects.equals(stepLimitDays, other.stepLimitDays)
                && java.util.Objects.equals(reason, other.reason)
                && (fee == null ? other.fee == null : fee.sameAs(other.fee));
    }

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
    public record Fee(String item, String amount) {

        /** The same item and amount, the amounts compared as numbers (both are checked decimals of at most 27 digits). */
        public boolean sameAs(Fee other) {
            return other != null
                    && java.util.Objects.equals(item, other.item)
                    && (java.util.Objects.equals(amount, other.amount)
                            || (amount != null
                                    && other.amount != null
                                    && new java.math.BigDecimal(amount)
                                                    .compareTo(new java.math.BigDecimal(other.amount))
                                            == 0));
        }
    }
}
