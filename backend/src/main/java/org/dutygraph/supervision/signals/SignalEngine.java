package org.dutygraph.supervision.signals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BinaryOperator;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.supervision.events.CaseEvent;

/**
 * The signal rules (docs/supervision.md), replayed over one case's events in time order: between two events the
 * case stands still, and a rule raises its signal when its moment falls in that stretch, as the events known then
 * say. Each limit signal is raised once per case (a step's once per step, {@code not_cleared} once per yellow);
 * the case's conclusion or rejection clears all of them.
 */
public final class SignalEngine {

    private final WorkingDays days;
    private final ZoneDays zone;
    private final int supervisionPeriod;

    /** @param supervisionPeriod working days a yellow may stay open before it turns red */
    public SignalEngine(WorkingDays days, ZoneId zone, int supervisionPeriod) {
        this.days = days;
        this.zone = new ZoneDays(zone);
        this.supervisionPeriod = supervisionPeriod;
    }

    /** Orders events as the engine reads them: by time, then as they arrived. */
    public static final Comparator<CaseEvent> TIME_ORDER = Comparator.comparing(e -> e.at().toInstant());

    /**
     * @param events   the case's events as they arrived (sorted here by time, stably)
     * @param terms    the case's power item
     * @param resolver the responsible post when no event names one: (unit, power item) to post id, or null
     * @param at       signals raised after it are left out, and so are events after it
     */
    public List<Signal> evaluate(
            List<CaseEvent> events, PowerItemTerms terms, BinaryOperator<String> resolver, Instant at) {
        return run(events, terms, resolver, at).signals();
    }

    /**
     * The case's signals and, once it has ended by {@code at}, how it ended (null before). {@code settled}: the case
     * has not ended, has no event after {@code at}, and every rule that time alone raises has been raised (both
     * limits and the step's, every yellow's {@code not_cleared}, no suspension open): no later moment adds a signal
     * until a new event arrives or the power item's terms change. {@code quietUntil}: with no new event and the same
     * terms, evaluations at moments before it raise nothing new and find no new ending ({@link Evaluated#NEVER}: at no
     * moment); null when that cannot be said (an event after {@code at}).
     */
    public record Evaluated(List<Signal> signals, CaseEnding ending, boolean settled, Instant quietUntil) {

        /** Nothing pending: only a new event or a change of terms can add a signal. */
        public static final Instant NEVER = Instant.MAX;
    }

    /** {@link #evaluate} with the case's ending, for the monthly statistics. */
    public Evaluated run(List<CaseEvent> events, PowerItemTerms terms, BinaryOperator<String> resolver, Instant at) {
        var sorted = new ArrayList<CaseEvent>(events.size());
        boolean inOrder = true;
        boolean later = false;
        Instant latest = null;
        for (var e : events) {
            var t = e.at().toInstant();
            if (t.isAfter(at)) {
                later = true;
                continue;
            }
            if (latest != null && t.isBefore(latest)) inOrder = false;
            else latest = t;
            sorted.add(e);
        }
        if (sorted.isEmpty()) return new Evaluated(List.of(), null, false, null);
        // a stable sort of events already in time order changes nothing: skipped, as it is the usual case
        if (!inOrder) sorted.sort(TIME_ORDER);
        var run = new CaseRun(sorted.get(0), terms, resolver);
        var next = sorted.get(0).at().toInstant();
        for (int i = 0; i < sorted.size(); i++) {
            var event = sorted.get(i);
            var from = next;
            next = i + 1 < sorted.size() ? sorted.get(i + 1).at().toInstant() : null;
            run.apply(event);
            run.stretch(from, next, at);
        }
        return new Evaluated(run.signals(), run.ending, !later && run.settled(), later ? null : run.quietUntil());
    }

    private final class CaseRun {
        private final String caseId;
        private final String powerItemId;
        private final String unitId;
        private final PowerItemTerms terms;
        private final BinaryOperator<String> resolver;
        private final CaseClock clock = new CaseClock(days, zone);
        private final List<Signal> signals = new ArrayList<>();
        private final List<Signal> yellowsWaiting = new ArrayList<>();
        private String postId;
        private String resolved;
        private boolean looked;
        private Instant accepted;
        private Instant ended;
        private Instant stepStarted;
        private Integer stepLimit;
        private boolean noticeRaised;
        private boolean committedRaised;
        private boolean statutoryRaised;
        private boolean stepRaised;
        private CaseEnding ending;

        CaseRun(CaseEvent first, PowerItemTerms terms, BinaryOperator<String> resolver) {
            this.caseId = first.caseId();
            this.powerItemId = first.powerItemId();
            this.unitId = first.unitId();
            this.terms = terms;
            this.resolver = resolver;
        }

        void apply(CaseEvent e) {
            var at = e.at().toInstant();
            if (e.postId() != null) postId = e.postId();
            if (ended != null) {
                if (e.kind() == CaseEvent.Kind.fee && unlisted(e)) raise(Signal.Rule.unlisted_fee, at, null);
                return;
            }
            switch (e.kind()) {
                case accepted -> {
                    if (accepted == null) accepted = at;
                }
                case suspended -> clock.suspend(at);
                case resumed -> clock.resume(at);
                case step -> {
                    stepStarted = at;
                    stepLimit = e.stepLimitDays();
                    stepRaised = false;
                }
                case fee -> {
                    if (unlisted(e)) raise(Signal.Rule.unlisted_fee, at, null);
                }
                case rejected -> {
                    if (e.reason() == null) raise(Signal.Rule.no_reason, at, null);
                    end(at, false);
                }
                case concluded -> end(at, true);
                case received -> {}
            }
        }

        private void end(Instant at, boolean concluded) {
            ended = at;
            var post = post();
            Integer committed = terms.committedDays();
            if (accepted == null || committed == null) {
                ending = new CaseEnding(at, concluded, post, null, null, null);
                return;
            }
            var from = clock.day(accepted);
            var last = clock.lastDay(from, committed);
            // a limit held by a suspension still open has not passed
            boolean onTime = last == null || !at.isAfter(clock.endOf(last));
            ending = new CaseEnding(at, concluded, post, committed, clock.daysCounted(from, clock.day(at)), onTime);
        }

        private boolean unlisted(CaseEvent e) {
            return e.fee() != null && !terms.feeItems().contains(e.fee().item());
        }

        /** The case stands still from {@code from} until {@code next} (exclusive) or, after the last event, {@code until}. */
        void stretch(Instant from, Instant next, Instant until) {
            if (ended != null) return;
            var window = new Window(from, next, until);
            if (accepted != null && terms.committedDays() != null && !(noticeRaised && committedRaised)) {
                var last = clock.lastDay(clock.day(accepted), terms.committedDays());
                if (last != null) {
                    var due = clock.endOf(last);
                    if (!noticeRaised)
                        noticeRaised = window.raise(this, Signal.Rule.deadline_near, clock.startOf(last), due);
                    if (!committedRaised) committedRaised = window.raise(this, Signal.Rule.over_committed, due, due);
                }
            }
            if (accepted != null && terms.statutoryDays() != null && !statutoryRaised) {
                var last = clock.lastDay(clock.day(accepted), terms.statutoryDays());
                if (last != null)
                    statutoryRaised =
                            window.raise(this, Signal.Rule.over_statutory, clock.endOf(last), clock.endOf(last));
            }
            if (stepStarted != null && stepLimit != null && !stepRaised) {
                var last = clock.lastDay(clock.day(stepStarted), stepLimit);
                if (last != null)
                    stepRaised = window.raise(this, Signal.Rule.step_over, clock.endOf(last), clock.endOf(last));
            }
            // a yellow raised in this stretch may turn red in it too, hence the loop over a growing list
            for (int i = 0; i < yellowsWaiting.size(); i++) {
                var yellow = yellowsWaiting.get(i);
                var last = clock.lastDay(clock.day(yellow.raisedAt()), supervisionPeriod);
                if (last != null && window.raise(this, Signal.Rule.not_cleared, clock.endOf(last), clock.endOf(last))) {
                    yellowsWaiting.remove(i--);
                }
            }
        }

        void raise(Signal.Rule rule, Instant raisedAt, Instant due) {
            var signal = new Signal(caseId, rule, powerItemId, unitId, post(), raisedAt, due, null);
            signals.add(signal);
            if (rule.level() == Signal.Level.yellow) yellowsWaiting.add(signal);
        }

        /** The given post, else the resolver's (asked once per case: the case's unit and item do not change). */
        private String post() {
            if (postId != null) return postId;
            if (!looked) {
                resolved = resolver.apply(unitId, powerItemId);
                looked = true;
            }
            return resolved;
        }

        boolean settled() {
            return ended == null
                    && accepted != null
                    && terms.committedDays() != null
                    && terms.statutoryDays() != null
                    && noticeRaised
                    && committedRaised
                    && statutoryRaised
                    && (stepStarted == null || stepLimit == null || stepRaised)
                    && yellowsWaiting.isEmpty()
                    && !clock.suspended();
        }

        /** The earliest moment a rule that time alone raises will raise its signal (all of them lie after the run). */
        Instant quietUntil() {
            if (ended != null) return Evaluated.NEVER;
            var next = Evaluated.NEVER;
            if (accepted != null && terms.committedDays() != null && !(noticeRaised && committedRaised)) {
                var last = clock.lastDay(clock.day(accepted), terms.committedDays());
                if (last != null) next = earlier(next, noticeRaised ? clock.endOf(last) : clock.startOf(last));
            }
            if (accepted != null && terms.statutoryDays() != null && !statutoryRaised) {
                next = earlier(next, dueAfter(clock.day(accepted), terms.statutoryDays()));
            }
            if (stepStarted != null && stepLimit != null && !stepRaised) {
                next = earlier(next, dueAfter(clock.day(stepStarted), stepLimit));
            }
            for (var yellow : yellowsWaiting) {
                next = earlier(next, dueAfter(clock.day(yellow.raisedAt()), supervisionPeriod));
            }
            return next;
        }

        private Instant dueAfter(java.time.LocalDate from, int n) {
            var last = clock.lastDay(from, n);
            return last == null ? Evaluated.NEVER : clock.endOf(last);
        }

        private static Instant earlier(Instant a, Instant b) {
            return b.isBefore(a) ? b : a;
        }

        List<Signal> signals() {
            if (ended == null) return signals;
            return signals.stream()
                    .map(s -> s.raisedAt().isAfter(ended) ? s : s.clearedAt(ended))
                    .toList();
        }
    }

    /** A stretch in which the case stands still: a moment inside it raises a signal then (or at its start, if past). */
    private record Window(Instant from, Instant next, Instant until) {

        boolean raise(CaseRun run, Signal.Rule rule, Instant moment, Instant due) {
            boolean inside = next != null ? moment.isBefore(next) : !moment.isAfter(until);
            if (!inside) return false;
            run.raise(rule, moment.isBefore(from) ? from : moment, due);
            return true;
        }
    }
}
