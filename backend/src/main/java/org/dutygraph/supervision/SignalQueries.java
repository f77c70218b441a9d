package org.dutygraph.supervision;

import java.util.List;
import java.util.Locale;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/** Reading signals: admins and the supervision office's inspectors only. */
@Service
public class SignalQueries {

    /** A signal as the API shows it. */
    public record SignalView(
            String id,
            String caseId,
            String level,
            String rule,
            String powerItemId,
            String unitId,
            String postId,
            java.time.OffsetDateTime raisedAt,
            java.time.OffsetDateTime due,
            java.time.OffsetDateTime clearedAt,
            String sortKey) {}

    private final SignalStore store;
    private final GraphTransactions graph;
    private final OfficeAccess office;

    SignalQueries(SignalStore store, GraphTransactions graph, OfficeAccess office) {
        this.store = store;
        this.graph = graph;
        this.office = office;
    }

    /** Refuses (FORBIDDEN) anyone but the office: before any argument is looked at. */
    public void requireOffice() {
        office.require();
    }

    /** A page of signals, newest raised first, after the sort key of the previous page's last one. */
    public List<SignalView> signals(String unitId, String level, Boolean open, String after, int limit) {
        office.require();
        return graph
                .read(() ->
                        store.list(unitId, level == null ? null : level.toLowerCase(Locale.ROOT), open, after, limit))
                .stream()
                .map(s -> new SignalView(
                        s.id(),
                        s.caseId(),
                        s.level().toUpperCase(Locale.ROOT),
                        s.rule(),
                        s.powerItemId(),
                        s.unitId(),
                        s.postId(),
                        s.raisedAt(),
                        s.due(),
                        s.clearedAt(),
                        s.sortKey()))
                .toList();
    }
}
