package org.dutygraph.complaints.matters;

import java.util.List;
import java.util.Map;
import org.dutygraph.platform.graphql.BatchResults;
import org.dutygraph.platform.graphql.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The public list of matters a citizen can pick for a complaint (matters.graphqls). */
@Controller
class MattersController {

    private final MatterCatalogue catalogue;

    MattersController(MatterCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @QueryMapping
    Connection<MatterView> matters(@Argument String filter, @Argument Integer first, @Argument String after) {
        var q = filter;
        MatterCatalogue.normalised(q); // refuse a filter that is too long before reading anything
        return Connection.page(first, after, (cursor, limit) -> catalogue.page(q, cursor, limit), MatterView::sortKey);
    }

    @SchemaMapping(typeName = "MatterConnection")
    String version(Connection<MatterView> connection) {
        return catalogue.version();
    }

    @BatchMapping(typeName = "Matter")
    Map<MatterView, MatterView> broader(List<MatterView> matters) {
        var broader = catalogue.byIds(matters.stream()
                .map(MatterView::broaderId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        return BatchResults.byKey(matters, MatterView::broaderId, broader);
    }
}
