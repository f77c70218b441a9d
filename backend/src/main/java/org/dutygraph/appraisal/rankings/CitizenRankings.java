package org.dutygraph.appraisal.rankings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.dutygraph.appraisal.AppraisalInputs;
import org.dutygraph.appraisal.AppraisalTexts;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.i18n.TextJson;
import org.dutygraph.platform.neo4j.GraphLocks;
import org.dutygraph.platform.random.SeededRandom;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * "The hardest sections to get things done in" (最难办事科室群众评): from the citizens' service ratings
 * of a quarter or year, ballots are drawn per unit by a seeded draw (the unit's ballots in tag order,
 * shuffled with the stream of docs/inspections.md, the first k kept), units are ranked worst first by
 * the average satisfaction of their drawn ballots (then by more 冷 懒 推 乱 贪 marks per ballot), and the
 * worst n form the list; a tie at the cut keeps the tied together and is reported. The draw is
 * recorded (seed, every unit's ballot tags) so it can be replayed; a list is public once published, and
 * publishing records a CITIZEN_WORST_RANKED appraisal event (3 months) for each listed unit.
 */
@Service
public class CitizenRankings {

    public static final String ALGORITHM = "dutygraph-ballot-draw/1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> INDICATORS = List.of("COLD", "LAZY", "BUCK_PASSING", "DISORDERLY", "GREEDY");

    public record Ballot(String tag, int score, List<String> indicators) {
    }

    public record Entry(int rank, String unitId, int ballots, String averageScore, Map<String, Integer> indicators) {
    }

    public record Ranking(String id, String period, String status, String seed, String algorithm, int worst, int ballotsPerUnit,
                          int minBallots, List<Entry> entries, List<Text> ties, java.time.OffsetDateTime drawnAt,
                          java.time.OffsetDateTime publishedAt, String key) {
    }

    public record Drawn(Ranking ranking, List<UserError> errors) {
    }

    private final Driver driver;
    private final AppraisalInputs inputs;
    private final Clock clock;

    private final Messages messages;

    CitizenRankings(Driver driver, AppraisalInputs inputs, Clock clock, Messages messages) {
        this.messages = messages;
        this.driver = driver;
        this.inputs = inputs;
        this.clock = clock;
    }

    public Drawn draw(String periodText, int worst, int ballotsPerUnit, int minBallots, String seed, String by) {
        Period period;
        try {
            period = Period.parse(periodText);
        } catch (IllegalArgumentException e) {
            return failed("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "period");
        }
        if (period.kind() == Period.Kind.MONTH) {
            return failed("INVALID_PERIOD", Text.of(AppraisalTexts.RANKING_PERIOD), "period");
        }
        if (worst < 1 || worst > 100 || ballotsPerUnit < 1 || ballotsPerUnit > 1000 || minBallots < 1 || minBallots > ballotsPerUnit) {
            return failed("OUT_OF_RANGE", Text.of(AppraisalTexts.RANKING_LIMITS), "worst");
        }
        if (seed != null && (seed.length() < 8 || seed.length() > 128)) {
            return failed("INVALID_SEED", Text.of(PlatformTexts.SEED_LENGTH), "seed");
        }
        var drawSeed = seed != null ? seed : SeededRandom.freshSeed();
        var ballots = ballots(period);
        var result = rank(drawSeed, ballots, worst, ballotsPerUnit, minBallots);
        var id = UUID.randomUUID().toString();
        long now = clock.millis();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    CREATE (:CitizenRanking {id: $id, period: $period, status: 'DRAFT', seed: $seed, algorithm: $algorithm,
                            worst: $worst, ballotsPerUnit: $k, minBallots: $min, candidates: $candidates, entries: $entries,
                            ties: $ties, tieTexts: $tieTexts, drawnBy: $by, drawnAt: $now, key: $key})""",
                    Values.parameters("id", id, "period", period.toString(), "seed", drawSeed, "algorithm", ALGORITHM, "worst", worst,
                            "k", ballotsPerUnit, "min", minBallots, "candidates", JSON.writeValueAsString(ballots),
                            "entries", JSON.writeValueAsString(result.entries()),
                            "ties", result.ties().stream().map(messages::chinese).toList(),
                            "tieTexts", result.ties().stream().map(TextJson::write).toList(), "by", by, "now", now,
                            "key", TimeKeys.key(now, id))).consume());
        }
        return new Drawn(find(id, true).orElseThrow(), List.of());
    }

    public Drawn publish(String id, String by) {
        var month = LocalDate.now(clock);
        try (var session = driver.session()) {
            var error = session.executeWrite(tx -> {
                GraphLocks.node(tx, "CitizenRanking", id);
                var found = tx.run("MATCH (r:CitizenRanking {id: $id}) RETURN r.status AS s, r.entries AS e", Map.of("id", id)).list();
                if (found.isEmpty()) {
                    return "NOT_FOUND";
                }
                if (found.get(0).get("s").asString().equals("PUBLISHED")) {
                    return "ALREADY_PUBLISHED";
                }
                var published = JSON.readValue(found.get(0).get("e").asString(), new TypeReference<List<Entry>>() {
                });
                tx.run("MATCH (r:CitizenRanking {id: $id}) SET r.status = 'PUBLISHED', r.publishedAt = $now, r.publishedBy = $by",
                        Map.of("id", id, "by", by, "now", clock.millis())).consume();
                // the listed units' events commit with the publication
                for (var entry : published) {
                    inputs.record(tx, entry.unitId(), Period.month(month.getYear(), month.getMonthValue()).toString(),
                            "CITIZEN_WORST_RANKED", 3, "citizen-ranking", id, by);
                }
                return null;
            });
            if (error != null) {
                return failed(error, error.equals("NOT_FOUND") ? Text.of(PlatformTexts.NO_SUCH_ID, Text.of(AppraisalTexts.RANKING), id)
                        : Text.of(AppraisalTexts.ALREADY_PUBLISHED), "id");
            }
        }
        return new Drawn(find(id, true).orElseThrow(), List.of());
    }

    /** Published rankings, newest first (drafts only with {@code drafts}). */
    public List<Ranking> page(boolean drafts, String before, int limit) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (r:CitizenRanking) WHERE ($drafts OR r.status = 'PUBLISHED') AND ($before IS NULL OR r.key < $before)
                    RETURN r ORDER BY r.key DESC LIMIT $limit""", Values.parameters("drafts", drafts, "before", before, "limit", limit))
                    .list(r -> view(r.get("r").asNode())));
        }
    }

    public Optional<Ranking> find(String id, boolean drafts) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (r:CitizenRanking {id: $id}) WHERE $drafts OR r.status = 'PUBLISHED' RETURN r",
                    Map.of("id", id, "drafts", drafts)).list(r -> view(r.get("r").asNode())).stream().findFirst());
        }
    }

    /** Re-ranks from the recorded seed and ballots; true when it gives the recorded list. */
    public Optional<Boolean> replay(String id) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (r:CitizenRanking {id: $id}) RETURN r", Map.of("id", id))
                    .list(rec -> {
                        var r = rec.get("r").asNode();
                        Map<String, List<Ballot>> ballots = JSON.readValue(r.get("candidates").asString(),
                                new TypeReference<TreeMap<String, List<Ballot>>>() {
                                });
                        var again = rank(r.get("seed").asString(), ballots, r.get("worst").asInt(), r.get("ballotsPerUnit").asInt(),
                                r.get("minBallots").asInt());
                        return JSON.writeValueAsString(again.entries()).equals(r.get("entries").asString());
                    }).stream().findFirst());
        }
    }

    record Ranked(List<Entry> entries, List<Text> ties) {
    }

    /** The procedure: pure, over the recorded ballots. */
    static Ranked rank(String seed, Map<String, List<Ballot>> ballots, int worst, int perUnit, int minBallots) {
        var random = new SeededRandom(seed);
        var scored = new ArrayList<Entry>();
        for (var unit : new TreeMap<>(ballots).entrySet()) {
            var sorted = unit.getValue().stream().sorted(Comparator.comparing(Ballot::tag)).toList();
            var drawn = random.shuffled(sorted).subList(0, Math.min(perUnit, sorted.size()));
            if (drawn.size() < minBallots) {
                continue;
            }
            var total = drawn.stream().mapToInt(Ballot::score).sum();
            var marks = new TreeMap<String, Integer>();
            INDICATORS.forEach(i -> marks.put(i, (int) drawn.stream().filter(b -> b.indicators().contains(i)).count()));
            var average = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(drawn.size()), 4, RoundingMode.HALF_EVEN);
            scored.add(new Entry(0, unit.getKey(), drawn.size(), average.toPlainString(), marks));
        }
        Comparator<Entry> worse = Comparator.comparing((Entry e) -> new BigDecimal(e.averageScore()))
                .thenComparing(e -> -markRate(e));
        scored.sort(worse.thenComparing(Entry::unitId));
        var entries = new ArrayList<Entry>();
        var ties = new ArrayList<Text>();
        for (int i = 0; i < scored.size(); i++) {
            var e = scored.get(i);
            boolean tiedWithPrevious = i > 0 && worse.compare(scored.get(i - 1), e) == 0;
            int rank = tiedWithPrevious ? entries.get(entries.size() - 1).rank() : i + 1;
            if (rank > worst) {
                break;
            }
            if (i >= worst && tiedWithPrevious) {
                ties.add(Text.of(AppraisalTexts.RANKING_TIE, worst, scored.get(i - 1).unitId(), e.unitId()));
            }
            entries.add(new Entry(rank, e.unitId(), e.ballots(), e.averageScore(), e.indicators()));
        }
        return new Ranked(entries, ties);
    }

    private static double markRate(Entry e) {
        return e.indicators().values().stream().mapToInt(Integer::intValue).sum() / (double) e.ballots();
    }

    /** Ratings of the period, by unit. */
    private Map<String, List<Ballot>> ballots(Period period) {
        var months = period.parts(Period.Kind.MONTH);
        var from = LocalDate.of(period.year(), months.get(0).index(), 1).atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
        var last = months.get(months.size() - 1);
        var to = LocalDate.of(last.year(), last.index(), 1).plusMonths(1).atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
        var byUnit = new TreeMap<String, List<Ballot>>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run("""
                    MATCH (r:ServiceRating) WHERE r.at >= $from AND r.at < $to
                    RETURN r.unitId AS unit, r.caseTag AS tag, r.score AS score, r.indicators AS indicators""",
                    Map.of("from", from, "to", to)).list()).forEach(r -> byUnit.computeIfAbsent(r.get("unit").asString(),
                    k -> new ArrayList<>()).add(new Ballot(r.get("tag").asString(), r.get("score").asInt(),
                    r.get("indicators").asList(Value::asString))));
        }
        return byUnit;
    }

    private static Ranking view(org.neo4j.driver.types.Node n) {
        List<Entry> entries = JSON.readValue(n.get("entries").asString(), new TypeReference<List<Entry>>() {
        });
        return new Ranking(n.get("id").asString(), n.get("period").asString(), n.get("status").asString(), n.get("seed").asString(),
                n.get("algorithm").asString(), n.get("worst").asInt(), n.get("ballotsPerUnit").asInt(), n.get("minBallots").asInt(),
                entries, ties(n), TimeKeys.utc(n.get("drawnAt").asLong()),
                n.get("publishedAt").isNull() ? null : TimeKeys.utc(n.get("publishedAt").asLong()), n.get("key").asString());
    }

    /** The ties in the reader's language; rankings drawn before ties were kept as keys have their words. */
    private static List<Text> ties(org.neo4j.driver.types.Node n) {
        var words = n.get("ties").asList(Value::asString);
        var texts = n.get("tieTexts").isNull() ? List.<String>of() : n.get("tieTexts").asList(Value::asString);
        var out = new ArrayList<Text>(words.size());
        for (int i = 0; i < words.size(); i++) {
            out.add(TextJson.read(i < texts.size() ? texts.get(i) : null, words.get(i)));
        }
        return out;
    }

    private static Drawn failed(String code, Text message, String field) {
        return new Drawn(null, List.of(UserError.of(code, message, "input", field)));
    }
}
