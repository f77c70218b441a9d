package org.dutygraph.supervision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.dutygraph.supervision.events.LineProblem;
import org.dutygraph.supervision.events.LineTexts;
import org.dutygraph.supervision.events.QueueSnapshot;
import org.dutygraph.supervision.events.QueueSnapshotParser;
import org.springframework.stereotype.Service;

/**
 * A batch of queue snapshots from a queue system. Each watched hall's snapshots are applied in time order to its
 * levels (raised at the threshold, cleared below it minus the margin); a snapshot not newer than the hall's latest
 * is kept for the day's record as late and moves no level (a replayed backlog does not ring phones). A hall and
 * moment sent again with the same count is a replay and ignored; with another count it is refused. Each level
 * raised and still raised at the end of the batch is told to its post once.
 */
@Service
public class QueueIntake {

    /** What became of a batch. */
    public record Result(int kept, int replayed, int late, int raised, int cleared, List<LineProblem> problems) {}

    private record Line(long number, QueueSnapshot snapshot, Instant at) {}

    private final QueueStore store;
    private final HallStore hallStore;
    private final QueueNotices notices;
    private final Notifications notifications;
    private final GraphTransactions graph;
    private final LockStore locks;
    private final SupervisionSettings settings;
    private final Clock clock;
    private final QueueSnapshotParser parser = new QueueSnapshotParser();

    QueueIntake(
            QueueStore store,
            HallStore hallStore,
            QueueNotices notices,
            Notifications notifications,
            GraphTransactions graph,
            LockStore locks,
            SupervisionSettings settings,
            Clock clock) {
        this.store = store;
        this.hallStore = hallStore;
        this.notices = notices;
        this.notifications = notifications;
        this.graph = graph;
        this.locks = locks;
        this.settings = settings;
        this.clock = clock;
    }

    public Result ingest(String system, Reader body) throws IOException {
        var problems = new ArrayList<LineProblem>();
        var lines = new ArrayList<Line>();
        var reader = new BufferedReader(body);
        long number = 0;
        for (String text; (text = reader.readLine()) != null; ) {
            if (++number > settings.maxBatchLines()) {
                problems.add(LineProblem.tooManyLines(number, settings.maxBatchLines()));
                break;
            }
            var parsed = parser.parse(number, text);
            if (parsed == null) continue;
            if (parsed.ok())
                lines.add(new Line(
                        number, parsed.snapshot(), parsed.snapshot().at().toInstant()));
            else problems.addAll(parsed.problems());
        }
        var result = graph.write(() -> {
            locks.job("supervision-queue");
            return store(system, lines, problems);
        });
        return result;
    }

    private Result store(String system, List<Line> lines, List<LineProblem> problems) {
        // read under the queue lock: thresholds set by the office apply from the next batch on
        var halls = hallStore.watched().stream().collect(Collectors.toMap(WatchedHall::unitId, Function.identity()));
        var known = new HashMap<>(store.known(lines.stream()
                .map(l -> QueueStore.key(l.snapshot().hallId(), l.at()))
                .toList()));
        var existing = new HashMap<String, Boolean>();
        var byHall = new LinkedHashMap<String, List<Line>>();
        int replayed = 0;
        for (var line : lines) {
            var hallId = line.snapshot().hallId();
            if (!halls.containsKey(hallId)) {
                problems.add(
                        new LineProblem(line.number(), "hall_id", "UNKNOWN_HALL", LineTexts.HALL_NOT_WATCHED, hallId));
                continue;
            }
            if (!existing.computeIfAbsent(hallId, store::unitExists)) {
                problems.add(new LineProblem(line.number(), "hall_id", "UNKNOWN_REFERENCE", LineTexts.NO_UNIT, hallId));
                continue;
            }
            var key = QueueStore.key(hallId, line.at());
            var earlier = known.get(key);
            if (earlier != null) {
                if (earlier == line.snapshot().waiting()) replayed++;
                else
                    problems.add(new LineProblem(
                            line.number(),
                            "waiting",
                            "SNAPSHOT_REUSED",
                            LineTexts.SNAPSHOT_REUSED,
                            hallId,
                            line.snapshot().at(),
                            earlier));
                continue;
            }
            known.put(key, line.snapshot().waiting());
            byHall.computeIfAbsent(hallId, h -> new ArrayList<>()).add(line);
        }
        var totals = new int[4];
        var requests = new ArrayList<NotificationRequest>();
        byHall.forEach((hallId, hallLines) -> apply(system, halls.get(hallId), hallLines, totals, requests));
        if (!requests.isEmpty()) notifications.enqueue(requests);
        problems.sort(Comparator.comparingLong(LineProblem::line));
        return new Result(totals[0], replayed, totals[1], totals[2], totals[3], List.copyOf(problems));
    }

    private void apply(
            String system, WatchedHall hall, List<Line> lines, int[] totals, List<NotificationRequest> requests) {
        lines.sort(Comparator.comparing(Line::at));
        var state = store.hall(hall.unitId());
        var latest = state.latest();
        var raised = new HashMap<>(state.raised());
        var fresh = new LinkedHashMap<String, Integer>();
        var rows = new ArrayList<QueueStore.SnapshotRow>();
        for (var line : lines) {
            var at = line.at();
            int waiting = line.snapshot().waiting();
            boolean late = latest != null && !at.isAfter(latest);
            rows.add(new QueueStore.SnapshotRow(QueueStore.key(hall.unitId(), at), hall.unitId(), at, waiting, late));
            totals[0]++;
            if (late) {
                totals[1]++;
                continue;
            }
            latest = at;
            var next = QueueHysteresis.next(hall, raised.keySet(), waiting);
            for (var level : QueueLevel.values()) {
                var id = raised.get(level);
                if (id != null && !next.contains(level)) {
                    store.clear(id, at);
                    raised.remove(level);
                    totals[3]++;
                } else if (id == null && next.contains(level)) {
                    id = hall.unitId() + "/" + level + "/" + at;
                    store.raise(id, hall.unitId(), level, at, waiting);
                    raised.put(level, id);
                    fresh.put(id, waiting);
                    totals[2]++;
                }
            }
        }
        store.saveSnapshots(system, rows, clock.instant());
        if (latest != null) store.setLatest(hall.unitId(), latest);
        raised.forEach((level, id) -> {
            var waiting = fresh.get(id);
            if (waiting != null) requests.addAll(notices.requests(hall, level, id, waiting));
        });
    }
}
