package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.supervision.events.CaseEvent;
import org.dutygraph.supervision.signals.PowerItemTerms;
import org.dutygraph.supervision.signals.Signal;
import org.dutygraph.supervision.signals.SignalEngine;
import org.junit.jupiter.api.Test;

class SignalEngineTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final PowerItemTerms ITEM = new PowerItemTerms("pi", 10, 3, Set.of());

    private final List<CaseEvent> events = new ArrayList<>();

    private void event(CaseEvent.Kind kind, String at) {
        events.add(new CaseEvent(
                "e" + events.size(),
                "c",
                "pi",
                "u",
                null,
                kind,
                OffsetDateTime.parse(at + "+08:00"),
                null,
                null,
                null,
                null));
    }

    private List<String> signals(WorkingDays days, String at) {
        return new SignalEngine(days, SHANGHAI, 2)
                        .evaluate(
                                events,
                                ITEM,
                                (unit, item) -> "head",
                                OffsetDateTime.parse(at + "+08:00").toInstant())
                        .stream()
                        .map(s -> s.rule() + "@" + s.raisedAt().atZone(SHANGHAI).toLocalDateTime())
                        .toList();
    }

    private boolean settled(String at) {
        return new SignalEngine(WorkingDays.shipped(), SHANGHAI, 2)
                .run(
                        events,
                        ITEM,
                        (unit, item) -> "head",
                        OffsetDateTime.parse(at + "+08:00").toInstant())
                .settled();
    }

    /** Settled: nothing but a new event can add a signal, so the service may leave the case unread. */
    @Test
    void aCaseIsSettledOnceEveryLimitHasRaisedItsSignals_notBefore_notWithALaterEvent_notOnceEnded() {
        event(CaseEvent.Kind.accepted, "2026-03-02T10:00:00");
        // committed 3 days (yellow on 6 Mar, red not_cleared 2 working days later), statutory 10 (17 Mar)
        assertThat(settled("2026-03-10T12:00:00"))
                .as("statutory limit still running")
                .isFalse();
        assertThat(settled("2026-03-20T12:00:00")).isTrue();
        event(CaseEvent.Kind.suspended, "2026-03-03T09:00:00");
        assertThat(settled("2026-03-20T12:00:00"))
                .as("a suspension holds the limits")
                .isFalse();
        events.remove(events.size() - 1);
        event(CaseEvent.Kind.concluded, "2026-04-01T10:00:00");
        assertThat(settled("2026-03-20T12:00:00"))
                .as("an event after the moment")
                .isFalse();
        assertThat(settled("2026-04-02T12:00:00"))
                .as("ended: its signals are cleared by the run")
                .isFalse();
    }

    @Test
    void theCalendarMovesTheLimitPastNationalDay_weekdaysOnlyWouldNot() {
        event(CaseEvent.Kind.accepted, "2026-09-29T10:00:00");
        // 3 working days after Tue 29 Sep: Wed 30 Sep, (1-7 Oct off), Thu 8, Fri 9 Oct
        assertThat(signals(WorkingDays.shipped(), "2026-10-10T12:00:00"))
                .containsExactly("deadline_near@2026-10-09T00:00", "over_committed@2026-10-10T00:00");
        assertThat(signals(WorkingDays.weekdaysOnly(), "2026-10-03T12:00:00"))
                .containsExactly("deadline_near@2026-10-02T00:00", "over_committed@2026-10-03T00:00");
    }

    @Test
    void anOpenSuspensionHoldsEveryLimit_andOnlyRaisesWhatWasDueBefore() {
        event(CaseEvent.Kind.accepted, "2026-03-02T10:00:00");
        event(CaseEvent.Kind.suspended, "2026-03-05T08:00:00");
        // Thu 5 Mar was the last day: the suspension that morning takes it out of the count, and keeps the case still
        assertThat(signals(WorkingDays.shipped(), "2026-04-30T12:00:00"))
                .containsExactly("deadline_near@2026-03-05T00:00");

        event(CaseEvent.Kind.resumed, "2026-03-10T09:00:00");
        // 5-10 March suspended; Wed 11 Mar is the third working day
        assertThat(signals(WorkingDays.shipped(), "2026-03-12T00:00:00"))
                .containsExactly("deadline_near@2026-03-05T00:00", "over_committed@2026-03-12T00:00");
    }

    @Test
    void aConcludedCaseRaisesNothingMoreAndItsSignalsAreCleared() {
        event(CaseEvent.Kind.accepted, "2026-03-02T10:00:00");
        event(CaseEvent.Kind.concluded, "2026-03-05T11:00:00");
        var raised = new SignalEngine(WorkingDays.shipped(), SHANGHAI, 2)
                .evaluate(events, ITEM, (u, i) -> null, Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(raised).singleElement().satisfies(s -> {
            assertThat(s.rule()).isEqualTo(Signal.Rule.deadline_near);
            assertThat(s.clearedAt()).isEqualTo(Instant.parse("2026-03-05T03:00:00Z"));
        });
    }
}
