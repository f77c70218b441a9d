package org.dutygraph.supervision.api;

import java.util.List;
import org.dutygraph.supervision.SupervisionStatistics;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Monthly supervision statistics (office and unit leaders) and the public ranking of units by on-time rate. */
@Controller
class SupervisionStatisticsController {

    private final SupervisionStatistics statistics;

    SupervisionStatisticsController(SupervisionStatistics statistics) {
        this.statistics = statistics;
    }

    @QueryMapping
    SupervisionStatistics.Statistics supervisionStatistics(@Argument String month, @Argument List<String> unitIds) {
        return statistics.monthly(month, unitIds);
    }

    @QueryMapping
    SupervisionStatistics.Ranking supervisionRanking(@Argument String month) {
        return statistics.ranking(month);
    }
}
