package org.dutygraph.supervision;

import org.dutygraph.platform.i18n.MessageKey;
import org.dutygraph.supervision.signals.Signal;

/** The catalogue keys of supervision's user-facing texts ({@code supervision.*} in messages.properties). */
enum SupervisionTexts implements MessageKey {
    NOTICE_TITLE,
    YELLOW_TITLE,
    RED_TITLE,
    DEADLINE_NEAR,
    OVER_COMMITTED,
    STEP_OVER,
    NO_REASON,
    NOT_CLEARED,
    OVER_STATUTORY,
    UNLISTED_FEE,
    OFFICE_ONLY,
    QUEUE_YELLOW_TITLE,
    QUEUE_ORANGE_TITLE,
    QUEUE_RED_TITLE,
    QUEUE_RAISED,
    QUEUE_UNKNOWN_HALL,
    THRESHOLDS_OFFICE_ONLY,
    THRESHOLD_NO_UNIT,
    THRESHOLD_YELLOW_RANGE,
    THRESHOLD_ABOVE,
    THRESHOLD_CLEAR_MARGIN,
    THRESHOLD_NO_POST,
    STATISTICS_FORBIDDEN,
    STATISTICS_MONTH,
    STATISTICS_TOO_MANY_UNITS,
    STATISTICS_UNIT_TWICE,
    STATISTICS_NOT_YOUR_UNIT,
    RANKING_MONTH_NOT_ENDED,
    WORKLOAD_OFFICE_ONLY,
    WORKLOAD_FORBIDDEN,
    WORKLOAD_TARGET_RANGE,
    WORKLOAD_TOO_MANY_PERIODS,
    WORKLOAD_PERIOD_ORDER,
    WORKLOAD_PERIOD_OVERLAP,
    WORKLOAD_SPAN,
    WORKLOAD_NO_TARGETS;

    @Override
    public String key() {
        return "supervision." + name();
    }

    static SupervisionTexts title(Signal.Level level) {
        return switch (level) {
            case notice -> NOTICE_TITLE;
            case yellow -> YELLOW_TITLE;
            case red -> RED_TITLE;
        };
    }

    static SupervisionTexts title(QueueLevel level) {
        return switch (level) {
            case yellow -> QUEUE_YELLOW_TITLE;
            case orange -> QUEUE_ORANGE_TITLE;
            case red -> QUEUE_RED_TITLE;
        };
    }

    static SupervisionTexts body(Signal.Rule rule) {
        return valueOf(rule.name().toUpperCase(java.util.Locale.ROOT));
    }
}
