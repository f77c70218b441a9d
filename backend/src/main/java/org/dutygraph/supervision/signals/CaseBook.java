package org.dutygraph.supervision.signals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dutygraph.supervision.events.CaseEvent;
import org.dutygraph.supervision.events.CaseEventParser;
import org.dutygraph.supervision.events.LineProblem;
import org.dutygraph.supervision.events.LineTexts;

/**
 * Case events kept in memory (the command line and the benchmark): checks each against the duty graph and the
 * case's earlier events, ignores a replayed event id, and evaluates every case's signals at a moment.
 */
public final class CaseBook {

    public enum Outcome {
        KEPT,
        REPLAYED,
        REFUSED
    }

    private final SupervisedOrg org;
    private final Map<String, List<CaseEvent>> cases = new HashMap<>();
    private final Map<String, CaseEvent> byEventId = new HashMap<>();

    public CaseBook(SupervisedOrg org) {
        this.org = org;
    }

    /** Keeps the event, or says why not in {@code problems} (with the line's number). */
    public Outcome add(long line, CaseEvent event, List<LineProblem> problems) {
        var earlier = byEventId.get(event.eventId());
        if (earlier != null) {
            if (earlier.sameEvent(event)) return Outcome.REPLAYED;
            problems.add(
                    new LineProblem(line, "event_id", "EVENT_ID_REUSED", LineTexts.EVENT_ID_REUSED, event.eventId()));
            check(line, event, problems);
            return Outcome.REFUSED;
        }
        int before = problems.size();
        check(line, event, problems);
        if (problems.size() > before) return Outcome.REFUSED;
        byEventId.put(event.eventId(), event);
        cases.computeIfAbsent(event.caseId(), id -> new ArrayList<>(8)).add(event);
        return Outcome.KEPT;
    }

    /**
     * The reference problems of a line refused for others ({@link CaseEventParser.Parsed#partial}: fields that did not
     * parse are null and not checked), so the line's problems are all reported at once.
     */
    public void checkReferences(long line, CaseEvent partial, List<LineProblem> problems) {
        if (partial != null) check(line, partial, problems);
    }

    private void check(long line, CaseEvent e, List<LineProblem> problems) {
        if (e.powerItemId() != null && org.powerItem(e.powerItemId()) == null) {
            problems.add(new LineProblem(
                    line, "power_item_id", "UNKNOWN_REFERENCE", LineTexts.NO_POWER_ITEM, e.powerItemId()));
        }
        if (e.unitId() != null && !org.unitExists(e.unitId())) {
            problems.add(new LineProblem(line, "unit_id", "UNKNOWN_REFERENCE", LineTexts.NO_UNIT, e.unitId()));
        }
        if (e.postId() != null && !org.postExists(e.postId())) {
            problems.add(new LineProblem(line, "post_id", "UNKNOWN_REFERENCE", LineTexts.NO_POST, e.postId()));
        }
        var earlier = e.caseId() == null ? null : cases.get(e.caseId());
        if (earlier != null) {
            var first = earlier.get(0);
            if (e.powerItemId() != null && !first.powerItemId().equals(e.powerItemId())) {
                problems.add(new LineProblem(
                        line,
                        "power_item_id",
                        "CASE_MISMATCH",
                        LineTexts.CASE_OF_ITEM,
                        e.caseId(),
                        first.powerItemId()));
            }
            if (e.unitId() != null && !first.unitId().equals(e.unitId())) {
                problems.add(new LineProblem(
                        line, "unit_id", "CASE_MISMATCH", LineTexts.CASE_OF_UNIT, e.caseId(), first.unitId()));
            }
        }
    }

    public int caseCount() {
        return cases.size();
    }

    /** Every signal raised up to {@code at}, ordered by when it was raised (then case, then rule). */
    public List<Signal> signals(SignalEngine engine, Instant at) {
        var resolved = new ConcurrentHashMap<String, String>();
        // cases are independent: evaluated on every core, in the map's order (so the result does not vary)
        var found = cases.values().parallelStream()
                .map(events -> engine.evaluate(
                        events,
                        org.powerItem(events.get(0).powerItemId()),
                        (unit, item) -> resolved.computeIfAbsent(
                                unit + '\u0000' + item, k -> orEmpty(org.responsiblePost(unit, item))),
                        at))
                .toList();
        var all = new ArrayList<Signal>(found.stream().mapToInt(List::size).sum());
        found.forEach(all::addAll);
        all.replaceAll(s -> "".equals(s.postId())
                ? new Signal(
                        s.caseId(), s.rule(), s.powerItemId(), s.unitId(), null, s.raisedAt(), s.due(), s.clearedAt())
                : s);
        return Arrays.asList(sorted(all));
    }

    /**
     * {@link #ORDER}, stably. Where every signal was raised at a whole second (as events are reported) the times are
     * sorted as numbers first, each with its position, and only signals raised at the same second (many: limits end at
     * midnight) are compared by case and rule: sorting millions of objects by a comparator chased their pointers for
     * most of a city year's evaluation.
     */
    static Signal[] sorted(List<Signal> all) {
        var array = all.toArray(Signal[]::new);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (var s : array) {
            var at = s.raisedAt();
            if (at.getNano() != 0) min = Long.MIN_VALUE;
            min = Math.min(min, at.getEpochSecond());
            max = Math.max(max, at.getEpochSecond());
        }
        if (array.length < 2 || min == Long.MIN_VALUE || max - min >= 1L << 31) {
            Arrays.parallelSort(array, ORDER); // stable, as List.sort
            return array;
        }
        var keys = new long[array.length];
        for (int i = 0; i < array.length; i++) keys[i] = (array[i].raisedAt().getEpochSecond() - min) << 32 | i;
        Arrays.parallelSort(keys);
        var out = new Signal[array.length];
        var runs = new ArrayList<int[]>();
        int start = 0;
        for (int i = 0; i < keys.length; i++) {
            out[i] = array[(int) keys[i]];
            if (i + 1 == keys.length || keys[i + 1] >>> 32 != keys[start] >>> 32) {
                if (i > start) runs.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        runs.parallelStream().forEach(run -> Arrays.sort(out, run[0], run[1], BY_CASE_THEN_RULE));
        return out;
    }

    private static final Comparator<Signal> BY_CASE_THEN_RULE = (a, b) -> {
        int c = a.caseId().compareTo(b.caseId());
        return c != 0 ? c : a.rule().compareTo(b.rule());
    };

    /** By raised time, then case, then rule (written out: it sorts millions of signals in a city's year). */
    public static final Comparator<Signal> ORDER = (a, b) -> {
        int c = a.raisedAt().compareTo(b.raisedAt());
        if (c != 0) return c;
        c = a.caseId().compareTo(b.caseId());
        return c != 0 ? c : a.rule().compareTo(b.rule());
    };

    private static String orEmpty(String post) {
        return post == null ? "" : post;
    }
}
