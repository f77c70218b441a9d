package org.dutygraph.cases;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.cases.CaseViews.Audience;
import org.dutygraph.cases.CaseViews.CaseView;
import org.dutygraph.cases.CaseViews.Statement;
import org.dutygraph.cases.CaseViews.Step;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/** Cases as each audience sees them (see {@link CaseAudiences}); a case the caller may not see is not there. */
@Service
public class CaseReads {

    public record Filter(List<String> statuses, String sourceKind) {}

    private final GraphTransactions graph;
    private final CaseStore store;
    private final CaseAudiences audiences;
    private final Clock clock;

    CaseReads(GraphTransactions graph, CaseStore store, CaseAudiences audiences, Clock clock) {
        this.graph = graph;
        this.store = store;
        this.audiences = audiences;
        this.clock = clock;
    }

    public Optional<CaseView> one(CaseCaller caller, String id) {
        return graph.read(() -> store.get(id, clock.instant())
                .flatMap(c -> audiences.of(caller, c).map(c::seenBy)));
    }

    /** The office and the level above: every case; a leader: the cases of the units they lead; anyone else: none. */
    public List<CaseView> page(CaseCaller caller, Filter filter, String after, int limit) {
        var statuses = filter == null ? null : filter.statuses();
        var kind = filter == null ? null : filter.sourceKind();
        return graph.read(() -> {
            if (audiences.office(caller) || audiences.appealBoard(caller)) {
                var who = audiences.office(caller) ? Audience.OFFICE : Audience.APPEAL_BOARD;
                return seen(
                        store.page(
                                new CaseStore.Query(statuses, kind, null, null, true), after, limit, clock.instant()),
                        who);
            }
            var units = audiences.ledUnits(caller);
            if (units.isEmpty()) {
                return List.of();
            }
            return seen(
                    store.page(new CaseStore.Query(statuses, kind, units, null, false), after, limit, clock.instant()),
                    Audience.LEADER);
        });
    }

    /** The caller's own cases, once registered. */
    public List<CaseView> mine(CaseCaller caller, String after, int limit) {
        if (caller.personId() == null) {
            return List.of();
        }
        return graph.read(() -> seen(
                store.page(
                        new CaseStore.Query(null, null, null, caller.personId(), false), after, limit, clock.instant()),
                Audience.CONCERNED));
    }

    /** The steps of each case; who took a step only for the office. */
    public Map<CaseView, List<Step>> steps(List<CaseView> cases) {
        var byId = graph.read(() -> store.steps(cases.stream().map(CaseView::id).toList()));
        var result = new HashMap<CaseView, List<Step>>();
        for (var c : cases) {
            result.put(
                    c,
                    byId.stream()
                            .filter(s -> s.caseId().equals(c.id()))
                            .map(s -> c.audience() == Audience.OFFICE ? s : s.withoutActor())
                            .toList());
        }
        return result;
    }

    /** Statements of the person concerned: for the office, the level above and that person. */
    public Map<CaseView, List<Statement>> statements(List<CaseView> cases) {
        var byId = graph.read(
                () -> store.statements(cases.stream().map(CaseView::id).toList()));
        var result = new HashMap<CaseView, List<Statement>>();
        for (var c : cases) {
            boolean shown = c.audience() != Audience.LEADER;
            result.put(
                    c,
                    shown ? byId.stream().filter(s -> s.caseId().equals(c.id())).toList() : List.of());
        }
        return result;
    }

    private static List<CaseView> seen(List<CaseView> cases, Audience who) {
        return cases.stream().map(c -> c.seenBy(who)).toList();
    }
}
