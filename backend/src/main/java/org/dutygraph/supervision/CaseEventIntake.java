package org.dutygraph.supervision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dutygraph.supervision.events.CaseEvent;
import org.dutygraph.supervision.events.CaseEventParser;
import org.dutygraph.supervision.events.LineProblem;
import org.dutygraph.supervision.events.LineTexts;
import org.springframework.stereotype.Service;

/**
 * A batch of case events from one system: every line checked, the good ones stored, the bad ones reported with line
 * and field; an event id the system sent before is ignored when its content is the same (its time the same instant,
 * whatever the offset it is written with). A small batch is stored in one transaction; a large one in a few, side by
 * side, each holding whole cases ({@link CaseEventIntakeStore#inParts}), so a failure may leave some cases' events
 * stored: sent again, they are replays.
 */
@Service
public class CaseEventIntake {

    /** What became of a batch. */
    public record Result(int kept, int replayed, List<LineProblem> problems) {}

    private final CaseEventIntakeStore store;
    private final SupervisionSettings settings;
    private final CaseEventParser parser = new CaseEventParser();

    CaseEventIntake(CaseEventIntakeStore store, SupervisionSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    public Result ingest(String system, Reader body) throws IOException {
        var problems = new ArrayList<LineProblem>();
        var parsed = new LinkedHashMap<Long, CaseEvent>();
        var refused = new LinkedHashMap<Long, CaseEvent>();
        var reader = new BufferedReader(body);
        long number = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            if (++number > settings.maxBatchLines()) {
                problems.add(LineProblem.tooManyLines(number, settings.maxBatchLines()));
                break;
            }
            var result = parser.parse(number, line);
            if (result == null) continue;
            if (result.ok()) parsed.put(number, result.event());
            else {
                problems.addAll(result.problems());
                if (result.partial() != null) refused.put(number, result.partial());
            }
        }
        // a retried transaction starts again from the parsed lines, with none of the first attempt's problems
        var parseProblems = List.copyOf(problems);
        int parts = store.parts(parsed.size());
        if (parts == 1 || repeatsAnId(parsed.values())) {
            return store.inBatch(batch -> {
                batch.lockIntake();
                return store(batch, system, parsed, refused, new ArrayList<>(parseProblems));
            });
        }
        return inParts(system, parsed, refused, parseProblems, parts);
    }

    /**
     * The batch written in {@code parts} transactions side by side, each line in the part of its case: a case's
     * events, the case's creation and the look-ups they are checked against are in one part. Only for a batch that
     * names each event id once: an id repeated under another case would be in two parts, neither seeing the other.
     */
    private Result inParts(
            String system,
            Map<Long, CaseEvent> parsed,
            Map<Long, CaseEvent> refused,
            List<LineProblem> parseProblems,
            int parts) {
        var parsedParts = new ArrayList<Map<Long, CaseEvent>>();
        var refusedParts = new ArrayList<Map<Long, CaseEvent>>();
        for (int i = 0; i < parts; i++) {
            parsedParts.add(new LinkedHashMap<>());
            refusedParts.add(new LinkedHashMap<>());
        }
        parsed.forEach((line, e) -> parsedParts.get(part(e, parts)).put(line, e));
        refused.forEach((line, e) -> refusedParts.get(part(e, parts)).put(line, e));
        var works = new ArrayList<Function<CaseEventIntakeStore.Batch, Result>>();
        for (int i = 0; i < parts; i++) {
            var partParsed = parsedParts.get(i);
            var partRefused = refusedParts.get(i);
            works.add(batch -> store(batch, system, partParsed, partRefused, new ArrayList<>()));
        }
        int kept = 0;
        int replayed = 0;
        var problems = new ArrayList<>(parseProblems);
        for (var result : store.inParts(works)) {
            kept += result.kept();
            replayed += result.replayed();
            problems.addAll(result.problems());
        }
        problems.sort(java.util.Comparator.comparingLong(LineProblem::line));
        return new Result(kept, replayed, List.copyOf(problems));
    }

    private static int part(CaseEvent e, int parts) {
        return e.caseId() == null ? 0 : Math.floorMod(e.caseId().hashCode(), parts);
    }

    private static boolean repeatsAnId(Collection<CaseEvent> events) {
        var ids = new HashSet<String>(events.size() * 2);
        for (var e : events) {
            if (!ids.add(e.eventId())) return true;
        }
        return false;
    }

    /** @param refused what could be read of the lines refused already: their references are checked too */
    private Result store(
            CaseEventIntakeStore.Batch batch,
            String system,
            Map<Long, CaseEvent> parsed,
            Map<Long, CaseEvent> refused,
            List<LineProblem> problems) {
        var events = parsed.values();
        var all = new ArrayList<>(events);
        all.addAll(refused.values());
        var stored = batch.stored(events.stream()
                .map(e -> CaseEventIntakeStore.key(system, e.eventId()))
                .collect(Collectors.toSet()));
        var storedCases = batch.cases(ids(all, CaseEvent::caseId));
        var cases = new HashMap<String, CaseEventStore.CaseKey>();
        storedCases.forEach((id, c) -> cases.put(id, new CaseEventStore.CaseKey(c.powerItemId(), c.unitId())));
        var items = batch.existing("PowerItem", ids(all, CaseEvent::powerItemId));
        var units = batch.existing("Organization", ids(all, CaseEvent::unitId));
        var posts = batch.existing("Post", ids(all, CaseEvent::postId));
        var kept = new ArrayList<CaseEvent>();
        var created = new LinkedHashMap<String, CaseEventStore.CaseKey>();
        var reopened = new LinkedHashSet<String>();
        int replayed = 0;
        for (var entry : parsed.entrySet()) {
            long line = entry.getKey();
            var e = entry.getValue();
            var key = CaseEventIntakeStore.key(system, e.eventId());
            var earlier = stored.get(key);
            if (earlier != null) {
                if (earlier.sameEvent(e)) {
                    replayed++;
                } else {
                    problems.add(new LineProblem(
                            line, "event_id", "EVENT_ID_REUSED", LineTexts.EVENT_ID_REUSED, e.eventId()));
                    check(line, e, cases, items, units, posts, problems);
                }
                continue;
            }
            if (check(line, e, cases, items, units, posts, problems)) {
                stored.put(key, e);
                var known = storedCases.get(e.caseId());
                if (known == null) {
                    var fresh = new CaseEventStore.CaseKey(e.powerItemId(), e.unitId());
                    if (cases.putIfAbsent(e.caseId(), fresh) == null) created.put(e.caseId(), fresh);
                } else if (known.stale()) {
                    reopened.add(e.caseId());
                }
                kept.add(e);
            }
        }
        refused.forEach((line, e) -> check(line, e, cases, items, units, posts, problems));
        if (!kept.isEmpty()) {
            batch.write(system, kept, created, reopened);
        }
        problems.sort(java.util.Comparator.comparingLong(LineProblem::line));
        return new Result(kept.size(), replayed, List.copyOf(problems));
    }

    private static Set<String> ids(List<CaseEvent> events, java.util.function.Function<CaseEvent, String> field) {
        return events.stream().map(field).filter(id -> id != null).collect(Collectors.toSet());
    }

    private static boolean check(
            long line,
            CaseEvent e,
            Map<String, CaseEventStore.CaseKey> cases,
            Set<String> items,
            Set<String> units,
            Set<String> posts,
            List<LineProblem> problems) {
        int before = problems.size();
        if (e.powerItemId() != null && !items.contains(e.powerItemId())) {
            problems.add(new LineProblem(
                    line, "power_item_id", "UNKNOWN_REFERENCE", LineTexts.NO_POWER_ITEM, e.powerItemId()));
        }
        if (e.unitId() != null && !units.contains(e.unitId())) {
            problems.add(new LineProblem(line, "unit_id", "UNKNOWN_REFERENCE", LineTexts.NO_UNIT, e.unitId()));
        }
        if (e.postId() != null && !posts.contains(e.postId())) {
            problems.add(new LineProblem(line, "post_id", "UNKNOWN_REFERENCE", LineTexts.NO_POST, e.postId()));
        }
        var known = e.caseId() == null ? null : cases.get(e.caseId());
        if (known != null && e.powerItemId() != null && !known.powerItemId().equals(e.powerItemId())) {
            problems.add(new LineProblem(
                    line, "power_item_id", "CASE_MISMATCH", LineTexts.CASE_OF_ITEM, e.caseId(), known.powerItemId()));
        }
        if (known != null && e.unitId() != null && !known.unitId().equals(e.unitId())) {
            problems.add(new LineProblem(
                    line, "unit_id", "CASE_MISMATCH", LineTexts.CASE_OF_UNIT, e.caseId(), known.unitId()));
        }
        return problems.size() == before;
    }
}
