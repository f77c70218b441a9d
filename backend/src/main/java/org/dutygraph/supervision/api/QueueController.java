package org.dutygraph.supervision.api;

import java.time.LocalDate;
import org.dutygraph.supervision.QueueQueries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class QueueController {

    private final QueueQueries queries;

    QueueController(QueueQueries queries) {
        this.queries = queries;
    }

    @QueryMapping
    QueueQueries.QueueDay hallQueueDay(@Argument String hallId, @Argument LocalDate date) {
        return queries.day(hallId, date);
    }
}
