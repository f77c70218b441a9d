package org.dutygraph.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dutygraph.org.read.LeadershipStore;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * Monthly statistics of supervised cases per unit and per responsible post: cases ended in the month (concluded or
 * rejected), how many within the committed limit, working days used against committed days, and the notices,
 * yellow and red cards raised in the month. Read by the supervision office (every unit) and unit leaders (the units
 * they lead and those under them); the ranking of units by on-time rate is public; appraisal reads the same figures
 * as inputs ({@link #appraisalInputs}).
 */
@Service
public class SupervisionStatistics {

    static final int MAX_UNITS = 500;

    /** The indicator codes appraisal schemes read from here; appraisers cannot enter them. */
    public static final String CODE_PREFIX = "supervision_";

    public static final List<String> APPRAISAL_CODES = List.of(
            "supervision_cases",
            "supervision_on_time_rate",
            "supervision_average_days_used",
            "supervision_average_committed_days",
            "supervision_notices",
            "supervision_yellow_cards",
            "supervision_red_cards");

    /** One unit's or post's month. Rates in percent (null without a case with a committed limit). */
    public record Figures(
            int cases,
            int timed,
            int onTime,
            Double onTimeRate,
            Double averageDaysUsed,
            Double averageCommittedDays,
            int notices,
            int yellowCards,
            int redCards) {}

    public record PostStatistics(String postId, String postLabel, Figures figures) {}

    public record UnitStatistics(String unitId, String unitName, Figures figures, List<PostStatistics> posts) {}

    public record Statistics(String month, List<UnitStatistics> units, List<UserError> errors) {}

    public record RankingEntry(int rank, String unitId, String unitName, int cases, double onTimeRate) {}

    public record Ranking(String month, int minimumCases, List<RankingEntry> entries, List<UserError> errors) {}

    private final GraphTransactions graph;
    private final StatisticsStore store;
    private final OfficeAccess access;
    private final LeadershipStore leadership;
    private final SupervisionSettings settings;
    private final Clock clock;

    SupervisionStatistics(
            GraphTransactions graph,
            StatisticsStore store,
            OfficeAccess access,
            LeadershipStore leadership,
            SupervisionSettings settings,
            Clock clock) {
        this.graph = graph;
        this.store = store;
        this.access = access;
        this.leadership = leadership;
        this.settings = settings;
        this.clock = clock;
    }

    /** The month's statistics of the units asked for (null: every unit the caller may see). */
    public Statistics monthly(String monthText, List<String> unitIds) {
        return graph.read(() -> {
            var scope = scope();
            if (scope != null && scope.isEmpty()) {
                // the role gate let them in (unit staff may lead a unit); leading none, they read nothing
                return new Statistics(
                        null,
                        List.of(),
                        List.of(UserError.of("FORBIDDEN", Text.of(SupervisionTexts.STATISTICS_FORBIDDEN))));
            }
            var errors = new ArrayList<UserError>();
            var month = month(monthText, errors);
            if (unitIds != null && unitIds.size() > MAX_UNITS) {
                errors.add(UserError.of(
                        "TOO_MANY_UNITS", Text.of(SupervisionTexts.STATISTICS_TOO_MANY_UNITS, MAX_UNITS), "unitIds"));
            } else if (unitIds != null) {
                checkUnits(unitIds, scope, errors);
            }
            if (!errors.isEmpty()) return new Statistics(month == null ? null : month.toString(), List.of(), errors);
            var units = unitIds != null ? unitIds : scope;
            return new Statistics(month.toString(), units(month, month, units), List.of());
        });
    }

    /**
     * Departments ranked by on-time rate in a finished month (best first; equal rates share a rank): public, so
     * departments only (a section's or window's cases count for its department, see
     * {@link StatisticsStore#departments}) and only those with at least {@code ranking-minimum-cases} timed cases
     * ended, since a smaller count is a few people's performance in all but name. The month in progress is refused
     * (it would show day by day who finished what). The month is answered only once it parsed: nothing the caller
     * typed is echoed.
     */
    /** The fewest posts whose cases a publicly ranked department's figure must come from. */
    static final int RANKING_MINIMUM_POSTS = 3;

    public Ranking ranking(String monthText) {
        int minimum = settings.rankingMinimumCases();
        var errors = new ArrayList<UserError>();
        var month = month(monthText, errors);
        if (month != null && !month.isBefore(YearMonth.now(clock))) {
            errors.add(UserError.of("MONTH_NOT_ENDED", Text.of(SupervisionTexts.RANKING_MONTH_NOT_ENDED), "month"));
        }
        if (!errors.isEmpty()) return new Ranking(null, minimum, List.of(), errors);
        return graph.read(() -> {
            var byUnit = tallies(month, month, null);
            var departmentOf = store.departments(byUnit.units().keySet());
            var ranked = departments(byUnit, departmentOf).entrySet().stream()
                    .filter(d -> d.getValue().timed >= minimum)
                    .filter(d -> spreadOverPeople(d.getKey(), d.getValue().timed, byUnit, departmentOf))
                    .map(d -> Map.entry(d.getKey(), d.getValue().figures()))
                    .sorted(Comparator.comparing((Map.Entry<String, Figures> d) ->
                                    -d.getValue().onTimeRate())
                            .thenComparing(d -> -d.getValue().timed())
                            .thenComparing(Map.Entry::getKey))
                    .toList();
            var names = store.names(
                    "Organization", ranked.stream().map(Map.Entry::getKey).toList());
            var entries = new ArrayList<RankingEntry>();
            for (int i = 0; i < ranked.size(); i++) {
                var d = ranked.get(i);
                var rate = d.getValue().onTimeRate();
                int rank = i > 0 && ranked.get(i - 1).getValue().onTimeRate().equals(rate)
                        ? entries.get(i - 1).rank()
                        : i + 1;
                entries.add(new RankingEntry(
                        rank, d.getKey(), names.get(d.getKey()), d.getValue().timed(), rate));
            }
            return new Ranking(month.toString(), minimum, entries, List.of());
        });
    }

    /**
     * Whether a department's figure is its staff's and not one or two people's: its timed cases come from at least
     * {@link #RANKING_MINIMUM_POSTS} posts and no post has more than half of them. Otherwise a department whose cases
     * one clerk handles would publish that clerk's on-time rate under the department's name.
     */
    private static boolean spreadOverPeople(
            String department, long timed, Tallies tallies, Map<String, String> departmentOf) {
        var byPost = new java.util.HashMap<String, Long>();
        tallies.unitPosts().forEach((unit, posts) -> {
            if (department.equals(departmentOf.get(unit))) {
                posts.forEach((post, tally) -> {
                    if (tally.timed > 0) byPost.merge(post, tally.timed, Long::sum);
                });
            }
        });
        var largest = byPost.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return byPost.size() >= RANKING_MINIMUM_POSTS && largest * 2 <= timed;
    }

    /** The month's tallies added up by department; units under no department are left out. */
    private static Map<String, Tally> departments(Tallies tallies, Map<String, String> departmentOf) {
        var byUnit = tallies.units();
        var byDepartment = new TreeMap<String, Tally>();
        byUnit.forEach((unit, tally) -> {
            var department = departmentOf.get(unit);
            if (department != null)
                byDepartment.computeIfAbsent(department, d -> new Tally()).add(tally);
        });
        return byDepartment;
    }

    /**
     * The figures of the months {@code first} to {@code last} as appraisal inputs ({@link #APPRAISAL_CODES}), by
     * subject: a unit's own, and a person's those of the posts they hold on the span's last day. Runs in the
     * caller's transaction when there is one.
     */
    public Map<String, Map<String, BigDecimal>> appraisalInputs(YearMonth first, YearMonth last) {
        return graph.read(() -> {
            var tallies = tallies(first, last, null);
            var inputs = new LinkedHashMap<String, Map<String, BigDecimal>>();
            tallies.units().forEach((unit, t) -> inputs.put(unit, t.inputs()));
            var byPerson = new TreeMap<String, Tally>();
            store.holders(tallies.posts().keySet(), last.atEndOfMonth().toString())
                    .forEach((post, people) ->
                            people.forEach(person -> byPerson.computeIfAbsent(person, p -> new Tally())
                                    .add(tallies.posts().get(post))));
            byPerson.forEach((person, t) -> inputs.put(person, t.inputs()));
            return inputs;
        });
    }

    /** Every unit for the office (null), the led units for a leader, none for anyone else. */
    private List<String> scope() {
        if (access.office()) return null;
        var person = access.personId();
        return person == null ? List.of() : leadership.ledUnits(person, java.time.LocalDate.now(clock));
    }

    private void checkUnits(List<String> asked, List<String> allowed, List<UserError> errors) {
        var seen = new HashSet<String>();
        var known = new HashSet<>(store.existingUnits(asked));
        for (int i = 0; i < asked.size(); i++) {
            var id = asked.get(i);
            if (!seen.add(id)) {
                errors.add(UserError.of(
                        "DUPLICATE_UNIT",
                        Text.of(SupervisionTexts.STATISTICS_UNIT_TWICE),
                        "unitIds",
                        String.valueOf(i)));
            } else if (!known.contains(id) || (allowed != null && !allowed.contains(id))) {
                // the same answer for a unit that does not exist and one the caller may not see
                errors.add(UserError.of(
                        "NOT_YOUR_UNIT",
                        Text.of(SupervisionTexts.STATISTICS_NOT_YOUR_UNIT),
                        "unitIds",
                        String.valueOf(i)));
            }
        }
    }

    private static YearMonth month(String text, List<UserError> errors) {
        try {
            var month = YearMonth.parse(text);
            if (month.getYear() >= 2000 && month.getYear() <= 2100) return month;
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(UserError.of("INVALID_MONTH", Text.of(SupervisionTexts.STATISTICS_MONTH), "month"));
        return null;
    }

    /** Units by id, each with its posts by id; units with nothing in the span are left out. */
    private List<UnitStatistics> units(YearMonth first, YearMonth last, List<String> units) {
        var tallies = tallies(first, last, units);
        var unitNames = store.names("Organization", tallies.units().keySet());
        var postLabels = store.names("Post", tallies.posts().keySet());
        return tallies.units().entrySet().stream()
                .map(u -> new UnitStatistics(
                        u.getKey(),
                        unitNames.get(u.getKey()),
                        u.getValue().figures(),
                        tallies.postsOf(u.getKey()).entrySet().stream()
                                .map(p -> new PostStatistics(
                                        p.getKey(),
                                        postLabels.get(p.getKey()),
                                        p.getValue().figures()))
                                .toList()))
                .toList();
    }

    /** Tallies by unit, and by post (a post's counted within the unit the case or signal was reported for). */
    private record Tallies(
            Map<String, Tally> units, Map<String, Tally> posts, Map<String, Map<String, Tally>> unitPosts) {
        Map<String, Tally> postsOf(String unit) {
            return unitPosts.getOrDefault(unit, Map.of());
        }
    }

    private Tallies tallies(YearMonth first, YearMonth last, List<String> units) {
        var zone = clock.getZone();
        Instant from = first.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        var byUnit = new TreeMap<String, Tally>();
        var byPost = new TreeMap<String, Tally>();
        var byUnitPost = new TreeMap<String, Map<String, Tally>>();
        java.util.function.BiFunction<String, String, List<Tally>> targets = (unit, post) -> {
            var list = new ArrayList<Tally>(3);
            list.add(byUnit.computeIfAbsent(unit, k -> new Tally()));
            if (post != null) {
                list.add(byPost.computeIfAbsent(post, k -> new Tally()));
                list.add(
                        byUnitPost.computeIfAbsent(unit, k -> new TreeMap<>()).computeIfAbsent(post, k -> new Tally()));
            }
            return list;
        };
        for (var row : store.ended(from, to, units)) {
            targets.apply(row.unitId(), row.postId()).forEach(t -> t.add(row));
        }
        for (var row : store.raised(from, to, units)) {
            targets.apply(row.unitId(), row.postId()).forEach(t -> t.add(row));
        }
        return new Tallies(byUnit, byPost, byUnitPost);
    }

    /** Counts adding up to one unit's or post's figures. */
    private static final class Tally {
        long cases;
        long timed;
        long onTime;
        long daysUsed;
        long committed;
        long notices;
        long yellow;
        long red;

        void add(StatisticsStore.EndedRow row) {
            cases += row.cases();
            timed += row.timed();
            onTime += row.onTime();
            daysUsed += row.daysUsed();
            committed += row.committed();
        }

        void add(StatisticsStore.SignalRow row) {
            switch (row.level()) {
                case "notice" -> notices += row.count();
                case "yellow" -> yellow += row.count();
                default -> red += row.count();
            }
        }

        void add(Tally other) {
            cases += other.cases;
            timed += other.timed;
            onTime += other.onTime;
            daysUsed += other.daysUsed;
            committed += other.committed;
            notices += other.notices;
            yellow += other.yellow;
            red += other.red;
        }

        Figures figures() {
            return new Figures(
                    (int) cases,
                    (int) timed,
                    (int) onTime,
                    timed == 0 ? null : ratio(onTime * 100, timed).doubleValue(),
                    timed == 0 ? null : ratio(daysUsed, timed).doubleValue(),
                    timed == 0 ? null : ratio(committed, timed).doubleValue(),
                    (int) notices,
                    (int) yellow,
                    (int) red);
        }

        Map<String, BigDecimal> inputs() {
            var values = new LinkedHashMap<String, BigDecimal>();
            values.put("supervision_cases", BigDecimal.valueOf(cases));
            if (timed > 0) {
                values.put("supervision_on_time_rate", ratio(onTime * 100, timed));
                values.put("supervision_average_days_used", ratio(daysUsed, timed));
                values.put("supervision_average_committed_days", ratio(committed, timed));
            }
            values.put("supervision_notices", BigDecimal.valueOf(notices));
            values.put("supervision_yellow_cards", BigDecimal.valueOf(yellow));
            values.put("supervision_red_cards", BigDecimal.valueOf(red));
            return values;
        }

        private static BigDecimal ratio(long numerator, long denominator) {
            return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
        }
    }
}
