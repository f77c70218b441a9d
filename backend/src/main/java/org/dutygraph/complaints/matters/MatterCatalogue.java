package org.dutygraph.complaints.matters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dutygraph.platform.graphql.BadInputException;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/**
 * The matters a citizen can pick: every object concept. Ordered by rank then id, so that pages and cursors are
 * stable while the concepts do not change; the version changes whenever one does (id, label, synonyms, broader).
 */
@Repository
class MatterCatalogue {

    static final int MAX_FILTER = 20;

    private static final String VIEW = """
            OPTIONAL MATCH (m)-[:BROADER]->(b:Concept)
            RETURN m.id AS id, m.label AS label, coalesce(m.altLabels, []) AS synonyms, b.id AS broader, rank""";

    private final Driver driver;

    MatterCatalogue(Driver driver) {
        this.driver = driver;
    }

    /** A page after the cursor key ({@code rank|id}); the filter matches label and synonyms, prefix before contains. */
    List<MatterView> page(String filter, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("q", normalised(filter));
        params.put("limit", limit);
        params.put("afterRank", null);
        params.put("afterId", null);
        if (after != null) {
            int bar = after.indexOf('|');
            if (bar != 1 || (after.charAt(0) != '0' && after.charAt(0) != '1')) {
                throw new BadInputException("after", "INVALID_CURSOR", "'after' is not a cursor returned by this API");
            }
            params.put("afterRank", after.charAt(0) - '0');
            params.put("afterId", after.substring(2));
        }
        return read("""
                MATCH (m:Concept {scheme: 'object'})
                WITH m, [x IN [m.label] + coalesce(m.altLabels, []) | toLower(x)] AS names
                WITH m, CASE WHEN $q IS NULL OR any(x IN names WHERE x STARTS WITH $q) THEN 0
                             WHEN any(x IN names WHERE x CONTAINS $q) THEN 1 ELSE -1 END AS rank
                WHERE rank >= 0 AND ($afterRank IS NULL OR rank > $afterRank OR (rank = $afterRank AND m.id > $afterId))
                WITH m, rank ORDER BY rank, m.id LIMIT $limit
                """ + VIEW + " ORDER BY rank, id", params);
    }

    Map<String, MatterView> byIds(Collection<String> ids) {
        return read("MATCH (m:Concept {scheme: 'object'}) WHERE m.id IN $ids WITH m, 0 AS rank\n" + VIEW,
                Map.of("ids", List.copyOf(ids))).stream().collect(Collectors.toMap(MatterView::id, Function.identity()));
    }

    /** A digest of every matter as listed: equal versions mean equal lists. */
    String version() {
        try (var session = driver.session()) {
            var rows = session.executeRead(tx -> tx.run("""
                    MATCH (m:Concept {scheme: 'object'}) OPTIONAL MATCH (m)-[:BROADER]->(b:Concept)
                    RETURN m.id AS id, m.label AS label, coalesce(m.altLabels, []) AS synonyms, b.id AS broader
                    ORDER BY id""").list(r -> String.join("\u0001", r.get("id").asString(), r.get("label").asString(""),
                    String.join("\u0002", r.get("synonyms").asList(Value::asString)), r.get("broader").asString(""))));
            var digest = MessageDigest.getInstance("SHA-256");
            rows.forEach(row -> digest.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MatterView> read(String cypher, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, params).list(MatterCatalogue::view));
        }
    }

    private static MatterView view(Record r) {
        var id = r.get("id").asString();
        return new MatterView(id, r.get("label").asString(""), r.get("synonyms").asList(Value::asString),
                r.get("broader").asString(null), r.get("rank").asInt() + "|" + id);
    }

    /** The filter as matched (lower case, trimmed); null when there is nothing to filter by. */
    static String normalised(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        var text = filter.strip();
        if (text.codePointCount(0, text.length()) > MAX_FILTER) {
            throw new BadInputException("filter", "TOO_LONG", "'filter' is at most " + MAX_FILTER + " characters");
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
