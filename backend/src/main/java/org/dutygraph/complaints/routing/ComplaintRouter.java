package org.dutygraph.complaints.routing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dutygraph.complaints.ComplaintTexts;
import org.dutygraph.platform.i18n.Text;
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
        for (var named : new String[] {target.windowId(), target.unitId()}) {
            var name = named == null ? Optional.<String>empty() : graph.unitName(named);
            if (name.isPresent()) {
                return Routing.named(named, name.get());
            }
        }
        var unit = target.postId() == null ? Optional.<String>empty() : single(graph.unitsOfPost(target.postId()));
        if (unit.isPresent()) {
            return Routing.to(unit.get(), Text.of(ComplaintTexts.POST_NAMED));
        }
        unit = target.badgeNumber() == null
                ? Optional.empty()
                : single(graph.unitsOfHolder(target.badgeNumber().trim(), LocalDate.now(clock)));
        if (unit.isPresent()) {
            return Routing.to(unit.get(), Text.of(ComplaintTexts.BADGE_NAMED));
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
            return Routing.triage(
                    Text.of(ComplaintTexts.WORDS_TO_TRIAGE), suggestions.forText(graph, target.matterText(), areaId));
        }
        return Routing.triage(Text.of(ComplaintTexts.NOTHING_KNOWN), List.of());
    }

    /** How a matter is named: the words that explain the outcome. */
    enum Named {
        POWER_ITEM(
                ComplaintTexts.ITEM_ONLY_HOLDER,
                ComplaintTexts.ITEM_NO_HOLDER,
                ComplaintTexts.ITEM_TO_ARBITER,
                ComplaintTexts.ITEM_NO_ARBITER,
                ComplaintTexts.ITEM_HOLDS),
        MATTER(
                ComplaintTexts.MATTER_ONLY_HOLDER,
                ComplaintTexts.MATTER_NO_HOLDER,
                ComplaintTexts.MATTER_TO_ARBITER,
                ComplaintTexts.MATTER_NO_ARBITER,
                ComplaintTexts.MATTER_HOLDS);

        final ComplaintTexts only;
        final ComplaintTexts none;
        final ComplaintTexts arbiter;
        final ComplaintTexts noArbiter;
        final ComplaintTexts holds;

        Named(
                ComplaintTexts only,
                ComplaintTexts none,
                ComplaintTexts arbiter,
                ComplaintTexts noArbiter,
                ComplaintTexts holds) {
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
            return Routing.triage(Text.of(named.none), List.of());
        }
        if (holders.size() == 1) {
            return Routing.to(holders.get(0).unitId(), Text.of(named.only));
        }
        var suggested = holders.stream()
                .map(h -> new Routing.Suggestion(h.unitId(), Text.of(named.holds)))
                .toList();
        var duties = holders.stream().flatMap(h -> h.dutyIds().stream()).toList();
        return graph.arbiter(duties)
                .map(a -> new Routing(
                        a.unitId(), Text.of(named.arbiter, holders.size(), a.unitName()), a.findingId(), suggested))
                .orElseGet(() -> Routing.triage(Text.of(named.noArbiter, holders.size()), suggested));
    }

    private static Optional<String> single(List<String> ids) {
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }
}
