package org.dutygraph.supervision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.dutygraph.supervision.events.CaseEvent;
import org.dutygraph.supervision.events.CaseEventParser;
import org.dutygraph.supervision.events.LineProblem;
import org.dutygraph.supervision.events.LineTexts;
import org.springframework.stereotype.Service;

/**
 * A batch of case events from one system: every line checked, the good ones stored in one transaction, the bad
 * ones reported with line and field; an event id the system sent before is ignored when its content is the same.
 */
@Service
public class CaseEventIntake {

    /** What became of a batch. */
    public record Result(int kept, int replayed, List<LineProblem> problems) {}

    private final CaseEventStore store;
    private final GraphTransactions graph;
    private final LockStore locks;
    private final SupervisionSettings settings;
    private final Clock clock;
    private final CaseEventParser parser = new CaseEventParser();

    CaseEventIntake(
            CaseEventStore store, GraphTransactions graph, LockStore locks, SupervisionSettings settings, Clock clock) {
        this.store = store;
        this.graph = graph;
        this.locks = locks;
        this.settings = settings;
        this.clock = clock;
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
        return graph.write(() -> {
            locks.job("supervision-intake");
            return store(system, parsed, refused, problems);
        });
    }

    /** @param refused what could be read of the lines refused already: their references are checked too */
    private Result store(
            String system, Map<Long, CaseEvent> parsed, Map<Long, CaseEvent> refused, List<LineProblem> problems) {
        var events = new ArrayList<>(parsed.values());
        var all = new ArrayList<>(events);
        all.addAll(refused.values());
        var stored = store.fingerprints(events.stream()
                .map(e -> CaseEventStore.key(system, e.eventId()))
                .toList());
        var cases = new HashMap<>(store.cases(ids(all, CaseEvent::caseId)));
        var items = store.existing("PowerItem", ids(all, CaseEvent::powerItemId));
        var units = store.existing("Organization", ids(all, CaseEvent::unitId));
        var posts = store.existing("Post", ids(all, CaseEvent::postId));
        var kept = new ArrayList<CaseEvent>();
        int replayed = 0;
        for (var entry : parsed.entrySet()) {
            long line = entry.getKey();
            var e = entry.getValue();
            var key = CaseEventStore.key(system, e.eventId());
            var fingerprint = CaseEventStore.fingerprint(e);
            var earlier = stored.get(key);
            if (earlier != null) {
                if (earlier.equals(fingerprint)) {
                    replayed++;
                } else {
                    problems.add(new LineProblem(
                            line, "event_id", "EVENT_ID_REUSED", LineTexts.EVENT_ID_REUSED, e.eventId()));
                    check(line, e, cases, items, units, posts, problems);
                }
                continue;
            }
            if (check(line, e, cases, items, units, posts, problems)) {
                stored.put(key, fingerprint);
                cases.putIfAbsent(e.caseId(), new CaseEventStore.CaseKey(e.powerItemId(), e.unitId()));
                kept.add(e);
            }
        }
        refused.forEach((line, e) -> check(line, e, cases, items, units, posts, problems));
        if (!kept.isEmpty()) {
            store.write(system, kept, clock.instant().toString());
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
