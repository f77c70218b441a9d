package org.dutygraph.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * Per-unit statistics of the cases opened in a period (drafts left out), a page of units at a time: how many, by source, situation and measure
 * in force (an appeal's change included), and the working days from opening to decision. The supervision office sees
 * every unit; a unit's leaders the units they lead and those under them; anyone else nothing.
 */
@Service
public class CaseStatistics {

    static final int MAX_DAYS = 1096;
    static final int MAX_UNITS = 500;

    public record Count(String key, String label, int count) {}

    public record UnitStatistics(
            CaseViews.Named unit,
            int cases,
            int decided,
            List<Count> bySource,
            List<Count> bySituation,
            List<Count> byMeasure,
            Double averageWorkingDaysToDecision,
            Integer maxWorkingDaysToDecision) {}

    /** {@code units}: one page of the units with cases, by unit id; {@code pageInfo}'s cursors seal a unit id. */
    public record Statistics(
            LocalDate from,
            LocalDate to,
            List<UnitStatistics> units,
            Connection.PageInfo pageInfo,
            List<UserError> errors) {

        static Statistics refused(LocalDate from, LocalDate to, List<UserError> errors) {
            return new Statistics(from, to, List.of(), new Connection.PageInfo(false, false, null, null), errors);
        }
    }

    private final GraphTransactions graph;
    private final CaseStore store;
    private final CaseAudiences audiences;
    private final WorkingDays workingDays;
    private final Clock clock;

    CaseStatistics(
            GraphTransactions graph, CaseStore store, CaseAudiences audiences, WorkingDays workingDays, Clock clock) {
        this.graph = graph;
        this.store = store;
        this.audiences = audiences;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /**
     * A page of units ({@code first}, default and bounds of {@link Connection}; {@code after} a cursor of a previous
     * page): a page size out of range or a cursor not ours is refused on that argument before anything is read.
     */
    public Statistics of(
            CaseCaller caller, LocalDate from, LocalDate to, List<String> unitIds, Integer first, String after) {
        int size = Connection.pageSize(first);
        var afterUnit = Connection.decode(after);
        var errors = new ArrayList<UserError>();
        if (from.isAfter(to)) {
            errors.add(CaseTexts.FROM_AFTER_TO.at("to"));
        } else if (from.plusDays(MAX_DAYS).isBefore(to)) {
            errors.add(CaseTexts.PERIOD_TOO_LONG.at("to"));
        }
        if (unitIds != null && unitIds.size() > MAX_UNITS) {
            errors.add(CaseTexts.TOO_MANY_UNITS.at("unitIds"));
        }
        if (!errors.isEmpty()) {
            return Statistics.refused(from, to, errors);
        }
        return graph.read(() -> {
            var scope = scope(caller, unitIds, errors);
            if (!errors.isEmpty() || (scope != null && scope.isEmpty())) {
                return Statistics.refused(from, to, errors);
            }
            var zone = clock.getZone();
            long fromMillis = from.atStartOfDay(zone).toInstant().toEpochMilli();
            long toMillis = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
            var units = store.unitsWithCases(scope, fromMillis, toMillis, afterUnit, size + 1);
            var page = units.size() > size ? units.subList(0, size) : units;
            var rows = page.isEmpty() ? List.<CaseStore.Counted>of() : store.counted(page, fromMillis, toMillis);
            var byUnit = rows.stream()
                    .collect(Collectors.groupingBy(CaseStore.Counted::unitId, TreeMap::new, Collectors.toList()));
            var pageInfo = new Connection.PageInfo(
                    units.size() > size,
                    afterUnit != null,
                    page.isEmpty() ? null : Connection.encode(page.get(0)),
                    page.isEmpty() ? null : Connection.encode(page.get(page.size() - 1)));
            return new Statistics(
                    from, to, byUnit.values().stream().map(this::unit).toList(), pageInfo, List.of());
        });
    }

    /** The units asked for and allowed (null: every unit, for the office asking for none); problems to errors. */
    private List<String> scope(CaseCaller caller, List<String> asked, List<UserError> errors) {
        boolean office = audiences.office(caller);
        var allowed = office ? null : new HashSet<>(audiences.ledUnits(caller));
        if (asked == null) {
            return office ? null : List.copyOf(allowed);
        }
        var seen = new HashSet<String>();
        var known = new HashSet<>(store.existingUnits(asked));
        for (int i = 0; i < asked.size(); i++) {
            var id = asked.get(i);
            if (!seen.add(id)) {
                errors.add(CaseTexts.LISTED_TWICE_UNIT.at("unitIds", String.valueOf(i)));
            } else if (!known.contains(id) || (allowed != null && !allowed.contains(id))) {
                // the same answer for a unit that does not exist and one the caller may not see
                errors.add(CaseTexts.NOT_YOUR_UNIT.at("unitIds", String.valueOf(i)));
            }
        }
        return List.copyOf(asked);
    }

    private UnitStatistics unit(List<CaseStore.Counted> rows) {
        var first = rows.get(0);
        var days = rows.stream()
                .filter(r -> r.decidedAt() != null)
                .map(r -> workingDaysBetween(r.openedAt(), r.decidedAt()))
                .toList();
        return new UnitStatistics(
                new CaseViews.Named(first.unitId(), first.unitName()),
                rows.size(),
                days.size(),
                counts(rows, CaseStore.Counted::sourceKind, r -> null),
                counts(rows, CaseStore.Counted::situationCode, CaseStore.Counted::situationWording),
                counts(rows, CaseStore.Counted::measure, r -> null),
                days.isEmpty()
                        ? null
                        : Math.round(days.stream()
                                                .mapToInt(Integer::intValue)
                                                .average()
                                                .orElse(0)
                                        * 10)
                                / 10.0,
                days.isEmpty()
                        ? null
                        : days.stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    /** Counts by key, most first, then by key; rows without a key (no situation yet, not decided) are left out. */
    private static List<Count> counts(
            List<CaseStore.Counted> rows,
            java.util.function.Function<CaseStore.Counted, String> key,
            java.util.function.Function<CaseStore.Counted, String> label) {
        var counts = new LinkedHashMap<String, Integer>();
        var labels = new LinkedHashMap<String, String>();
        rows.stream().filter(r -> key.apply(r) != null).forEach(r -> {
            counts.merge(key.apply(r), 1, Integer::sum);
            labels.putIfAbsent(key.apply(r), label.apply(r));
        });
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Count(e.getKey(), labels.get(e.getKey()), e.getValue()))
                .toList();
    }

    /** Working days after the day of opening up to and including the day of decision (0: decided the same day). */
    int workingDaysBetween(long openedAt, long decidedAt) {
        var zone = clock.getZone();
        var day = Instant.ofEpochMilli(openedAt).atZone(zone).toLocalDate();
        var decided = Instant.ofEpochMilli(decidedAt).atZone(zone).toLocalDate();
        int n = 0;
        while (true) {
            day = workingDays.next(day);
            if (day.isAfter(decided)) {
                return n;
            }
            n++;
        }
    }
}
