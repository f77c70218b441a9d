package org.dutygraph.supervision.api;

import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.supervision.SignalQueries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SignalController {

    record SupervisionSignalFilter(String unitId, String level, Boolean open) {}

    private final SignalQueries queries;

    SignalController(SignalQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    Connection<SignalQueries.SignalView> supervisionSignals(
            @Argument SupervisionSignalFilter filter, @Argument Integer first, @Argument String after) {
        queries.requireOffice();
        var f = filter == null ? new SupervisionSignalFilter(null, null, null) : filter;
        return Connection.page(
                first,
                after,
                (cursor, limit) -> queries.signals(f.unitId(), f.level(), f.open(), cursor, limit),
                SignalQueries.SignalView::sortKey);
    }
}
