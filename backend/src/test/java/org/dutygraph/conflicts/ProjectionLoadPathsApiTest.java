package org.dutygraph.conflicts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.dutygraph.conflicts.engine.ConflictEngine;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.conflicts.engine.ProjectionStore;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.neo4j.InProcessGraph;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The projection is read through the embedded Java API when the store is in this JVM and through the driver against
 * a server: both must give the engine the same graph, so the same findings.
 */
class ProjectionLoadPathsApiTest extends ApiTest {

    @Autowired
    InProcessGraph inProcess;

    @Autowired
    ProjectionStore projections;

    @Autowired
    ConflictSettings settings;

    @Autowired
    Messages messages;

    @Test
    void theJavaApiAndTheDriverLoadTheSameProjectionSoTheEngineFindsTheSameFindings() {
        assumeTrue(inProcess.database().isPresent(), "the store is not embedded here (a container serves it)");
        wipeGraph();
        importBundle(ConflictsApiTest.BUNDLE);

        var viaDriver = analyze(new ProjectionStore(driver, null, clock));
        var viaJavaApi =
                analyze(new ProjectionStore(driver, inProcess.database().orElseThrow(), clock));

        assertThat(projections.readsInProcess())
                .as("the service reads the embedded store in process")
                .isTrue();
        assertThat(viaDriver).extracting(Finding::kind).contains(Finding.Kind.OVERLAP, Finding.Kind.GAP);
        assertThat(viaJavaApi).isEqualTo(viaDriver);
    }

    @Test
    void aDutyHeldTwiceIsOneDuty_andShiftsNoOtherDutysData() {
        assumeTrue(inProcess.database().isPresent(), "the store is not embedded here (a container serves it)");
        wipeGraph();
        importBundle(ConflictsApiTest.BUNDLE);
        var before = analyze(new ProjectionStore(driver, inProcess.database().orElseThrow(), clock));
        try (var session = driver.session()) {
            // the first duty by id, held once more by the same holder: a relationship written straight to the graph
            session.run("""
                    MATCH (d:Duty)-[:HELD_BY]->(h) WITH d, h ORDER BY d.id LIMIT 1
                    CREATE (d)-[:HELD_BY]->(h)""").consume();
        }
        assertThat(analyze(new ProjectionStore(driver, inProcess.database().orElseThrow(), clock)))
                .isEqualTo(before);
        assertThat(analyze(new ProjectionStore(driver, null, clock))).isEqualTo(before);
    }

    private List<Finding> analyze(ProjectionStore store) {
        return new ConflictEngine(settings.engine(), messages::render).analyze(store.load(), (step, steps) -> {});
    }
}
