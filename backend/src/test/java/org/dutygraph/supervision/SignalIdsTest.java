package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.supervision.events.CaseEvent;
import org.dutygraph.supervision.signals.PowerItemTerms;
import org.dutygraph.supervision.signals.SignalEngine;
import org.junit.jupiter.api.Test;

/**
 * Signal ids as the evaluation stores them (first stored wins, never rewritten): evaluating a case at any series of
 * moments and then at T leaves exactly what one evaluation at T stores. The case is the one the engine's own order
 * got wrong: a step's yellow earlier than the committed limit's, both found in one stretch, so their red cards come
 * out by rule, not by time.
 */
class SignalIdsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final PowerItemTerms ITEM = new PowerItemTerms("pi", 10, 3, Set.of());
    private static final SignalEngine ENGINE = new SignalEngine(WorkingDays.shipped(), SHANGHAI, 2);

    private static final List<CaseEvent> EVENTS = List.of(
            event("e0", CaseEvent.Kind.accepted, "2026-03-02T10:00:00", null),
            // one working day for the step: its yellow at the end of Tue 3 Mar, the committed limit's at the end of Thu
            // 5
            event("e1", CaseEvent.Kind.step, "2026-03-02T11:00:00", 1));

    @Test
    void everySeriesOfEarlierEvaluationsStoresWhatOneEvaluationStores() {
        var end = at("2026-03-20T12:00:00");
        var once = stored(List.of(end));
        assertThat(once.values())
                .as("both red cards, each at its own time")
                .contains("not_cleared@2026-03-06T16:00:00Z", "not_cleared@2026-03-10T16:00:00Z");
        for (var step : List.of(Duration.ofHours(6), Duration.ofHours(17), Duration.ofDays(1), Duration.ofDays(3))) {
            var moments = new java.util.ArrayList<Instant>();
            for (var t = at("2026-03-02T09:00:00"); t.isBefore(end); t = t.plus(step)) moments.add(t);
            moments.add(end);
            assertThat(stored(moments)).as("every %s", step).isEqualTo(once);
        }
    }

    /** What the store holds after evaluating at each moment in turn: by id, the first signal stored under it. */
    private static Map<String, String> stored(List<Instant> moments) {
        var stored = new LinkedHashMap<String, String>();
        for (var moment : moments) {
            var found = ENGINE.evaluate(EVENTS, ITEM, (unit, item) -> "head", moment);
            var ids = SignalEvaluation.ids("c", found);
            for (int i = 0; i < found.size(); i++) {
                stored.putIfAbsent(
                        ids.get(i), found.get(i).rule() + "@" + found.get(i).raisedAt());
            }
        }
        return new TreeMap<>(stored);
    }

    private static Instant at(String local) {
        return OffsetDateTime.parse(local + "+08:00").toInstant();
    }

    private static CaseEvent event(String id, CaseEvent.Kind kind, String at, Integer stepLimit) {
        return new CaseEvent(
                id,
                "c",
                "pi",
                "u",
                null,
                kind,
                OffsetDateTime.parse(at + "+08:00"),
                stepLimit == null ? null : "审核",
                stepLimit,
                null,
                null);
    }
}
