package org.dutygraph.supervision.signals;

import java.time.Instant;
import java.util.ArrayList;
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
            if (earlier.equals(event)) return Outcome.REPLAYED;
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
        var sorted = all.toArray(Signal[]::new);
        java.util.Arrays.parallelSort(sorted, ORDER); // stable, as List.sort
        return java.util.Arrays.asList(sorted);
    }

    /** By raised time, then case, then rule (written out: it sorts millions of signals in a city's year). */
    public static final java.util.Comparator<Signal> ORDER = (a, b) -> {
        int c = a.raisedAt().compareTo(b.raisedAt());
        if (c != 0) return c;
        c = a.caseId().compareTo(b.caseId());
        return c != 0 ? c : a.rule().compareTo(b.rule());
    };

    private static String orEmpty(String post) {
        return post == null ? "" : post;
    }
}
