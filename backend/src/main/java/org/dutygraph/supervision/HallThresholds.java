package org.dutygraph.supervision;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.dutygraph.supervision.events.QueueSnapshotParser;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;

/**
 * The watched halls' queue thresholds as data the supervision office edits. The halls of
 * {@code dutygraph.supervision.halls} are initial values: at start each one the graph does not watch yet is written
 * to it once (by {@code settings}); the graph wins afterwards, so a changed setting does not undo the office's edit.
 * A change takes the queue lock, so it applies from the next batch of snapshots on.
 */
@Service
public class HallThresholds implements ApplicationRunner {

    static final String FROM_SETTINGS = "settings";

    /** What the office asks to set; the post ids are optional (a level without one goes to its default post). */
    public record Input(
            String hallId,
            int yellow,
            int orange,
            int red,
            int clearMargin,
            String yellowPostId,
            String orangePostId,
            String redPostId) {}

    /** The hall as stored, or the problems (then nothing was stored). */
    public record Saved(WatchedHall hall, List<UserError> errors) {}

    private final HallStore store;
    private final QueueStore queues;
    private final GraphTransactions graph;
    private final LockStore locks;
    private final OfficeAccess office;
    private final SupervisionSettings settings;
    private final Clock clock;

    HallThresholds(
            HallStore store,
            QueueStore queues,
            GraphTransactions graph,
            LockStore locks,
            OfficeAccess office,
            SupervisionSettings settings,
            Clock clock) {
        this.store = store;
        this.queues = queues;
        this.graph = graph;
        this.locks = locks;
        this.office = office;
        this.settings = settings;
        this.clock = clock;
    }

    /** Up to {@code limit} watched halls after the hall id {@code after}, by hall id: the office only. */
    public List<WatchedHall> watched(String after, int limit) {
        office.require(SupervisionTexts.THRESHOLDS_OFFICE_ONLY);
        return graph.read(() -> store.watched(after, limit));
    }

    /** The watched hall (empty when not watched): the office only. */
    public java.util.Optional<WatchedHall> watched(String hallId) {
        office.require(SupervisionTexts.THRESHOLDS_OFFICE_ONLY);
        return graph.read(() -> store.find(hallId));
    }

    /** Up to {@code limit} recorded changes of the hall's thresholds after the key {@code after}, newest first. */
    public List<HallThresholdChange> changes(String hallId, String after, int limit) {
        office.require(SupervisionTexts.THRESHOLDS_OFFICE_ONLY);
        return graph.read(() -> store.changes(hallId, after, limit));
    }

    /** Refuses (FORBIDDEN) anyone but the office: before any argument is looked at. */
    public void requireOffice() {
        office.require(SupervisionTexts.THRESHOLDS_OFFICE_ONLY);
    }

    public Saved set(Input input) {
        office.require(SupervisionTexts.THRESHOLDS_OFFICE_ONLY);
        var by = office.username();
        return graph.write(() -> {
            locks.job("supervision-queue");
            var errors = check(input);
            if (!errors.isEmpty()) return new Saved(null, errors);
            var hall = new WatchedHall(
                    input.hallId(),
                    input.yellow(),
                    input.orange(),
                    input.red(),
                    input.clearMargin(),
                    input.yellowPostId(),
                    input.orangePostId(),
                    input.redPostId(),
                    by,
                    QueueStore.utc(clock.instant()));
            store.save(hall, false);
            return new Saved(hall, List.of());
        });
    }

    /** Writes each settings hall the graph does not watch yet; a hall it watches keeps its stored thresholds. */
    @Override
    public void run(ApplicationArguments args) {
        seedFromSettings();
    }

    /** The number of settings halls written (those the graph did not watch yet). */
    int seedFromSettings() {
        if (settings.halls().isEmpty()) return 0;
        var at = QueueStore.utc(clock.instant());
        return graph.write(() -> {
            locks.job("supervision-queue");
            int written = 0;
            for (var hall : settings.halls()) {
                var initial = new WatchedHall(
                        hall.unitId(),
                        hall.yellow(),
                        hall.orange(),
                        hall.red(),
                        hall.clearMargin(),
                        blankToNull(hall.yellowPostId()),
                        blankToNull(hall.orangePostId()),
                        blankToNull(hall.redPostId()),
                        FROM_SETTINGS,
                        at);
                if (store.save(initial, true)) written++;
            }
            return written;
        });
    }

    private List<UserError> check(Input input) {
        var errors = new ArrayList<UserError>();
        if (input.hallId() == null || !queues.unitExists(input.hallId())) {
            errors.add(UserError.of("UNKNOWN_UNIT", Text.of(SupervisionTexts.THRESHOLD_NO_UNIT), "input", "hallId"));
        }
        int max = QueueSnapshotParser.MAX_WAITING;
        if (input.yellow() < 1 || input.yellow() > max) {
            errors.add(UserError.of(
                    "OUT_OF_RANGE", Text.of(SupervisionTexts.THRESHOLD_YELLOW_RANGE, max), "input", "yellow"));
        }
        if (input.orange() <= input.yellow() || input.orange() > max) {
            errors.add(UserError.of(
                    "OUT_OF_RANGE",
                    Text.of(SupervisionTexts.THRESHOLD_ABOVE, "orange", "yellow", max),
                    "input",
                    "orange"));
        }
        if (input.red() <= input.orange() || input.red() > max) {
            errors.add(UserError.of(
                    "OUT_OF_RANGE", Text.of(SupervisionTexts.THRESHOLD_ABOVE, "red", "orange", max), "input", "red"));
        }
        if (input.clearMargin() < 0 || input.clearMargin() >= input.yellow()) {
            errors.add(UserError.of(
                    "OUT_OF_RANGE", Text.of(SupervisionTexts.THRESHOLD_CLEAR_MARGIN), "input", "clearMargin"));
        }
        var posts = new LinkedHashMap<String, String>();
        posts.put("yellowPostId", input.yellowPostId());
        posts.put("orangePostId", input.orangePostId());
        posts.put("redPostId", input.redPostId());
        var unknown = store.unknownPosts(
                posts.values().stream().filter(id -> id != null).toList());
        posts.forEach((field, id) -> {
            if (id != null && unknown.contains(id)) {
                errors.add(UserError.of("UNKNOWN_POST", Text.of(SupervisionTexts.THRESHOLD_NO_POST), "input", field));
            }
        });
        return errors;
    }

    private static String blankToNull(String id) {
        return id == null || id.isBlank() ? null : id;
    }
}
