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
import org.springframework.data.neo4j.core.Neo4jClient;

/** An effect belongs to the transaction that records it: it commits, or rolls back, with the change. */
class EffectsApiTest extends ApiTest {

    /** A concluded complaint concerns appraisal (serious complaints) and accountability cases: one effect each. */
    private static final int HANDLERS = 2;

    @Autowired
    Effects effects;

    @Autowired
    GraphTransactions graph;

    @Autowired
    Neo4jClient neo4j;

    @Test
    void recordedInTheCallersGraphTransaction_anEffectRollsBackWithTheChange_orCommitsWithIt() {
        var rolledBack = "c-" + UUID.randomUUID();
        assertThatThrownBy(() -> graph.write(() -> {
                    neo4j.query("CREATE (:Complaint {id: $id, status: 'CONCLUDED'})")
                            .bind(rolledBack)
                            .to("id")
                            .run();
                    assertThat(effects.record(concluded(rolledBack))).hasSize(HANDLERS);
                    throw new IllegalStateException("the change fails after recording its effect");
                }))
                .hasMessageContaining("the change fails");
        assertThat(effects(rolledBack)).isZero();
        assertThat(complaints(rolledBack)).isZero();

        var committed = "c-" + UUID.randomUUID();
        var ids = graph.write(() -> effects.record(concluded(committed)));
        assertThat(ids).hasSize(HANDLERS);
        assertThat(effects(committed)).isEqualTo(HANDLERS);
        assertThat(effects.deliver(ids))
                .containsOnlyKeys(ids)
                .allSatisfy((id, outcome) -> assertThat(outcome).isEqualTo(Effects.Outcome.DELIVERED));
        assertThat(effects(committed)).isZero();
    }

    @Test
    void recordingOutsideATransaction_orDeliveringInsideOne_isRefused() {
        var outside = "c-" + UUID.randomUUID();
        assertThatThrownBy(() -> effects.record(concluded(outside)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GraphTransactions.write");
        assertThat(effects(outside)).isZero();

        var inside = "c-" + UUID.randomUUID();
        assertThatThrownBy(() -> graph.write(() -> effects.deliver(effects.record(concluded(inside)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after the commit");
        assertThat(effects(inside))
                .as("the refused delivery rolled its transaction back")
                .isZero();
    }

    private long complaints(String id) {
        try (var session = driver.session()) {
            return session.run("MATCH (c:Complaint {id: $id}) RETURN count(c) AS n", Map.of("id", id))
                    .single()
                    .get("n")
                    .asLong();
        }
    }

    private static ComplaintConcluded concluded(String id) {
        return new ComplaintConcluded(
                id,
                "TS000000-TEST00",
                null,
                null,
                null,
                "OTHER",
                "NOT_SUBSTANTIATED",
                false,
                null,
                java.time.Instant.parse("2026-03-02T01:00:00Z"));
    }

    private long effects(String complaintId) {
        try (var session = driver.session()) {
            return session.run(
                            "MATCH (e:Effect {state: 'PENDING'}) WHERE e.payload CONTAINS $id RETURN count(e) AS n",
                            Map.of("id", complaintId))
                    .single()
                    .get("n")
                    .asLong();
        }
    }
}
