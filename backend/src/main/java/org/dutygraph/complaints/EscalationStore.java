package org.dutygraph.complaints;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dutygraph.complaints.ComplaintEscalator.Escalation;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Overdue complaints, moved one unit up the hierarchy per overdue working day. Joins the caller's transaction. */
@Component
class EscalationStore {

    private final Neo4jClient neo4j;

    EscalationStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Escalates at most {@code limit} complaints overdue at {@code now} (oldest deadline first) to the next unit up
     * the chain above the handling unit (the top one once the chain is used up; none without a handling unit); each is
     * due again at {@code next}. The caller records the steps saying so ({@link #steps}).
     */
    List<Escalation> escalateOverdue(Instant now, Instant next, int limit) {
        return List.copyOf(neo4j.query("""
                        MATCH (c:Complaint) WHERE c.nextEscalationAt <= $now AND c.status <> 'PUBLISHED'
                        WITH c ORDER BY c.nextEscalationAt LIMIT $limit
                        OPTIONAL MATCH path = (:Organization {id: c.routedUnitId})-[:PART_OF*1..]->(up:Organization)
                        WITH c, up ORDER BY length(path)
                        WITH c, [u IN collect(up) | u.id] AS chain
                        WITH c, CASE WHEN size(chain) = 0 THEN null
                                     ELSE chain[CASE WHEN c.escalations < size(chain) THEN c.escalations ELSE size(chain) - 1 END]
                                END AS target
                        SET c.escalations = c.escalations + 1, c.nextEscalationAt = $next, c.escalatedToUnitId = target
                        RETURN c.id AS id, c.number AS number, target, c.pushKey AS pushKey, c.status AS status""")
                .bindAll(Map.of("now", now.toEpochMilli(), "next", next.toEpochMilli(), "limit", limit))
                .fetchAs(Escalation.class)
                .mappedBy((types, r) -> new Escalation(
                        r.get("id").asString(),
                        r.get("number").asString(),
                        r.get("target").asString(null),
                        r.get("pushKey").asString(null),
                        r.get("status").asString()))
                .all());
    }

    /**
     * A system step on each escalated case: rows of {@code id}, {@code status}, {@code note} (the Chinese words) and
     * {@code noteText} (the note as a catalogue text, read in the reader's language).
     */
    void steps(List<Map<String, Object>> rows, Instant now) {
        neo4j.query("""
                UNWIND $rows AS r
                CREATE (:ComplaintStep {id: randomUUID(), complaintId: r.id, status: r.status, by: 'system', note: r.note,
                        noteText: r.noteText, at: $now})""")
                .bindAll(Map.of("rows", rows, "now", now.toEpochMilli()))
                .run();
    }
}
