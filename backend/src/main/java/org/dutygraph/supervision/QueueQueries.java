package org.dutygraph.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/** A watched hall's day: its thresholds, when each level was raised and cleared, and the snapshots received. */
@Service
public class QueueQueries {

    /** The hall's day as the API shows it. */
    public record QueueDay(
            String hallId,
            LocalDate date,
            int yellow,
            int orange,
            int red,
            int clearMargin,
            List<Alert> alerts,
            List<Snapshot> snapshots) {}

    /** A level raised on the hall's queue; {@code clearedAt} null while it stands. */
    public record Alert(
            String id, String level, OffsetDateTime raisedAt, int waitingAtRaise, OffsetDateTime clearedAt) {}

    /** A waiting count as received; {@code late} when it came after a newer one (it moved no level). */
    public record Snapshot(OffsetDateTime at, int waiting, boolean late) {}

    private final QueueStore store;
    private final GraphTransactions graph;
    private final OfficeAccess office;
    private final HallStore halls;
    private final Clock clock;

    QueueQueries(QueueStore store, GraphTransactions graph, OfficeAccess office, HallStore halls, Clock clock) {
        this.store = store;
        this.graph = graph;
        this.office = office;
        this.halls = halls;
        this.clock = clock;
    }

    public QueueDay day(String hallId, LocalDate date) {
        office.require();
        var hall = graph.read(() -> halls.find(hallId))
                .orElseThrow(() ->
                        new BadInputException("hallId", "UNKNOWN_HALL", Text.of(SupervisionTexts.QUEUE_UNKNOWN_HALL)));
        var from = date.atStartOfDay(clock.getZone()).toInstant();
        var to = date.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        return graph.read(() -> new QueueDay(
                hallId,
                date,
                hall.yellow(),
                hall.orange(),
                hall.red(),
                hall.clearMargin(),
                store.alerts(hallId, from, to).stream()
                        .sorted(java.util.Comparator.comparing(QueueStore.StoredAlert::raisedAt)
                                .thenComparing(QueueStore.StoredAlert::level))
                        .map(a -> new Alert(
                                a.id(),
                                a.level().name().toUpperCase(java.util.Locale.ROOT),
                                a.raisedAt(),
                                a.waitingAtRaise(),
                                a.clearedAt()))
                        .toList(),
                store.snapshots(hallId, from, to).stream()
                        .map(s -> new Snapshot(s.at(), s.waiting(), s.late()))
                        .toList()));
    }
}
