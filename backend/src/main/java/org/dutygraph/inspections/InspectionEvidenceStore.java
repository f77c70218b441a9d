package org.dutygraph.inspections;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.inspections.EvidenceFiles.Evidence;
import org.dutygraph.inspections.InspectionViews.EvidenceView;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The {@code Evidence} items of findings: what was captured, and whether its file arrived. */
@Component
class InspectionEvidenceStore {

    private final Neo4jClient neo4j;

    InspectionEvidenceStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The evidence item if {@code inspector} is on the visit's assignment or manages the plan. */
    Optional<Evidence> reachable(String inspector, String id) {
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("me", inspector);
        return neo4j
                .query("""
                        MATCH (e:Evidence {id: $id}) MATCH (f:InspectionFinding {id: e.findingId})
                        MATCH (p:InspectionPlan {id: f.planId})
                        WHERE EXISTS { (:Account {username: $me})-[:MANAGES]->(p) } OR EXISTS { (:Account {username: $me})-[:ASSIGNED]->(:Assignment {id: f.assignmentId}) }
                        RETURN e.id AS id, e.kind AS kind, e.sha256 AS sha, e.mimeType AS mime, p.id AS plan,
                               e.uploadedAt IS NOT NULL AS uploaded""")
                .bindAll(params)
                .fetchAs(Evidence.class)
                .mappedBy((types, r) -> new Evidence(
                        r.get("id").asString(),
                        r.get("kind").asString(null),
                        r.get("sha").asString(null),
                        r.get("mime").asString(null),
                        r.get("plan").asString(),
                        r.get("uploaded").asBoolean()))
                .all()
                .stream()
                .findFirst();
    }

    /** Marks the item's own file as arrived, once. */
    void uploaded(String id, String by, long at) {
        neo4j.query(
                        "MATCH (e:Evidence {id: $id}) WHERE e.uploadedAt IS NULL SET e.uploadedAt = $now, e.uploadedBy = $me")
                .bindAll(Map.of("id", id, "me", by, "now", at))
                .run();
    }

    /** The evidence of these findings, by finding id, in order of capture. */
    Map<String, List<EvidenceView>> ofFindings(Collection<String> findingIds) {
        var result = new HashMap<String, List<EvidenceView>>();
        neo4j.query("MATCH (e:Evidence) WHERE e.findingId IN $ids RETURN e ORDER BY e.capturedAt, e.clientId")
                .bind(List.copyOf(findingIds))
                .to("ids")
                .fetchAs(OfFinding.class)
                .mappedBy((types, row) -> {
                    var e = row.get("e").asNode();
                    return new OfFinding(e.get("findingId").asString(), evidence(e));
                })
                .all()
                .forEach(e -> result.computeIfAbsent(e.findingId(), k -> new ArrayList<>())
                        .add(e.evidence()));
        return result;
    }

    private record OfFinding(String findingId, EvidenceView evidence) {}

    private static EvidenceView evidence(Node n) {
        var metadata = n.get("metadata").asString(null);
        var kind = n.get("kind").asString(null);
        return new EvidenceView(
                n.get("id").asString(null),
                n.get("clientId").asString(null),
                kind,
                n.get("sha256").asString(null),
                n.get("sizeBytes").isNull() ? null : n.get("sizeBytes").asLong(),
                n.get("mimeType").asString(null),
                utc(n.get("capturedAt")),
                utc(n.get("receivedAt")),
                metadata == null ? null : InspectionJson.JSON.readValue(metadata, Object.class),
                n.get("text").asString(null),
                "NOTE".equals(kind) || !n.get("uploadedAt").isNull());
    }

    private static OffsetDateTime utc(Value v) {
        return v.isNull() ? null : TimeKeys.utc(v.asLong());
    }
}
