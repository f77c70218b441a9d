package org.dutygraph.complaints;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.complaints.ComplaintViews.CitizenUnit;
import org.dutygraph.complaints.ComplaintViews.CitizenView;
import org.dutygraph.platform.graphql.TimeKeys;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Complaints as their citizens (and, for published cases, anyone) see them: found by receipt or submission key,
 * never by anything about the citizen. Each call joins the caller's transaction when there is one.
 */
@Component
class CitizenCaseStore {

    /** A stored complaint found by its submission key: what answers a retry of the submission. */
    record Existing(String id, String contentHash, String sealedReceipt, String number) {}

    /** A case found by its receipt: {@code routedUnitId} is null while it waits for triage. */
    record CaseRef(String id, String status, String routedUnitId) {}

    /** A change of status, as the citizen's timeline and superseded outcomes are made of. */
    record Step(String status, long at, String conclusion, String answer) {}

    private final Neo4jClient neo4j;
    private final ComplaintStore complaints;

    CitizenCaseStore(Neo4jClient neo4j, ComplaintStore complaints) {
        this.neo4j = neo4j;
        this.complaints = complaints;
    }

    Optional<Existing> bySubmissionKey(String key) {
        return neo4j.query("""
                        MATCH (c:Complaint {submissionKey: $key})
                        RETURN c.id AS id, c.contentHash AS hash, c.sealedReceipt AS sealed, c.number AS number""")
                .bind(key)
                .to("key")
                .fetchAs(Existing.class)
                .mappedBy((types, r) -> new Existing(
                        r.get("id").asString(),
                        r.get("hash").asString(),
                        r.get("sealed").asString(),
                        r.get("number").asString()))
                .first();
    }

    Optional<CaseRef> byReceiptHash(String hash) {
        return neo4j.query(
                        "MATCH (c:Complaint {receiptHash: $hash}) RETURN c.id AS id, c.status AS status, c.routedUnitId AS unit")
                .bind(hash)
                .to("hash")
                .fetchAs(CaseRef.class)
                .mappedBy((types, r) -> new CaseRef(
                        r.get("id").asString(),
                        r.get("status").asString(),
                        r.get("unit").asString(null)))
                .first();
    }

    /** The case as its citizen sees it; conclusion and answer only if given since the last reopen. */
    CitizenView citizenView(String id) {
        var messages = complaints.messages(List.of(id)).getOrDefault(id, List.of());
        return neo4j.query("""
                        MATCH (c:Complaint {id: $id})
                        OPTIONAL MATCH (c)-[:ROUTED_TO]->(o)
                        CALL (c) {
                          OPTIONAL MATCH (s:ComplaintStep {complaintId: c.id})
                          RETURN max(CASE WHEN s.status = 'REOPENED' THEN s.at END) AS reopenedAt,
                                 max(CASE WHEN s.status = 'CONCLUDED' THEN s.at END) AS concludedAt,
                                 max(CASE WHEN s.status = 'ANSWERED' THEN s.at END) AS answeredAt
                        }
                        RETURN c.number AS number, c.category AS category, c.status AS status, c.receivedAt AS receivedAt,
                               o.name AS unitName, o.id AS unitId, c.description AS description, c.place AS place,
                               c.photoIds AS photoIds, c.dueAt AS dueAt,
                               CASE WHEN reopenedAt IS NULL OR concludedAt > reopenedAt THEN c.conclusion END AS conclusion,
                               CASE WHEN reopenedAt IS NULL OR answeredAt > reopenedAt THEN c.answer END AS answer""")
                .bind(id)
                .to("id")
                .fetchAs(CitizenView.class)
                .mappedBy((types, r) -> new CitizenView(
                        id,
                        r.get("number").asString(),
                        r.get("category").asString(),
                        r.get("status").asString(),
                        TimeKeys.utc(r.get("receivedAt").asLong()),
                        r.get("unitName").asString(null),
                        r.get("unitId").asString(null),
                        r.get("description").asString(),
                        r.get("place").asString(null),
                        ComplaintStore.strings(r.get("photoIds")),
                        r.get("dueAt").isNull()
                                ? null
                                : TimeKeys.utc(r.get("dueAt").asLong()),
                        r.get("conclusion").asString(null),
                        r.get("answer").asString(null),
                        messages))
                .one()
                .orElseThrow();
    }

    /** Gives the case a push key unless it has one; returns the key it has. Lock the case first (two phones at once). */
    String pushKey(String id, String newKey) {
        return neo4j.query(
                        "MATCH (c:Complaint {id: $id}) SET c.pushKey = coalesce(c.pushKey, $k) RETURN c.pushKey AS k")
                .bindAll(Map.of("id", id, "k", newKey))
                .fetchAs(String.class)
                .one()
                .orElseThrow();
    }

    /** The case's changes of status, oldest first, with each round's outcome. */
    List<Step> steps(String complaintId) {
        return List.copyOf(neo4j.query("""
                        MATCH (s:ComplaintStep) WHERE s.complaintId = $id
                        RETURN s.status AS status, s.at AS at, s.conclusion AS conclusion, s.answer AS answer ORDER BY s.at, s.id""")
                .bind(complaintId)
                .to("id")
                .fetchAs(Step.class)
                .mappedBy((types, r) -> new Step(
                        r.get("status").asString(),
                        r.get("at").asLong(),
                        r.get("conclusion").asString(null),
                        r.get("answer").asString(null)))
                .all());
    }

    /** The unit by name, with its parent's name. */
    Optional<CitizenUnit> unit(String unitId) {
        return neo4j.query("""
                        MATCH (o:Organization {id: $id})
                        OPTIONAL MATCH (o)-[:PART_OF]->(p:Organization)
                        RETURN o.name AS name, p.name AS parent LIMIT 1""")
                .bind(unitId)
                .to("id")
                .fetchAs(CitizenUnit.class)
                .mappedBy((types, r) -> new CitizenUnit(
                        r.get("name").asString(), r.get("parent").asString(null)))
                .first();
    }

    /** What anyone may know of cases: by number, or the published ones; description and answer only once published. */
    List<PublicCase> publicCases(String number, String category, int limit) {
        var params = new HashMap<String, Object>();
        params.put("number", number);
        params.put("category", category);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (c:Complaint)
                        WHERE ($number IS NOT NULL AND c.number = $number)
                           OR ($number IS NULL AND c.status = 'PUBLISHED' AND ($category IS NULL OR c.category = $category))
                        WITH c ORDER BY c.key DESC LIMIT $limit
                        OPTIONAL MATCH (c)-[:ROUTED_TO]->(o)
                        OPTIONAL MATCH (s:ComplaintStep {complaintId: c.id})
                        WITH c, o, max(s.at) AS updated
                        RETURN c.number AS number, c.category AS category, c.status AS status, c.receivedAt AS receivedAt,
                               updated, o.name AS unit,
                               CASE WHEN c.status = 'PUBLISHED' THEN c.description END AS description,
                               CASE WHEN c.status = 'PUBLISHED' THEN c.answer END AS answer""")
                .bindAll(params)
                .fetchAs(PublicCase.class)
                .mappedBy((types, r) -> new PublicCase(
                        r.get("number").asString(),
                        r.get("category").asString(),
                        r.get("status").asString(),
                        r.get("receivedAt").asLong(),
                        r.get("updated").isNull() ? null : r.get("updated").asLong(),
                        r.get("unit").asString(null),
                        r.get("description").asString(null),
                        r.get("answer").asString(null)))
                .all());
    }
}
