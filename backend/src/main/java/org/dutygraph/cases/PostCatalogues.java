package org.dutygraph.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dutygraph.cases.PostCatalogueStore.HeldDuty;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * The per-post accountability catalogue (问责事项目录): for each duty a post holds today, the situations of the catalogue
 * in force that bind to it (by concept, power-item category or id), and why. Derived from the graph when read, so it
 * follows duties as they move (imports, applied restructurings). The office reads any post's; a unit's leaders those
 * of the units they lead; a post's holder their own.
 */
@Service
public class PostCatalogues {

    /** {@code because}: CONCEPT, POWER_ITEM_CATEGORY, DUTY or POWER_ITEM; {@code via}: the concept, category or id that matched. */
    public record Item(Catalogue.Situation situation, String dutyId, String dutyText, String because, String via) {}

    public record PostRef(String id, String label, String unitId, String unitName) {}

    public record PostItems(PostRef post, Integer catalogueVersion, List<Item> items) {}

    private final GraphTransactions graph;
    private final PostCatalogueStore store;
    private final SituationCatalogues catalogues;
    private final CaseAudiences audiences;
    private final Clock clock;

    PostCatalogues(
            GraphTransactions graph,
            PostCatalogueStore store,
            SituationCatalogues catalogues,
            CaseAudiences audiences,
            Clock clock) {
        this.graph = graph;
        this.store = store;
        this.catalogues = catalogues;
        this.audiences = audiences;
        this.clock = clock;
    }

    public Optional<PostItems> ofPost(CaseCaller caller, String postId) {
        var today = LocalDate.now(clock);
        return graph.read(() -> store.post(postId)
                .filter(p -> mayRead(caller, p, today))
                .map(p -> items(List.of(p), today).get(0)));
    }

    /** The posts of a unit with their items, by post id; empty for a caller who may not read the unit's. */
    public List<PostItems> ofUnit(CaseCaller caller, String unitId, String after, int limit) {
        var today = LocalDate.now(clock);
        return graph.read(() -> {
            if (!audiences.office(caller) && !audiences.ledUnits(caller).contains(unitId)) {
                return List.<PostItems>of();
            }
            return items(store.postsOf(unitId, after, limit), today);
        });
    }

    /** The unit's catalogue as a document (every post, up to the largest page); null for a caller who may not read it. */
    public String document(
            CaseCaller caller,
            String unitId,
            java.util.function.Function<org.dutygraph.platform.i18n.Text, String> language) {
        var posts = ofUnit(caller, unitId, null, org.dutygraph.platform.graphql.Connection.MAX_PAGE);
        if (posts.isEmpty() && !audiences.office(caller)) {
            return null;
        }
        var unitName = posts.isEmpty() ? unitId : posts.get(0).post().unitName();
        return PostCatalogueDocument.render(unitName, posts, language);
    }

    private boolean mayRead(CaseCaller caller, PostRef post, LocalDate today) {
        return audiences.office(caller)
                || audiences.ledUnits(caller).contains(post.unitId())
                || (caller.personId() != null && store.holds(caller.personId(), post.id(), today));
    }

    private List<PostItems> items(List<PostRef> posts, LocalDate today) {
        var catalogue = catalogues.inForce(today);
        Map<String, List<HeldDuty>> duties = store
                .duties(posts.stream().map(PostRef::id).toList())
                .stream()
                .collect(Collectors.groupingBy(HeldDuty::postId));
        var result = new ArrayList<PostItems>();
        for (var post : posts) {
            var items = new ArrayList<Item>();
            if (catalogue.isPresent()) {
                for (var duty : duties.getOrDefault(post.id(), List.of())) {
                    for (var situation : catalogue.get().catalogue().situations()) {
                        reason(situation.bindings(), duty)
                                .ifPresent(why ->
                                        items.add(new Item(situation, duty.dutyId(), duty.text(), why[0], why[1])));
                    }
                }
            }
            result.add(new PostItems(
                    post, catalogue.map(SituationCatalogues.Version::version).orElse(null), items));
        }
        return result;
    }

    /** Why the binding covers the duty: [because, via], the most specific reason first; empty if it does not. */
    private static Optional<String[]> reason(Catalogue.Bindings b, HeldDuty duty) {
        if (b.dutyIds().contains(duty.dutyId())) {
            return Optional.of(new String[] {"DUTY", duty.dutyId()});
        }
        for (var item : duty.powerItems()) {
            if (b.powerItemIds().contains(item.id())) {
                return Optional.of(new String[] {"POWER_ITEM", item.id()});
            }
        }
        for (var concept : duty.concepts()) {
            if (b.concepts().contains(concept)) {
                return Optional.of(new String[] {"CONCEPT", concept});
            }
        }
        for (var item : duty.powerItems()) {
            if (item.category() != null && b.powerItemCategories().contains(item.category())) {
                return Optional.of(new String[] {"POWER_ITEM_CATEGORY", item.category() + " (" + item.id() + ")"});
            }
        }
        return Optional.empty();
    }
}
