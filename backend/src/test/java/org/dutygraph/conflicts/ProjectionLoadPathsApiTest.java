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

    /**
     * The whole projection, not only the findings, read both ways from a graph with what a write straight to the
     * graph can leave: duties withdrawn, held by nobody, by a dissolved post or by a person, actions and areas on
     * nodes of another label, an object twice and objects out of order, a withdrawn power item, and ids whose order
     * by UTF-16 unit differs from Cypher's order by code point.
     */
    @Test
    void theJavaApiReadsTheSameProjectionAsTheCypherScansIncludingWhatOnlyAWriteStraightToTheGraphLeaves() {
        assumeTrue(inProcess.database().isPresent(), "the store is not embedded here (a container serves it)");
        wipeGraph();
        importBundle(ConflictsApiTest.BUNDLE);
        write("""
                MATCH (a:Organization {id: 'A'}), (b:Organization {id: 'B'}), (post:Post {id: 'gov-vm1'}),
                      (mine:Concept {id: 'obj.mine'}), (food:Concept {id: 'obj.food'}), (act:Concept {id: 'act.supervise'}),
                      (d1:Area {id: 'D1'}), (item:PowerItem {id: 'pi-vacant'}), (person:Person)
                WITH a, b, post, mine, food, act, d1, item, person LIMIT 1
                CREATE (x1:Duty {id: 'd-\uD83D\uDE00', text: 'supplementary'})-[:HELD_BY]->(a),
                       (x2:Duty {id: 'd-\uE000', text: 'private use', role: 'lead'})-[:HELD_BY]->(b),
                       (x3:Duty {id: 'd-\u00E9', text: 'latin', arrangementId: 'arr-x'})-[:HELD_BY]->(post),
                       (:Duty {id: 'd-withdrawn', status: 'withdrawn'})-[:HELD_BY]->(a),
                       (:Duty {id: 'd-nobody', text: 'held by nobody'}),
                       (:Duty {id: 'd-person', text: 'held by a person'})-[:HELD_BY]->(person),
                       (x1)-[:ON_OBJECT]->(mine), (x1)-[:ON_OBJECT]->(food), (x1)-[:ON_OBJECT]->(mine),
                       (x1)-[:ACTION]->(d1), (x1)-[:IN_AREA]->(mine), (x1)-[:EXERCISES]->(item),
                       (x2)-[:ACTION]->(act), (x2)-[:ON_OBJECT]->(food), (x2)-[:IN_AREA]->(d1),
                       (x3)-[:ACTION]->(act), (x3)-[:ON_OBJECT]->(food), (x3)-[:ON_OBJECT]->(mine)""");
        write("MATCH (i:PowerItem {id: 'pi-unheld'}), (d:Duty {id: 'd-\uE000'}) SET i.status = 'withdrawn' "
                + "CREATE (d)-[:EXERCISES]->(i)");
        write(
                "MATCH (p:Post {id: 'gov-vm1'}), (d:Duty {id: 'd-A-1'}) CREATE (d2:Duty {id: 'd-dissolved-post'})"
                        + "-[:HELD_BY]->(dissolved:Post {id: '0-dissolved', status: 'dissolved'})-[:IN_ORG]->(:Organization {id: 'gone'})");
        // held twice, written straight to the graph: by the first of today's holders by id, whichever is found first
        write("""
                MATCH (a:Organization {id: 'A'}), (b:Organization {id: 'B'}), (gone:Post {id: '0-dissolved'})
                CREATE (two:Duty {id: 'd-two-holders', text: 'two holders'})-[:HELD_BY]->(b), (two)-[:HELD_BY]->(a),
                       (late:Duty {id: 'd-dissolved-and-B', text: 'a dissolved holder first'})-[:HELD_BY]->(gone),
                       (late)-[:HELD_BY]->(b)""");

        var viaDriver = new ProjectionStore(driver, null, clock).load();
        var viaJavaApi = new ProjectionStore(driver, inProcess.database().orElseThrow(), clock).load();

        assertThat(viaJavaApi.dutyCount()).isEqualTo(viaDriver.dutyCount());
        assertThat(viaJavaApi.contents()).isEqualTo(viaDriver.contents());
        assertThat(viaJavaApi.contents().get(5))
                .as("duties in Cypher's order by code point, not Java's by UTF-16 unit")
                .asList()
                .containsSubsequence("d-\u00E9", "d-\uE000", "d-\uD83D\uDE00")
                .contains("d-two-holders", "d-dissolved-and-B")
                .doesNotContain("d-withdrawn", "d-nobody", "d-person", "d-dissolved-post");
    }

    private void write(String cypher) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(cypher).consume());
        }
    }

    private List<Finding> analyze(ProjectionStore store) {
        return new ConflictEngine(settings.engine(), messages::render).analyze(store.load(), (step, steps) -> {});
    }
}
