package org.dutygraph.supervision;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dutygraph.org.read.LeadershipStore;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.platform.graphql.NotAuthorizedException;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * Daily workload targets of service halls' window workers (seed 000: 65 accepted cases a day off-peak, 85 in peak
 * periods): the office sets each hall's standard and challenge targets for off-peak and peak days and the peak
 * periods; each worker's day is MET, CHALLENGE_MET or MISSED against the targets in force that day, read per hall by the office and the
 * hall's leaders, and counted per month as appraisal inputs ({@link #APPRAISAL_CODES}).
 *
 * <p>A worker's day counts when it is a working day of the calendar on which the worker's post accepted at least
 * one case: the system knows no rosters, and a day without a single acceptance is a day off, leave, or other work
 * far more often than a day of idling, so it is not held against anyone. Days off (weekends, holidays) are not
 * measured even when the hall opened.
 */
@Service
public class HallWorkloads {

    /** The indicator codes appraisal schemes read from here (computed, like the other {@code supervision_} ones). */
    public static final List<String> APPRAISAL_CODES = List.of(
            "supervision_workload_met_days",
            "supervision_workload_challenge_met_days",
            "supervision_workload_missed_days");

    static final int MAX_TARGET = 10_000;
    static final int MAX_PERIODS = 100;
    static final int MAX_DAYS = 31;

    /** What the office asks to set. */
    public record Input(
            String hallId,
            int offPeakStandard,
            int offPeakChallenge,
            int peakStandard,
            int peakChallenge,
            List<PeriodInput> peakPeriods) {}

    /** A peak period as given: both days included. */
    public record PeriodInput(LocalDate from, LocalDate to) {}

    /** The targets as stored, or the problems (then nothing was stored). */
    public record Saved(WorkloadTargets targets, List<UserError> errors) {}

    /** One worker's working day: the post, who held it, the cases accepted and how that went against the target. */
    public record WorkerDay(
            LocalDate date,
            String postId,
            String postLabel,
            String personId,
            String personName,
            boolean peak,
            int accepted,
            int standard,
            int challenge,
            WorkloadTargets.Outcome outcome) {}

    /** A hall's workers over some days, by date then post; or the problems with the arguments. */
    public record Workload(String hallId, WorkloadTargets targets, List<WorkerDay> days, List<UserError> errors) {}

    private final WorkloadStore store;
    private final StatisticsStore units;
    private final GraphTransactions graph;
    private final OfficeAccess office;
    private final LeadershipStore leadership;
    private final WorkingDays workingDays;
    private final Clock clock;

    HallWorkloads(
            WorkloadStore store,
            StatisticsStore units,
            GraphTransactions graph,
            OfficeAccess office,
            LeadershipStore leadership,
            WorkingDays workingDays,
            Clock clock) {
        this.store = store;
        this.units = units;
        this.graph = graph;
        this.office = office;
        this.leadership = leadership;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    public Saved set(Input input) {
        office.require(SupervisionTexts.WORKLOAD_OFFICE_ONLY);
        var by = office.username();
        return graph.write(() -> {
            var errors = check(input);
            if (!errors.isEmpty()) return new Saved(null, errors);
            var targets = new WorkloadTargets(
                    input.hallId(),
                    input.offPeakStandard(),
                    input.offPeakChallenge(),
                    input.peakStandard(),
                    input.peakChallenge(),
                    input.peakPeriods().stream()
                            .map(p -> new WorkloadTargets.PeakPeriod(p.from(), p.to()))
                            .sorted(java.util.Comparator.comparing(WorkloadTargets.PeakPeriod::from))
                            .toList(),
                    by,
                    WorkloadStore.utc(clock.instant()));
            store.save(targets);
            return new Saved(targets, List.of());
        });
    }

    /**
     * The hall's workers' days from {@code from} to {@code to} (inclusive): the office, and the hall's leaders;
     * anyone else gets nothing and the error FORBIDDEN.
     */
    public Workload days(String hallId, LocalDate from, LocalDate to) {
        return graph.read(() -> {
            if (!mayRead(hallId)) {
                // the role gate let them in (unit staff may lead the hall); leading it not, they read nothing, not
                // even the id they asked for repeated back (the schema keeps hallId non-null for released apps)
                return new Workload(
                        "",
                        null,
                        List.of(),
                        List.of(UserError.of("FORBIDDEN", Text.of(SupervisionTexts.WORKLOAD_FORBIDDEN))));
            }
            var errors = new ArrayList<UserError>();
            if (to.isBefore(from)) {
                errors.add(UserError.of("INVALID_SPAN", Text.of(SupervisionTexts.WORKLOAD_SPAN, MAX_DAYS), "to"));
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                errors.add(UserError.of("SPAN_TOO_LONG", Text.of(SupervisionTexts.WORKLOAD_SPAN, MAX_DAYS), "to"));
            }
            var targets = store.find(hallId).orElse(null);
            if (targets == null) {
                errors.add(UserError.of("NO_TARGETS", Text.of(SupervisionTexts.WORKLOAD_NO_TARGETS), "hallId"));
            }
            if (!errors.isEmpty()) return new Workload(hallId, targets, List.of(), errors);
            return new Workload(hallId, targets, workerDays(hallId, from, to), List.of());
        });
    }

    /** Refuses (FORBIDDEN) anyone who may not read the hall's workload: before any argument is looked at. */
    public void requireReader(String hallId) {
        if (!graph.read(() -> mayRead(hallId))) {
            throw new NotAuthorizedException(true, Text.of(SupervisionTexts.WORKLOAD_FORBIDDEN));
        }
    }

    /** Up to {@code limit} recorded changes of the hall's targets after the key {@code after}, newest first. */
    public List<HallWorkloadChange> changes(String hallId, String after, int limit) {
        requireReader(hallId);
        return graph.read(() -> store.changes(hallId, after, limit));
    }

    /** The office, and the hall's leaders (a leading post held today in the hall or a unit above it). */
    private boolean mayRead(String hallId) {
        if (office.office()) return true;
        var person = office.personId();
        return person != null
                && leadership.ledUnits(person, LocalDate.now(clock)).contains(hallId);
    }

    /**
     * The months {@code first} to {@code last}, as appraisal inputs by person: how many of their working days were
     * MET, CHALLENGE_MET and MISSED (each day counted for the one holding the post that day). Runs in the caller's
     * transaction when there is one.
     */
    public Map<String, Map<String, BigDecimal>> appraisalInputs(YearMonth first, YearMonth last) {
        return graph.read(() -> {
            var counts = new TreeMap<String, long[]>();
            for (var day : workerDays(null, first.atDay(1), last.atEndOfMonth())) {
                if (day.personId() == null) continue;
                counts.computeIfAbsent(day.personId(), p -> new long[3])[
                        day.outcome().ordinal()]++;
            }
            var inputs = new LinkedHashMap<String, Map<String, BigDecimal>>();
            counts.forEach((person, c) -> {
                var values = new LinkedHashMap<String, BigDecimal>();
                values.put("supervision_workload_met_days", BigDecimal.valueOf(c[0]));
                values.put("supervision_workload_challenge_met_days", BigDecimal.valueOf(c[1]));
                values.put("supervision_workload_missed_days", BigDecimal.valueOf(c[2]));
                inputs.put(person, values);
            });
            return inputs;
        });
    }

    /**
     * The workers' days from {@code from} to {@code to}, each post and day once, by date then post: against the
     * targets in force that day of the nearest hall above the post that had some (a window section's own targets,
     * not its service centre's too); only the posts under {@code onlyHall} when given.
     */
    private List<WorkerDay> workerDays(String onlyHall, LocalDate from, LocalDate to) {
        var zone = clock.getZone();
        var history = store.history();
        if (history.isEmpty()) return List.of();
        var inForce = new TargetsInForce(history, zone);
        var halls = history.stream().map(WorkloadTargets::hallId).distinct().toList();
        var rows = store
                .accepted(
                        halls,
                        from.atStartOfDay(zone).toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant(),
                        zone)
                .stream()
                .filter(a -> workingDays.isWorkingDay(a.day()))
                .toList();
        if (onlyHall != null) {
            var inHall = rows.stream()
                    .filter(a -> a.hallId().equals(onlyHall))
                    .map(WorkloadStore.AcceptedDay::postId)
                    .collect(java.util.stream.Collectors.toSet());
            rows = rows.stream().filter(a -> inHall.contains(a.postId())).toList();
        }
        // by date, post, then the nearest hall first (the store's order): the first with targets that day is taken
        var taken = new LinkedHashMap<String, WorkerDay>();
        var posts =
                rows.stream().map(WorkloadStore.AcceptedDay::postId).distinct().toList();
        var labels = store.postLabels(posts);
        var holdings = store.holdings(posts);
        for (var a : rows) {
            var key = a.postId() + "|" + a.day();
            if (taken.containsKey(key)) continue;
            var targets = inForce.on(a.hallId(), a.day());
            if (targets == null) continue;
            var holders = holdings.stream()
                    .filter(h -> h.postId().equals(a.postId()) && h.on(a.day()))
                    .toList();
            // several held the post that day (a handover): the events name the post, so the cases are theirs together
            var holder = holders.size() == 1 ? holders.get(0) : null;
            taken.put(
                    key,
                    new WorkerDay(
                            a.day(),
                            a.postId(),
                            labels.get(a.postId()),
                            holder == null ? null : holder.personId(),
                            holder == null ? null : holder.personName(),
                            targets.peak(a.day()),
                            a.accepted(),
                            targets.standard(a.day()),
                            targets.challenge(a.day()),
                            targets.outcome(a.day(), a.accepted())));
        }
        return List.copyOf(taken.values());
    }

    private List<UserError> check(Input input) {
        var errors = new ArrayList<UserError>();
        if (input.hallId() == null
                || units.existingUnits(List.of(input.hallId())).isEmpty()) {
            errors.add(UserError.of("UNKNOWN_UNIT", Text.of(SupervisionTexts.THRESHOLD_NO_UNIT), "input", "hallId"));
        }
        checkPair(input.offPeakStandard(), input.offPeakChallenge(), "offPeakStandard", "offPeakChallenge", errors);
        checkPair(input.peakStandard(), input.peakChallenge(), "peakStandard", "peakChallenge", errors);
        var periods = input.peakPeriods() == null ? List.<PeriodInput>of() : input.peakPeriods();
        if (periods.size() > MAX_PERIODS) {
            errors.add(UserError.of(
                    "TOO_MANY_PERIODS",
                    Text.of(SupervisionTexts.WORKLOAD_TOO_MANY_PERIODS, MAX_PERIODS),
                    "input",
                    "peakPeriods"));
            return errors;
        }
        for (int i = 0; i < periods.size(); i++) {
            var p = periods.get(i);
            if (p.to().isBefore(p.from())) {
                errors.add(UserError.of(
                        "INVALID_PERIOD",
                        Text.of(SupervisionTexts.WORKLOAD_PERIOD_ORDER),
                        "input",
                        "peakPeriods",
                        String.valueOf(i),
                        "to"));
                continue;
            }
            for (int j = 0; j < i; j++) {
                var q = periods.get(j);
                if (!q.to().isBefore(q.from())
                        && !p.from().isAfter(q.to())
                        && !q.from().isAfter(p.to())) {
                    errors.add(UserError.of(
                            "OVERLAPPING_PERIOD",
                            Text.of(SupervisionTexts.WORKLOAD_PERIOD_OVERLAP, j),
                            "input",
                            "peakPeriods",
                            String.valueOf(i)));
                    break;
                }
            }
        }
        return errors;
    }

    private static void checkPair(
            int standard, int challenge, String standardField, String challengeField, List<UserError> errors) {
        if (standard < 1 || standard > MAX_TARGET) {
            errors.add(UserError.of(
                    "OUT_OF_RANGE",
                    Text.of(SupervisionTexts.WORKLOAD_TARGET_RANGE, standardField, MAX_TARGET),
                    "input",
                    standardField));
        }
        if (challenge <= standard || challenge > MAX_TARGET) {
            errors.add(UserError.of(
                    "OUT_OF_RANGE",
                    Text.of(SupervisionTexts.THRESHOLD_ABOVE, challengeField, standardField, MAX_TARGET),
                    "input",
                    challengeField));
        }
    }
}
