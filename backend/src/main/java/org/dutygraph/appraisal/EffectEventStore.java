package org.dutygraph.appraisal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.dutygraph.org.read.Holdings;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The queries of {@link AppraisalEffects} in the effect delivery's transaction, which platform.effects still hands over
 * as a driver transaction: the handler's writes must commit with the effect's "done" or not at all, and
 * {@code Neo4jClient} cannot join a driver transaction. The same queries as {@link SubjectStore#badgeOrHolder} and
 * {@link AppraisalEventStore}; this goes when handlers run in {@code GraphTransactions}.
 */
final class EffectEventStore {

    private EffectEventStore() {
    }

    /** As {@link SubjectStore#badgeOrHolder}. */
    static Optional<String> badgeOrHolder(TransactionContext tx, String badge, String postId, LocalDate day) {
        var params = new HashMap<String, Object>();
        params.put("badge", badge);
        params.put("post", postId);
        params.put("day", day.toString());
        var row = tx.run("""
                OPTIONAL MATCH (b:Person {id: $badge})
                OPTIONAL MATCH (h:Person)-[m:HOLDS]->(:Post {id: $post}) WHERE %s
                RETURN b.id AS badge, collect(DISTINCT h.id) AS holders""".formatted(Holdings.currentOn("m", "$day")), params)
                .single();
        if (!row.get("badge").isNull()) {
            return Optional.of(row.get("badge").asString());
        }
        var holders = row.get("holders").asList(Value::asString);
        return holders.size() == 1 ? Optional.of(holders.get(0)) : Optional.empty();
    }

    /** As {@link AppraisalInputs#recordOnce}, its checks passed: the event's id, or empty for an unknown subject. */
    static Optional<String> recordOnce(TransactionContext tx, AppraisalEventStore.NewEvent e) {
        var earlier = tx.run("MATCH (x:AppraisalEvent {effectId: $effect, subjectId: $subject}) RETURN x.id AS id LIMIT 1",
                Map.of("effect", e.effectId(), "subject", e.subjectId())).list(r -> r.get("id").asString());
        if (!earlier.isEmpty()) {
            return Optional.of(earlier.get(0));
        }
        boolean exists = tx.run("""
                OPTIONAL MATCH (o:Organization {id: $id}) OPTIONAL MATCH (p:Person {id: $id})
                RETURN o IS NOT NULL OR p IS NOT NULL AS e""", Map.of("id", e.subjectId())).single().get("e").asBoolean();
        if (!exists) {
            return Optional.empty();
        }
        tx.run(AppraisalEventStore.CREATE, AppraisalEventStore.params(e)).consume();
        return Optional.of(e.id());
    }
}
