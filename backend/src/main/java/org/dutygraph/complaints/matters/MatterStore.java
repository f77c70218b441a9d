package org.dutygraph.complaints.matters;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The matters a citizen can pick, read from the object concepts; joins the caller's transaction when there is one. */
@Component
class MatterStore {

    private static final String VIEW = """
            OPTIONAL MATCH (m)-[:BROADER]->(b:Concept)
            RETURN m.id AS id, m.label AS label, coalesce(m.altLabels, []) AS synonyms, b.id AS broader, rank""";

    private final Neo4jClient neo4j;

    MatterStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Matters after the keyset position ({@code afterRank}, {@code afterId}; both null for the first page), by rank
     * then id: rank 0 when the label or a synonym starts with {@code q} (or there is no q), 1 when one contains it.
     */
    List<MatterView> page(String q, Integer afterRank, String afterId, int limit) {
        var params = new HashMap<String, Object>();
        params.put("q", q);
        params.put("limit", limit);
        params.put("afterRank", afterRank);
        params.put("afterId", afterId);
        return read("""
                MATCH (m:Concept {scheme: 'object'})
                WITH m, [x IN [m.label] + coalesce(m.altLabels, []) | toLower(x)] AS names
                WITH m, CASE WHEN $q IS NULL OR any(x IN names WHERE x STARTS WITH $q) THEN 0
                             WHEN any(x IN names WHERE x CONTAINS $q) THEN 1 ELSE -1 END AS rank
                WHERE rank >= 0 AND ($afterRank IS NULL OR rank > $afterRank OR (rank = $afterRank AND m.id > $afterId))
                WITH m, rank ORDER BY rank, m.id LIMIT $limit
                """ + VIEW + " ORDER BY rank, id", params);
    }

    List<MatterView> byIds(Collection<String> ids) {
        return read(
                "MATCH (m:Concept {scheme: 'object'}) WHERE m.id IN $ids WITH m, 0 AS rank\n" + VIEW,
                Map.of("ids", List.copyOf(ids)));
    }

    /** Every matter, by id. */
    List<MatterView> all() {
        return read("MATCH (m:Concept {scheme: 'object'}) WITH m, 0 AS rank\n" + VIEW + " ORDER BY id", Map.of());
    }

    private List<MatterView> read(String cypher, Map<String, Object> params) {
        return List.copyOf(neo4j.query(cypher)
                .bindAll(params)
                .fetchAs(MatterView.class)
                .mappedBy((types, r) -> view(r))
                .all());
    }

    private static MatterView view(Record r) {
        var id = r.get("id").asString();
        return new MatterView(
                id,
                r.get("label").asString(""),
                r.get("synonyms").asList(Value::asString),
                r.get("broader").asString(null),
                r.get("rank").asInt() + "|" + id);
    }
}
