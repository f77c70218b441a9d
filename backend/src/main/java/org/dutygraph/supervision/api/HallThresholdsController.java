package org.dutygraph.supervision.api;

import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.supervision.HallThresholdChange;
import org.dutygraph.supervision.HallThresholds;
import org.dutygraph.supervision.WatchedHall;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
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
        thresholds.requireOffice();
        return Connection.page(first, after, thresholds::watched, WatchedHall::unitId);
    }

    @QueryMapping
    WatchedHall watchedHall(@Argument String hallId) {
        return thresholds.watched(hallId).orElse(null);
    }

    @SchemaMapping(typeName = "WatchedHall")
    Connection<HallThresholdChange> thresholdChanges(
            WatchedHall hall, @Argument Integer first, @Argument String after) {
        thresholds.requireOffice();
        return Connection.page(
                first, after, (key, limit) -> thresholds.changes(hall.unitId(), key, limit), HallThresholdChange::key);
    }

    @MutationMapping
    HallThresholds.Saved setHallQueueThresholds(@Argument HallThresholds.Input input) {
        return thresholds.set(input);
    }
}
