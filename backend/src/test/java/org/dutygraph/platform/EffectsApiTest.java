package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import org.dutygraph.complaints.ComplaintConcluded;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An effect belongs to the transaction that records it: it commits, or rolls back, with the change. */
class EffectsApiTest extends ApiTest {

    @Autowired
    Effects effects;

    @Autowired
    GraphTransactions graph;

    @Test
    void aChangeThatRollsBackLeavesNoEffect_oneThatCommitsLeavesItPending() {
        var rolledBack = "c-" + UUID.randomUUID();
        try (var session = driver.session()) {
            assertThatThrownBy(() -> session.executeWriteWithoutResult(tx -> {
                tx.run("CREATE (:Complaint {id: $id, status: 'CONCLUDED'})", Map.of("id", rolledBack)).consume();
                assertThat(effects.record(tx, concluded(rolledBack))).hasSize(1);
                throw new IllegalStateException("the change fails after recording its effect");
            })).hasMessageContaining("the change fails");
        }
        assertThat(effects(rolledBack)).isZero();
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (c:Complaint {id: $id}) RETURN count(c) AS n", Map.of("id", rolledBack)).single()
                    .get("n").asLong()).isZero();
        }

        var committed = "c-" + UUID.randomUUID();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> effects.record(tx, concluded(committed)));
        }
        assertThat(effects(committed)).isOne();
    }

    @Test
    void inASpringManagedTransactionTheEffectJoinsIt_andOutsideOneItIsRefused() {
        var rolledBack = "c-" + UUID.randomUUID();
        assertThatThrownBy(() -> graph.write(() -> {
            assertThat(effects.record(concluded(rolledBack))).hasSize(1);
            throw new IllegalStateException("the change fails after recording its effect");
        })).hasMessageContaining("the change fails");
        assertThat(effects(rolledBack)).isZero();

        var committed = "c-" + UUID.randomUUID();
        graph.write(() -> effects.record(concluded(committed)));
        assertThat(effects(committed)).isOne();

        var alone = "c-" + UUID.randomUUID();
        assertThatThrownBy(() -> effects.record(concluded(alone))).isInstanceOf(IllegalStateException.class);
        assertThat(effects(alone)).isZero();
    }

    private static ComplaintConcluded concluded(String id) {
        return new ComplaintConcluded(id, "TS000000-TEST00", null, null, null, "OTHER", "NOT_SUBSTANTIATED", false, null,
                java.time.Instant.parse("2026-03-02T01:00:00Z"));
    }

    private long effects(String complaintId) {
        try (var session = driver.session()) {
            return session.run("MATCH (e:Effect {state: 'PENDING'}) WHERE e.payload CONTAINS $id RETURN count(e) AS n",
                    Map.of("id", complaintId)).single().get("n").asLong();
        }
    }
}
