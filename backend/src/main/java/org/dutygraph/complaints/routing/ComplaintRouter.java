package org.dutygraph.complaints.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Decides who handles a complaint from the duty graph (graph-schema/docs/model.md). A named unit,
 * window, post or badge settles it. A matter goes to the units holding duties that exercise it in the
 * place of the incident (a power item: duties exercising it; a matter concept: duties on it or on a broader
 * object): one unit handles it; when several hold it and the conflict analysis found their overlap, the
 * arbiter's unit handles it with the finding attached; otherwise, and for matters in free text, the
 * efficiency office routes it by hand, with the units the graph suggests and why.
 */
@Component
public class ComplaintRouter {

    private final TriageSuggestions suggestions;
    private final Clock clock;

    ComplaintRouter(TriageSuggestions suggestions, Clock clock) {
        this.suggestions = suggestions;
        this.clock = clock;
    }

    /** Routes within the transaction that stores the complaint (a submission routes and stores in one). */
    public Routing route(RoutingStore graph, ComplaintTarget target, String areaId) {
        for (var named : new String[]{target.windowId(), target.unitId()}) {
            var name = named == null ? Optional.<String>empty() : graph.unitName(named);
            if (name.isPresent()) {
                return Routing.named(named, name.get());
            }
        }
        var unit = target.postId() == null ? Optional.<String>empty() : single(graph.unitsOfPost(target.postId()));
        if (unit.isPresent()) {
            return Routing.to(unit.get(), "the unit of the post named by the citizen");
        }
        unit = target.badgeNumber() == null ? Optional.empty()
                : single(graph.unitsOfHolder(target.badgeNumber().trim(), LocalDate.now(clock)));
        if (unit.isPresent()) {
            return Routing.to(unit.get(), "the unit of the staff member with that badge number");
        }
        return byMatter(graph, target, areaId);
    }

    private Routing byMatter(RoutingStore graph, ComplaintTarget target, String areaId) {
        if (target.powerItemId() != null) {
            return byMatter(graph, Named.POWER_ITEM, graph.holdersOfPowerItem(target.powerItemId(), areaId));
        }
        if (target.matterId() != null) {
            return byMatter(graph, Named.MATTER, graph.holdersOfMatter(target.matterId(), areaId));
        }
        if (target.matterText() != null && !target.matterText().isBlank()) {
            return Routing.triage("市民用文字描述事项，由效能办分办；附按职责和事项匹配的建议单位",
                    suggestions.forText(graph, target.matterText(), areaId));
        }
        return Routing.triage("nothing the complaint names is in the duty graph", List.of());
    }

    /** How a matter is named: the words that explain the outcome. */
    enum Named {
        POWER_ITEM("the only unit holding a duty that exercises this matter there",
                "no unit holds a duty exercising this matter in that place",
                " units hold this matter there and overlap: sent to the arbiter's unit, ",
                " units hold this matter there and no overlap finding names an arbiter",
                "holds a duty exercising this matter there"),
        MATTER("市民选择的事项在事发地只有该单位承担职责",
                "事发地没有单位承担市民选择的事项，由效能办分办",
                "个单位在事发地都承担市民选择的事项，职责交叉，转仲裁方所在单位：",
                "个单位在事发地都承担市民选择的事项，冲突分析未指定仲裁方，由效能办分办",
                "在事发地承担市民选择的事项");

        final String only;
        final String none;
        final String arbiter;
        final String noArbiter;
        final String holds;

        Named(String only, String none, String arbiter, String noArbiter, String holds) {
            this.only = only;
            this.none = none;
            this.arbiter = arbiter;
            this.noArbiter = noArbiter;
            this.holds = holds;
        }
    }

    /** One holder handles it; several go to the arbiter of their overlap if a finding names one, else to triage. */
    private static Routing byMatter(RoutingStore graph, Named named, List<RoutingStore.Holder> holders) {
        if (holders.isEmpty()) {
            return Routing.triage(named.none, List.of());
        }
        if (holders.size() == 1) {
            return Routing.to(holders.get(0).unitId(), named.only);
        }
        var suggested = holders.stream().map(h -> new Routing.Suggestion(h.unitId(), named.holds)).toList();
        var duties = holders.stream().flatMap(h -> h.dutyIds().stream()).toList();
        return graph.arbiter(duties)
                .map(a -> new Routing(a.unitId(), holders.size() + named.arbiter + a.unitName(), a.findingId(), suggested))
                .orElseGet(() -> Routing.triage(holders.size() + named.noArbiter, suggested));
    }

    private static Optional<String> single(List<String> ids) {
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }
}
