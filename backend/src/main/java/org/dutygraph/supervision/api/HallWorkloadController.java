package org.dutygraph.supervision.api;

import java.time.LocalDate;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.supervision.HallWorkloadChange;
import org.dutygraph.supervision.HallWorkloads;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Service halls' daily workload targets per window worker: set by the office, read per hall and day. */
@Controller
class HallWorkloadController {

    private final HallWorkloads workloads;

    HallWorkloadController(HallWorkloads workloads) {
        this.workloads = workloads;
    }

    @MutationMapping
    HallWorkloads.Saved setHallWorkloadTargets(@Argument HallWorkloads.Input input) {
        return workloads.set(input);
    }

    @QueryMapping
    HallWorkloads.Workload hallWorkload(@Argument String hallId, @Argument LocalDate from, @Argument LocalDate to) {
        return workloads.days(hallId, from, to);
    }

    @SchemaMapping(typeName = "HallWorkload")
    Connection<HallWorkloadChange> changes(
            HallWorkloads.Workload workload, @Argument Integer first, @Argument String after) {
        workloads.requireReader(workload.hallId());
        return Connection.page(
                first,
                after,
                (key, limit) -> workloads.changes(workload.hallId(), key, limit),
                HallWorkloadChange::key);
    }
}
