package org.dutygraph.supervision.api;

import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.supervision.HallThresholds;
import org.dutygraph.supervision.WatchedHall;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The watched service halls' queue thresholds, as the supervision office reads and sets them. */
@Controller
class HallThresholdsController {

    private final HallThresholds thresholds;

    HallThresholdsController(HallThresholds thresholds) {
        this.thresholds = thresholds;
    }

    @QueryMapping
    Connection<WatchedHall> watchedHalls(@Argument Integer first, @Argument String after) {
        return Connection.page(first, after, thresholds::watched, WatchedHall::unitId);
    }

    @MutationMapping
    HallThresholds.Saved setHallQueueThresholds(@Argument HallThresholds.Input input) {
        return thresholds.set(input);
    }
}
