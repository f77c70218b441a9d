package org.dutygraph.appraisal;

import java.time.LocalDate;
import java.util.List;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/** Who a scheme appraises on a given day, as recomputation decides it (for rating rounds that rate a scheme's population). */
@Service
public class AppraisalPopulations {

    private final GraphTransactions graph;
    private final RosterStore rosters;

    AppraisalPopulations(GraphTransactions graph, RosterStore rosters) {
        this.graph = graph;
        this.rosters = rosters;
    }

    /** The units or persons of the scheme's population holding (for persons) a post on {@code day}, in id order. */
    public List<String> of(Scheme scheme, LocalDate day) {
        return graph.read(() -> Roster.load(rosters, day)).subjects(scheme).stream()
                .sorted()
                .toList();
    }
}
