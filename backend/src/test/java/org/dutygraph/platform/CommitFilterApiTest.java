package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import org.dutygraph.platform.neo4j.CommitFilter;
import org.dutygraph.platform.neo4j.InProcessGraph;
import org.dutygraph.platform.neo4j.WatchedCommits;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A commit counts for a {@link CommitFilter} when it creates, deletes, labels or changes a watched node or
 * relationship, whichever way it was written; a commit that only creates nodes of other labels (a batch of case
 * events) does not. The filter decides a created node from its labels alone: these cases pin what that must keep.
 */
class CommitFilterApiTest extends ApiTest {

    @Autowired
    InProcessGraph inProcess;

    @Test
    void createdNodesCountByTheirLabelsAndExistingNodesByTheirChanges() {
        assumeTrue(inProcess.database().isPresent(), "the store is not embedded here (a container serves it)");
        wipeGraph();
        WatchedCommits watch = inProcess
                .watch(new CommitFilter(Set.of("Duty"), Set.of("Person"), Set.of("HELD_BY")))
                .orElseThrow();

        assertThat(moves(watch, """
                        CREATE (e:CaseEvent {key: 'cf/e1', kind: 'accepted'})-[:OF_CASE]->(:SupervisedCase {id: 'cf-c1'})"""))
                .as("nodes of other labels created, with their properties and a relationship of another type")
                .isFalse();
        assertThat(moves(watch, "CREATE (:Duty {id: 'cf-d1', name: 'a duty'})"))
                .as("a watched node created with properties")
                .isTrue();
        assertThat(moves(watch, "CREATE (n:Note {id: 'cf-n1'}) SET n:Duty"))
                .as("a node created and then given a watched label")
                .isTrue();
        assertThat(moves(watch, "MATCH (d:Duty {id: 'cf-d1'}) SET d.name = 'renamed'"))
                .as("a property of an existing watched node")
                .isTrue();
        assertThat(moves(watch, "MATCH (d:Duty {id: 'cf-d1'}) REMOVE d.name"))
                .as("a property of an existing watched node removed")
                .isTrue();
        assertThat(moves(watch, "CREATE (:Person {id: 'cf-p1', name: 'someone'})"))
                .as("a label-only node created")
                .isTrue();
        assertThat(moves(watch, "MATCH (p:Person {id: 'cf-p1'}) SET p.name = 'someone else'"))
                .as("a property of a label-only node")
                .isFalse();
        assertThat(moves(watch, "MATCH (c:SupervisedCase {id: 'cf-c1'}) SET c.open = true"))
                .as("a property of an existing node of another label")
                .isFalse();
        assertThat(moves(
                        watch,
                        "MATCH (c:SupervisedCase {id: 'cf-c1'}) CREATE (:CaseEvent {key: 'cf/e2'})-[:OF_CASE]->(c)"
                                + " SET c.open = false WITH c MATCH (d:Duty {id: 'cf-d1'}) SET d.name = 'again'"))
                .as("a batch of other nodes that also changes an existing watched node")
                .isTrue();
        assertThat(moves(watch, "MATCH (d:Duty {id: 'cf-d1'}) DETACH DELETE d"))
                .as("a watched node deleted")
                .isTrue();
    }

    private boolean moves(WatchedCommits watch, String cypher) {
        long before = watch.count();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(cypher).consume());
        }
        return watch.count() != before;
    }
}
