package org.dutygraph.appraisal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.appraisal.AppraisalSchemes.Version;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Scheme versions, one {@code AppraisalScheme} node each ({@code key} = id@version), the definition kept as the JSON
 * text it was saved as. Each call joins the caller's transaction when there is one.
 */
@Component
class SchemeStore {

    /** A new version of a scheme: its definition as JSON text. */
    record NewVersion(
            String id,
            int version,
            String name,
            String subject,
            String period,
            String validFrom,
            String definition,
            String createdBy,
            long createdAt) {}

    private final Neo4jClient neo4j;

    SchemeStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The number the next version of this scheme takes (1 for the first). */
    int nextVersion(String id) {
        return neo4j.query("MATCH (s:AppraisalScheme {id: $id}) RETURN coalesce(max(s.version), 0) + 1 AS v")
                .bind(id)
                .to("id")
                .fetchAs(Integer.class)
                .one()
                .orElse(1);
    }

    Version create(NewVersion v) {
        var params = new HashMap<String, Object>();
        params.put("id", v.id());
        params.put("version", v.version());
        params.put("name", v.name());
        params.put("subject", v.subject());
        params.put("period", v.period());
        params.put("from", v.validFrom());
        params.put("definition", v.definition());
        params.put("by", v.createdBy());
        params.put("now", v.createdAt());
        return neo4j.query("""
                        CREATE (s:AppraisalScheme {key: $id + '@' + $version, id: $id, version: $version, name: $name,
                                subject: $subject, period: $period, validFrom: $from, definition: $definition,
                                createdBy: $by, createdAt: $now})
                        RETURN s""")
                .bindAll(params)
                .fetchAs(Version.class)
                .mappedBy((types, row) -> version(row.get("s").asNode()))
                .one()
                .orElseThrow();
    }

    /** A version that ends the scheme from {@code from} on, a copy of {@code previous} (its key) marked ended. */
    Version createEnd(String previous, String id, int version, String from, String by, long now) {
        return neo4j.query("""
                        MATCH (p:AppraisalScheme {key: $previous})
                        CREATE (s:AppraisalScheme {key: $id + '@' + $version, id: $id, version: $version, name: p.name,
                                subject: p.subject, period: p.period, validFrom: $from, definition: p.definition, ended: true,
                                createdBy: $by, createdAt: $now})
                        RETURN s""")
                .bindAll(Map.of("previous", previous, "id", id, "version", version, "from", from, "by", by, "now", now))
                .fetchAs(Version.class)
                .mappedBy((types, row) -> version(row.get("s").asNode()))
                .one()
                .orElseThrow();
    }

    /** The version in force last: the latest valid from, then the highest number. */
    Optional<Version> last(String id) {
        return neo4j.query("""
                        MATCH (s:AppraisalScheme {id: $id}) WITH s ORDER BY s.validFrom DESC, s.version DESC
                        RETURN s LIMIT 1""")
                .bind(id)
                .to("id")
                .fetchAs(Version.class)
                .mappedBy((types, row) -> version(row.get("s").asNode()))
                .one();
    }

    /** The latest version of every scheme not ended by it (by validity, then version). */
    List<Version> latestOfEach() {
        return List.copyOf(neo4j.query("""
                        MATCH (s:AppraisalScheme) WHERE s.ended IS NULL
                        WITH s ORDER BY s.validFrom, s.version WITH s.id AS id, last(collect(s)) AS s
                        RETURN s""")
                .fetchAs(Version.class)
                .mappedBy((types, row) -> version(row.get("s").asNode()))
                .all());
    }

    /** Every version valid from {@code month} or earlier (a month as yyyy-MM). */
    List<Version> validFromUpTo(String month) {
        return List.copyOf(neo4j.query("MATCH (s:AppraisalScheme) WHERE s.validFrom <= $end RETURN s")
                .bind(month)
                .to("end")
                .fetchAs(Version.class)
                .mappedBy((types, row) -> version(row.get("s").asNode()))
                .all());
    }

    /** Versions in key order, keyset paged. */
    List<Version> page(String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("after", after);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (s:AppraisalScheme) WHERE $after IS NULL OR s.key > $after
                        RETURN s ORDER BY s.key LIMIT $limit""")
                .bindAll(params)
                .fetchAs(Version.class)
                .mappedBy((types, row) -> version(row.get("s").asNode()))
                .all());
    }

    private static Version version(Node n) {
        return new Version(
                n.get("id").asString(),
                n.get("version").asInt(),
                n.get("name").asString(),
                n.get("subject").asString(),
                n.get("period").asString(),
                n.get("validFrom").asString(),
                AppraisalSchemes.JSON.readValue(n.get("definition").asString(), Object.class),
                n.get("createdBy").asString(),
                TimeKeys.utc(n.get("createdAt").asLong()),
                n.get("key").asString(),
                n.get("ended").asBoolean(false));
    }
}
