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
import org.dutygraph.cases.WorstRankingPublished;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.i18n.TextJson;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.dutygraph.platform.random.SeededRandom;
import org.springframework.stereotype.Service;
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

    public record Ballot(String tag, int score, List<String> indicators) {}

    public record Entry(int rank, String unitId, int ballots, String averageScore, Map<String, Integer> indicators) {}

    public record Ranking(
            String id,
            String period,
            String status,
            String seed,
            String algorithm,
            int worst,
            int ballotsPerUnit,
            int minBallots,
            List<Entry> entries,
            List<Text> ties,
            java.time.OffsetDateTime drawnAt,
            java.time.OffsetDateTime publishedAt,
            String key) {}

    public record Drawn(Ranking ranking, List<UserError> errors) {}

    private final GraphTransactions graph;
    private final LockStore locks;
    private final CitizenRankingStore store;
    private final AppraisalInputs inputs;
    private final Clock clock;
    private final Messages messages;
    private final Effects effects;

    CitizenRankings(
            GraphTransactions graph,
            LockStore locks,
            CitizenRankingStore store,
            AppraisalInputs inputs,
            Clock clock,
            Messages messages,
            Effects effects) {
        this.messages = messages;
        this.effects = effects;
        this.graph = graph;
        this.locks = locks;
        this.store = store;
        this.inputs = inputs;
        this.clock = clock;
    }

    /** {@code periodField}: the input field the period came in, for its errors. */
    public Drawn draw(
            String periodText,
            String periodField,
            int worst,
            int ballotsPerUnit,
            int minBallots,
            String seed,
            String by) {
        Period period;
        try {
            period = Period.parse(periodText);
        } catch (IllegalArgumentException e) {
            return failed("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), periodField);
        }
        if (period.kind() == Period.Kind.MONTH) {
            return failed("INVALID_PERIOD", Text.of(AppraisalTexts.RANKING_PERIOD), periodField);
        }
        if (worst < 1
                || worst > 100
                || ballotsPerUnit < 1
                || ballotsPerUnit > 1000
                || minBallots < 1
                || minBallots > ballotsPerUnit) {
            return failed("OUT_OF_RANGE", Text.of(AppraisalTexts.RANKING_LIMITS), "worst");
        }
        if (seed != null && (seed.length() < 8 || seed.length() > 128)) {
            return failed("INVALID_SEED", Text.of(PlatformTexts.SEED_LENGTH), "seed");
        }
        var drawSeed = seed != null ? seed : SeededRandom.freshSeed();
        var id = UUID.randomUUID().toString();
        return graph.write(() -> {
            var ballots = ballots(period);
            var result = rank(drawSeed, ballots, worst, ballotsPerUnit, minBallots);
            store.create(new CitizenRankingStore.Draft(
                    id,
                    period.toString(),
                    drawSeed,
                    ALGORITHM,
                    worst,
                    ballotsPerUnit,
                    minBallots,
                    ballots,
                    result.entries(),
                    result.ties().stream().map(messages::chinese).toList(),
                    result.ties().stream().map(TextJson::write).toList(),
                    by,
                    clock.millis()));
            return new Drawn(store.find(id, true).orElseThrow(), List.of());
        });
    }

    public Drawn publish(String id, String by) {
        var month = LocalDate.now(clock);
        var recorded = new ArrayList<String>();
        var published = graph.write(() -> {
            locks.node("CitizenRanking", id);
            var found = store.find(id, true);
            if (found.isEmpty()) {
                return failed(
                        "NOT_FOUND", Text.of(PlatformTexts.NO_SUCH_ID, Text.of(AppraisalTexts.RANKING), id), "id");
            }
            if (found.get().status().equals("PUBLISHED")) {
                return failed("ALREADY_PUBLISHED", Text.of(AppraisalTexts.ALREADY_PUBLISHED), "id");
            }
            store.markPublished(id, by, clock.millis());
            // the listed units' events commit with the publication
            for (var entry : found.get().entries()) {
                inputs.record(
                        entry.unitId(),
                        Period.month(month.getYear(), month.getMonthValue()).toString(),
                        "CITIZEN_WORST_RANKED",
                        3,
                        "citizen-ranking",
                        id,
                        by);
                recorded.addAll(effects.record(new WorstRankingPublished(
                        id,
                        found.get().period(),
                        entry.unitId(),
                        entry.rank(),
                        actDate(found.get().period(), month))));
            }
            return new Drawn(store.find(id, true).orElseThrow(), List.of());
        });
        if (!recorded.isEmpty()) {
            effects.deliver(recorded);
        }
        return published;
    }

    /** The ranked period's last day, at the latest {@code today}. */
    private static LocalDate actDate(String periodText, LocalDate today) {
        var months = Period.parse(periodText).parts(Period.Kind.MONTH);
        var last = months.get(months.size() - 1);
        var end = LocalDate.of(last.year(), last.index(), 1).plusMonths(1).minusDays(1);
        return end.isAfter(today) ? today : end;
    }

    /** Published rankings, newest first (drafts only with {@code drafts}). */
    public List<Ranking> page(boolean drafts, String before, int limit) {
        return store.page(drafts, before, limit);
    }

    public Optional<Ranking> find(String id, boolean drafts) {
        return store.find(id, drafts);
    }

    /** Re-ranks from the recorded seed and ballots; true when it gives the recorded list. */
    public Optional<Boolean> replay(String id) {
        return store.recorded(id)
                .map(r -> JSON.writeValueAsString(
                                rank(r.seed(), r.candidates(), r.worst(), r.ballotsPerUnit(), r.minBallots())
                                        .entries())
                        .equals(r.entries()));
    }

    record Ranked(List<Entry> entries, List<Text> ties) {}

    /** The procedure: pure, over the recorded ballots. */
    static Ranked rank(String seed, Map<String, List<Ballot>> ballots, int worst, int perUnit, int minBallots) {
        var random = new SeededRandom(seed);
        var scored = new ArrayList<Entry>();
        for (var unit : new TreeMap<>(ballots).entrySet()) {
            var sorted = unit.getValue().stream()
                    .sorted(Comparator.comparing(Ballot::tag))
                    .toList();
            var drawn = random.shuffled(sorted).subList(0, Math.min(perUnit, sorted.size()));
            if (drawn.size() < minBallots) {
                continue;
            }
            var total = drawn.stream().mapToInt(Ballot::score).sum();
            var marks = new TreeMap<String, Integer>();
            INDICATORS.forEach(i -> marks.put(i, (int)
                    drawn.stream().filter(b -> b.indicators().contains(i)).count()));
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
                ties.add(Text.of(
                        AppraisalTexts.RANKING_TIE, worst, scored.get(i - 1).unitId(), e.unitId()));
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
        var from = LocalDate.of(period.year(), months.get(0).index(), 1)
                .atStartOfDay(clock.getZone())
                .toInstant()
                .toEpochMilli();
        var last = months.get(months.size() - 1);
        var to = LocalDate.of(last.year(), last.index(), 1)
                .plusMonths(1)
                .atStartOfDay(clock.getZone())
                .toInstant()
                .toEpochMilli();
        return store.ratings(from, to);
    }

    private static Drawn failed(String code, Text message, String field) {
        return new Drawn(null, List.of(UserError.of(code, message, "input", field)));
    }
}
