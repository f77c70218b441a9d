package org.dutygraph.appraisal.rankings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dutygraph.appraisal.rankings.CitizenRankings.Ballot;
import org.dutygraph.appraisal.rankings.CitizenRankings.Entry;
import org.dutygraph.appraisal.rankings.CitizenRankings.Ranking;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.i18n.TextJson;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Citizen rankings ({@code CitizenRanking}: the draw's seed and parameters, the candidates' ballots and the ranked entries
 * as JSON, its status) and the citizens' service ratings they are drawn from. Each call joins the caller's transaction
 * when there is one.
 */
@Component
class CitizenRankingStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A new draft: the draw and its outcome; the ties in Chinese and as stored texts ({@link TextJson}). */
    record Draft(
            String id,
            String period,
            String seed,
            String algorithm,
            int worst,
            int ballotsPerUnit,
            int minBallots,
            Map<String, List<Ballot>> candidates,
            List<Entry> entries,
            List<String> ties,
            List<String> tieTexts,
            String by,
            long at) {}

    /** What a recorded draw needs to be replayed, and the entries it gave. */
    record Recorded(
            String seed,
            Map<String, List<Ballot>> candidates,
            int worst,
            int ballotsPerUnit,
            int minBallots,
            String entries) {}

    private final Neo4jClient neo4j;

    CitizenRankingStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void create(Draft d) {
        var params = new HashMap<String, Object>();
        params.put("id", d.id());
        params.put("period", d.period());
        params.put("seed", d.seed());
        params.put("algorithm", d.algorithm());
        params.put("worst", d.worst());
        params.put("k", d.ballotsPerUnit());
        params.put("min", d.minBallots());
        params.put("candidates", JSON.writeValueAsString(d.candidates()));
        params.put("entries", JSON.writeValueAsString(d.entries()));
        params.put("ties", d.ties());
        params.put("tieTexts", d.tieTexts());
        params.put("by", d.by());
        params.put("now", d.at());
        params.put("key", TimeKeys.key(d.at(), d.id()));
        neo4j.query("""
                        CREATE (:CitizenRanking {id: $id, period: $period, status: 'DRAFT', seed: $seed, algorithm: $algorithm,
                                worst: $worst, ballotsPerUnit: $k, minBallots: $min, candidates: $candidates, entries: $entries,
                                ties: $ties, tieTexts: $tieTexts, drawnBy: $by, drawnAt: $now, key: $key})""").bindAll(params).run();
    }

    void markPublished(String id, String by, long at) {
        neo4j.query(
                        "MATCH (r:CitizenRanking {id: $id}) SET r.status = 'PUBLISHED', r.publishedAt = $now, r.publishedBy = $by")
                .bindAll(Map.of("id", id, "by", by, "now", at))
                .run();
    }

    /** The ranking, drafts only with {@code drafts}. */
    Optional<Ranking> find(String id, boolean drafts) {
        return neo4j.query("MATCH (r:CitizenRanking {id: $id}) WHERE $drafts OR r.status = 'PUBLISHED' RETURN r")
                .bindAll(Map.of("id", id, "drafts", drafts))
                .fetchAs(Ranking.class)
                .mappedBy((types, r) -> ranking(r.get("r").asNode()))
                .one();
    }

    /** Published rankings (drafts too with {@code drafts}), newest first, keyset paged. */
    List<Ranking> page(boolean drafts, String before, int limit) {
        var params = new HashMap<String, Object>();
        params.put("drafts", drafts);
        params.put("before", before);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (r:CitizenRanking) WHERE ($drafts OR r.status = 'PUBLISHED') AND ($before IS NULL OR r.key < $before)
                        RETURN r ORDER BY r.key DESC LIMIT $limit""")
                .bindAll(params)
                .fetchAs(Ranking.class)
                .mappedBy((types, r) -> ranking(r.get("r").asNode()))
                .all());
    }

    Optional<Recorded> recorded(String id) {
        return neo4j.query("MATCH (r:CitizenRanking {id: $id}) RETURN r")
                .bind(id)
                .to("id")
                .fetchAs(Recorded.class)
                .mappedBy((types, row) -> {
                    var r = row.get("r").asNode();
                    Map<String, List<Ballot>> candidates = JSON.readValue(
                            r.get("candidates").asString(), new TypeReference<TreeMap<String, List<Ballot>>>() {});
                    return new Recorded(
                            r.get("seed").asString(),
                            candidates,
                            r.get("worst").asInt(),
                            r.get("ballotsPerUnit").asInt(),
                            r.get("minBallots").asInt(),
                            r.get("entries").asString());
                })
                .one();
    }

    /** The citizens' service ratings from {@code from} (inclusive) to {@code to} (exclusive), epoch milliseconds, by unit. */
    Map<String, List<Ballot>> ratings(long from, long to) {
        record Rated(String unitId, Ballot ballot) {}
        var byUnit = new TreeMap<String, List<Ballot>>();
        neo4j.query("""
                        MATCH (r:ServiceRating) WHERE r.at >= $from AND r.at < $to
                        RETURN r.unitId AS unit, r.caseTag AS tag, r.score AS score, r.indicators AS indicators""")
                .bindAll(Map.of("from", from, "to", to))
                .fetchAs(Rated.class)
                .mappedBy((types, r) -> new Rated(
                        r.get("unit").asString(),
                        new Ballot(
                                r.get("tag").asString(),
                                r.get("score").asInt(),
                                r.get("indicators").asList(Value::asString))))
                .all()
                .forEach(rated -> byUnit.computeIfAbsent(rated.unitId(), k -> new ArrayList<>())
                        .add(rated.ballot()));
        return byUnit;
    }

    private static Ranking ranking(Node n) {
        List<Entry> entries = JSON.readValue(n.get("entries").asString(), new TypeReference<List<Entry>>() {});
        return new Ranking(
                n.get("id").asString(),
                n.get("period").asString(),
                n.get("status").asString(),
                n.get("seed").asString(),
                n.get("algorithm").asString(),
                n.get("worst").asInt(),
                n.get("ballotsPerUnit").asInt(),
                n.get("minBallots").asInt(),
                entries,
                ties(n),
                TimeKeys.utc(n.get("drawnAt").asLong()),
                n.get("publishedAt").isNull()
                        ? null
                        : TimeKeys.utc(n.get("publishedAt").asLong()),
                n.get("key").asString());
    }

    /** The ties in the reader's language; rankings drawn before ties were kept as keys have their words. */
    private static List<Text> ties(Node n) {
        var words = n.get("ties").asList(Value::asString);
        var texts = n.get("tieTexts").isNull()
                ? List.<String>of()
                : n.get("tieTexts").asList(Value::asString);
        var out = new ArrayList<Text>(words.size());
        for (int i = 0; i < words.size(); i++) {
            out.add(TextJson.read(i < texts.size() ? texts.get(i) : null, words.get(i)));
        }
        return out;
    }
}
