package org.dutygraph.appraisal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.dutygraph.appraisal.engine.Period;

/**
 * Bundled assessment (捆绑考核): a verified violation by one window worker withholds their bonus for the
 * month, and the bonus of every colleague seconded with them (the same window unit) for the event's
 * months, starting with the month of the violation. Applies to monthly schemes that name the event.
 */
final class BundledPenalties {

    private BundledPenalties() {
    }

    static void apply(Map<String, AppraisalComputation.Computed> computed, Map<String, List<AppraisalStore.Event>> events,
                      Roster org) {
        for (var c : List.copyOf(computed.values())) {
            var kind = c.scheme().bundledPenaltyEvent();
            if (kind == null || c.period().kind() != Period.Kind.MONTH) {
                continue;
            }
            events.forEach((subject, list) -> list.stream()
                    .filter(e -> e.kind().equals(kind) && e.month().equals(c.period()))
                    .forEach(e -> {
                        withhold(computed, c.scheme().id(), e.month(), subject, "BONUS_WITHHELD:" + kind);
                        for (var colleague : org.colleagues(subject)) {
                            for (int i = 0; i < e.months(); i++) {
                                var month = e.month().plusMonths(i);
                                if (month.year() == e.month().year()) {
                                    withhold(computed, c.scheme().id(), month, colleague, "BUNDLED_PENALTY:" + subject + "@" + e.month());
                                }
                            }
                        }
                    }));
        }
    }

    private static void withhold(Map<String, AppraisalComputation.Computed> computed, String schemeId, Period month, String subject,
                                 String flag) {
        var c = computed.get(schemeId + "|" + month);
        if (c == null || !c.outcomes().containsKey(subject)) {
            return;
        }
        c.outcomes().put(subject, c.outcomes().get(subject).withPayout(BigDecimal.ZERO, flag));
    }
}
