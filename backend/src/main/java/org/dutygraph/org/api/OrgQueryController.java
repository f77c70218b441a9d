package org.dutygraph.org.api;

import java.util.List;
import org.dutygraph.org.read.DutySearchStore;
import org.dutygraph.org.read.OrgReadStore;
import org.dutygraph.org.read.Views.AreaView;
import org.dutygraph.org.read.Views.ConceptView;
import org.dutygraph.org.read.Views.DutyView;
import org.dutygraph.org.read.Views.PersonView;
import org.dutygraph.org.read.Views.PostView;
import org.dutygraph.org.read.Views.PowerItemView;
import org.dutygraph.org.read.Views.UnitView;
import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.search.FullTextQuery;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Root queries over the organisation graph. Who may call each is declared in the schema (@auth). */
@Controller
class OrgQueryController {

    private final OrgReadStore graph;
    private final DutySearchStore search;

    OrgQueryController(OrgReadStore graph, DutySearchStore search) {
        this.graph = graph;
        this.search = search;
    }

    record UnitFilter(String parentId, String classification) {}

    record PowerItemFilter(String category, String holderId) {}

    @QueryMapping
    UnitView unit(@Argument String id) {
        return graph.units(List.of(id)).get(id);
    }

    @QueryMapping
    Connection<UnitView> units(@Argument UnitFilter filter, @Argument Integer first, @Argument String after) {
        return Connection.page(
                first,
                after,
                (cursor, limit) -> graph.unitPage(
                        filter == null ? null : filter.parentId(),
                        filter == null ? null : filter.classification(),
                        cursor,
                        limit),
                UnitView::id);
    }

    @QueryMapping
    PostView post(@Argument String id) {
        return graph.posts(List.of(id)).get(id);
    }

    @QueryMapping
    PersonView person(@Argument String id) {
        return graph.persons(List.of(id)).get(id);
    }

    @QueryMapping
    DutyView duty(@Argument String id) {
        return graph.duties(List.of(id)).get(id);
    }

    @QueryMapping
    Connection<DutyView> duties(
            @Argument DutySearchStore.Filter filter, @Argument Integer first, @Argument String after) {
        return Connection.page(first, after, (cursor, limit) -> search.duties(filter, cursor, limit), DutyView::id);
    }

    record SearchEdge(String cursor, DutyView node, double score) {}

    record SearchConnection(List<SearchEdge> edges, Connection.PageInfo pageInfo) {}

    @QueryMapping
    SearchConnection searchDuties(@Argument String text, @Argument Integer first, @Argument String after) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("text", "MISSING_FIELD", Text.of(PlatformTexts.NOT_BLANK, "text"));
        }
        var query = FullTextQuery.of(text, "text");
        int size = Connection.pageSize(first);
        var afterKey = searchKey(after);
        var hits = search.search(query, afterKey, size + 1);
        var page = hits.subList(0, Math.min(size, hits.size()));
        var edges = new java.util.ArrayList<SearchEdge>();
        for (var hit : page) {
            var key = new DutySearchStore.SearchKey(hit.score(), hit.duty().id());
            edges.add(new SearchEdge(Connection.encode(key.text()), hit.duty(), hit.score()));
        }
        // as every list (Connection.of): a page of first: 0 after a cursor ends where it began
        var here = size == 0 && afterKey != null ? Connection.encode(afterKey.text()) : null;
        return new SearchConnection(
                edges,
                new Connection.PageInfo(
                        hits.size() > size,
                        afterKey != null,
                        edges.isEmpty() ? here : edges.get(0).cursor(),
                        edges.isEmpty() ? here : edges.get(edges.size() - 1).cursor()));
    }

    private static DutySearchStore.SearchKey searchKey(String after) {
        var text = Connection.decode(after);
        if (text == null) {
            return null;
        }
        var key = DutySearchStore.SearchKey.parse(text);
        if (key == null) {
            throw new BadInputException("after", "INVALID_CURSOR", Text.of(PlatformTexts.NOT_OUR_CURSOR, "after"));
        }
        return key;
    }

    @QueryMapping
    PowerItemView powerItem(@Argument String id) {
        return graph.powerItems(List.of(id)).get(id);
    }

    @QueryMapping
    Connection<PowerItemView> powerItems(
            @Argument PowerItemFilter filter, @Argument Integer first, @Argument String after) {
        var category = filter == null || filter.category() == null
                ? null
                : filter.category().toLowerCase();
        return Connection.page(
                first,
                after,
                (cursor, limit) ->
                        search.powerItems(category, filter == null ? null : filter.holderId(), cursor, limit),
                PowerItemView::id);
    }

    @QueryMapping
    ConceptView concept(@Argument String id) {
        return graph.concepts(List.of(id)).get(id);
    }

    @QueryMapping
    AreaView area(@Argument String id) {
        return graph.areas(List.of(id)).get(id);
    }
}
