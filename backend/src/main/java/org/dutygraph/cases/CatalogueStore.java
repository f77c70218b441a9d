package org.dutygraph.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.dutygraph.cases.SituationCatalogues.Version;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Catalogue versions, one {@code SituationCatalogue} node each, the definition kept as the JSON text it was saved as. */
@Component
class CatalogueStore {

    record NewVersion(
            int version, String name, String validFrom, String definition, String createdBy, long createdAt) {}

    private final Neo4jClient neo4j;

    CatalogueStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    int nextVersion() {
        return neo4j.query("MATCH (c:SituationCatalogue) RETURN coalesce(max(c.version), 0) + 1 AS v")
                .fetchAs(Integer.class)
                .one()
                .orElse(1);
    }

    Version create(NewVersion v) {
        var params = new HashMap<String, Object>();
        params.put("version", v.version());
        params.put("name", v.name());
        params.put("from", v.validFrom());
        params.put("definition", v.definition());
        params.put("by", v.createdBy());
        params.put("now", v.createdAt());
        return neo4j.query("""
                        CREATE (c:SituationCatalogue {version: $version, name: $name, validFrom: $from, definition: $definition,
                                createdBy: $by, createdAt: $now})
                        RETURN c""")
                .bindAll(params)
                .fetchAs(Version.class)
                .mappedBy((types, row) -> version(row.get("c").asNode()))
                .one()
                .orElseThrow();
    }

    /** The version in force on {@code day}: the latest valid from that day or earlier, of those the newest. */
    Optional<Version> inForce(String day) {
        return neo4j.query("""
                        MATCH (c:SituationCatalogue) WHERE c.validFrom <= $day
                        RETURN c ORDER BY c.validFrom DESC, c.version DESC LIMIT 1""")
                .bind(day)
                .to("day")
                .fetchAs(Version.class)
                .mappedBy((types, row) -> version(row.get("c").asNode()))
                .one();
    }

    /** Every version valid from {@code day} or earlier, the latest validity first, of one day the newest first. */
    List<Version> validBy(String day) {
        return List.copyOf(neo4j.query("""
                        MATCH (c:SituationCatalogue) WHERE c.validFrom <= $day
                        RETURN c ORDER BY c.validFrom DESC, c.version DESC""")
                .bind(day)
                .to("day")
                .fetchAs(Version.class)
                .mappedBy((types, row) -> version(row.get("c").asNode()))
                .all());
    }

    Optional<Version> byNumber(int number) {
        return neo4j.query("MATCH (c:SituationCatalogue {version: $v}) RETURN c")
                .bind(number)
                .to("v")
                .fetchAs(Version.class)
                .mappedBy((types, row) -> version(row.get("c").asNode()))
                .one();
    }

    /** Versions by number, keyset paged. */
    List<Version> page(Integer after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("after", after);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (c:SituationCatalogue) WHERE $after IS NULL OR c.version > $after
                        RETURN c ORDER BY c.version LIMIT $limit""")
                .bindAll(params)
                .fetchAs(Version.class)
                .mappedBy((types, row) -> version(row.get("c").asNode()))
                .all());
    }

    private static Version version(Node n) {
        var json = SituationCatalogues.JSON.readValue(n.get("definition").asString(), Object.class);
        return new Version(
                n.get("version").asInt(),
                n.get("name").asString(),
                n.get("validFrom").asString(),
                json,
                CatalogueParser.parseSaved(json),
                n.get("createdBy").asString(),
                TimeKeys.utc(n.get("createdAt").asLong()));
    }
}
