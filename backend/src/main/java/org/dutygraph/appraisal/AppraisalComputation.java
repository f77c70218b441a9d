package org.dutygraph.appraisal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.dutygraph.appraisal.engine.Appraiser;
import org.dutygraph.appraisal.engine.Outcome;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.jobs.JobLeases;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * Recomputes a year: every scheme in force, every period (months, then quarters, then the year), in the
 * order links require, from the entered scores and recorded events; then bundled penalties; then stores
 * the results as a new run that replaces the previous one only once it is complete. Deterministic: the
 * same inputs give the same results. Not one transaction: a large year reads a period's sheets at a time and
 * writes its run in batches, each in a transaction of its own; the run becomes current in a last one.
 */
@Service
public class AppraisalComputation {

    /**
     * What was done, and where the time went (reading the roster, reading sheets, computing, writing the run, making it
     * current and removing the run it replaced).
     */
    public record Summary(
            int year,
            String runId,
            int schemes,
            int subjects,
            int results,
            List<Text> ties,
            long millis,
            Map<String, Long> phaseMillis) {}

    /** One computed scheme-period. */
    record Computed(Scheme scheme, Period period, Map<String, Outcome> outcomes) {}

    private final GraphTransactions graph;
    private final AppraisalSchemes schemes;
    private final RosterStore rosters;
    private final ScoreSheetStore sheets;
    private final AppraisalEventStore events;
    private final ResultStore results;
    private final Clock clock;
    private final JobLeases leases;
    private final ComputedInputs computedInputs;
    private static final String LEASE = "appraisal-recompute";
    private static final java.time.Duration LEASE_FOR = java.time.Duration.ofMinutes(10);

    AppraisalComputation(
            GraphTransactions graph,
            AppraisalSchemes schemes,
            RosterStore rosters,
            ScoreSheetStore sheets,
            AppraisalEventStore events,
            ResultStore results,
            Clock clock,
            JobLeases leases,
            ComputedInputs computedInputs) {
        this.leases = leases;
        this.computedInputs = computedInputs;
        this.graph = graph;
        this.schemes = schemes;
        this.rosters = rosters;
        this.sheets = sheets;
        this.events = events;
        this.results = results;
        this.clock = clock;
    }

    /** Progress: the phase (a period, "penalties", "write") and how many of {@link #STEPS} steps are done. */
    public interface Progress {
        void at(String phase, int step);
    }

    /** The roster, 12 months, 4 quarters, the year, the penalties and the write. */
    public static final int STEPS = 20;

    public Summary recompute(int year) {
        return recompute(year, (phase, step) -> {});
    }

    /**
     * One recomputation at a time in the whole service (each takes both cores for a large year): in this instance by
     * the monitor, across instances on one graph by the {@code appraisal-recompute} lease, renewed at every step.
     */
    public synchronized Summary recompute(int year, Progress progress) {
        return leases.exclusively(
                LEASE,
                LEASE_FOR,
                renew -> recomputeHoldingLease(year, (phase, step) -> {
                    // renewing with the progress shows it to operators of every instance (/actuator/jobs)
                    leases.tryTake(LEASE, LEASE_FOR, year + ": " + phase + " (" + step + "/" + STEPS + ")");
                    progress.at(phase, step);
                }));
    }

    private Summary recomputeHoldingLease(int year, Progress progress) {
        results.forgetPastGrades();
        progress.at("roster", 0);
        long started = System.nanoTime();
        var versions = schemes.versions(year);
        var org = graph.read(() -> Roster.load(rosters, LocalDate.of(year, 12, 31)));
        long rosterDone = System.nanoTime();
        var pass = new Pass(versions, org, events.inEffect(year));
        int step = 1;
        for (var period : periods(year)) {
            progress.at(period.toString(), step++);
            pass.compute(period);
        }
        progress.at("penalties", step++);
        BundledPenalties.apply(pass.computed, pass.events, org, rosters);
        progress.at("write", step);
        long computeDone = System.nanoTime();
        var runId = UUID.randomUUID().toString();
        int written = write(year, runId, pass.computed.values());
        long writeDone = System.nanoTime();
        replace(year, runId);
        long done = System.nanoTime();
        var subjects = new HashSet<String>();
        pass.computed.values().forEach(c -> subjects.addAll(c.outcomes().keySet()));
        return new Summary(
                year,
                runId,
                (int) pass.computed.values().stream()
                        .map(c -> c.scheme().id())
                        .distinct()
                        .count(),
                subjects.size(),
                written,
                List.copyOf(pass.ties),
                (done - started) / 1_000_000,
                Map.of(
                        "roster",
                        (rosterDone - started) / 1_000_000,
                        "sheets",
                        pass.sheetNanos / 1_000_000,
                        "compute",
                        (computeDone - rosterDone - pass.sheetNanos) / 1_000_000,
                        "write",
                        (writeDone - computeDone) / 1_000_000,
                        "replace",
                        (done - writeDone) / 1_000_000));
    }

    /** The 12 months, the 4 quarters, then the year. */
    private static List<Period> periods(int year) {
        var periods = new ArrayList<Period>();
        for (int m = 1; m <= 12; m++) {
            periods.add(Period.month(year, m));
        }
        periods.addAll(Period.parse(String.valueOf(year)).parts(Period.Kind.QUARTER));
        periods.add(Period.parse(String.valueOf(year)));
        return periods;
    }

    /** One recomputation's state: what is computed so far, the ties reported, the time spent reading sheets. */
    private final class Pass {

        final Map<String, List<AppraisalSchemes.Dated>> versions;
        final Roster org;
        final Map<String, List<AppraisalEventStore.Event>> events;
        final Map<String, Computed> computed = new HashMap<>();
        final List<Text> ties = new ArrayList<>();
        long sheetNanos;

        Pass(
                Map<String, List<AppraisalSchemes.Dated>> versions,
                Roster org,
                Map<String, List<AppraisalEventStore.Event>> events) {
            this.versions = versions;
            this.org = org;
            this.events = events;
        }

        /** Every scheme in force for the period, those it links to first. */
        void compute(Period period) {
            var inForce = new HashMap<String, Scheme>();
            versions.forEach((id, list) -> {
                var s = AppraisalSchemes.inForce(list, period);
                if (s != null && s.period() == period.kind()) {
                    inForce.put(id, s);
                }
            });
            // one period's sheets at a time: a year of 100,000 staff does not sit in memory at once
            long sheetStart = System.nanoTime();
            var periodSheets = inForce.isEmpty()
                    ? Map.<String, Map<String, BigDecimal>>of()
                    : computedInputs.over(sheets.ofPeriod(period), period, inForce.values());
            sheetNanos += System.nanoTime() - sheetStart;
            for (var scheme : linkOrder(inForce)) {
                var sources = new PeriodSources(period, org, periodSheets, events, computed, versions, results);
                var run = Appraiser.run(scheme, period, org.subjects(scheme), sources, false);
                var map = new HashMap<String, Outcome>();
                run.outcomes().forEach(o -> map.put(o.subjectId(), o));
                computed.put(scheme.id() + "|" + period, new Computed(scheme, period, map));
                run.ties().forEach(t -> ties.add(Text.of(AppraisalTexts.TIE_IN_SCHEME, scheme.id(), period, t)));
            }
        }
    }

    /**
     * Writes the run in batches (not yet current); answers the rows written. A batch's rows are made just before it is
     * written, while the batches before it are written ({@link ResultStore#writers()} at a time): the run's rows are
     * never all in memory at once.
     */
    private int write(int year, String runId, Collection<Computed> computed) {
        int written = 0;
        int size = results.batchSize();
        try (var writers = new ParallelBatches("appraisal-write", results.writers())) {
            var batch = new ArrayList<ResultStore.RunRow>(size);
            for (var scheme : bySchemeInPeriodOrder(computed)) {
                var periods = scheme.stream().map(c -> c.period().toString()).toArray(String[]::new);
                var subjects = new LinkedHashSet<String>();
                scheme.forEach(c -> subjects.addAll(c.outcomes().keySet()));
                for (var subject : subjects) {
                    batch.add(row(year, runId, subject, scheme, periods));
                    if (batch.size() == size) {
                        var full = batch;
                        writers.submit(() -> results.createOwnTransaction(year, runId, full, graph));
                        written += full.size();
                        batch = new ArrayList<>(size);
                    }
                }
            }
            if (!batch.isEmpty()) {
                var last = batch;
                writers.submit(() -> results.createOwnTransaction(year, runId, last, graph));
                written += last.size();
            }
            writers.await();
        }
        return written;
    }

    /** Makes the run written current, then removes the run it replaced. */
    private void replace(int year, String runId) {
        var previous = graph.write(() -> results.makeCurrent(year, runId, clock.millis()));
        // only the run this one replaced: another recomputation may be writing its own run right now
        previous.ifPresent(old -> results.remove(year, old));
    }

    /** The computed scheme-periods by scheme, each scheme's in the order of their periods' names (a row's order). */
    private static Collection<List<Computed>> bySchemeInPeriodOrder(Collection<Computed> computed) {
        var bySchemeId = new TreeMap<String, List<Computed>>();
        for (var c : computed.stream()
                .sorted(Comparator.comparing(c -> c.period().toString()))
                .toList()) {
            bySchemeId.computeIfAbsent(c.scheme().id(), k -> new ArrayList<>()).add(c);
        }
        return bySchemeId.values();
    }

    /** One scheme's results for one subject, its periods in order (those the subject has a result in). */
    private static ResultStore.RunRow row(
            int year, String runId, String subject, List<Computed> scheme, String[] periodNames) {
        int n = 0;
        for (var c : scheme) {
            if (c.outcomes().containsKey(subject)) {
                n++;
            }
        }
        var periods = new String[n];
        var versions = new long[n];
        var scores = new String[n];
        var grades = new String[n];
        var ranks = new long[n];
        var multipliers = new String[n];
        var flags = new String[n];
        int i = 0;
        for (int p = 0; p < scheme.size(); p++) {
            var c = scheme.get(p);
            var o = c.outcomes().get(subject);
            if (o == null) {
                continue;
            }
            periods[i] = periodNames[p];
            versions[i] = c.scheme().version();
            scores[i] = o.score().stripTrailingZeros().toPlainString();
            grades[i] = o.grade();
            ranks[i] = o.rank();
            multipliers[i] = o.multiplier().toPlainString();
            flags[i] = String.join("\n", o.flags());
            i++;
        }
        var schemeId = scheme.get(0).scheme().id();
        return new ResultStore.RunRow(
                schemeId + "|" + subject + "|" + year + "|" + runId,
                schemeId,
                subject,
                periods,
                versions,
                scores,
                grades,
                ranks,
                multipliers,
                flags);
    }

    /** Schemes a period's schemes link to come first (a cycle is broken at the scheme met again, which then reads nothing). */
    private static List<Scheme> linkOrder(Map<String, Scheme> schemes) {
        var ordered = new ArrayList<Scheme>();
        var visiting = new HashSet<String>();
        var done = new HashSet<String>();
        for (var id : new TreeSet<>(schemes.keySet())) {
            visit(id, schemes, visiting, done, ordered);
        }
        return ordered;
    }

    private static void visit(
            String id, Map<String, Scheme> schemes, Set<String> visiting, Set<String> done, List<Scheme> ordered) {
        if (done.contains(id) || !schemes.containsKey(id) || !visiting.add(id)) {
            return;
        }
        for (var link : links(schemes.get(id).indicators())) {
            visit(link, schemes, visiting, done, ordered);
        }
        done.add(id);
        ordered.add(schemes.get(id));
    }

    private static List<String> links(List<Scheme.Node> nodes) {
        var links = new ArrayList<String>();
        for (var node : nodes) {
            if (node.kind() == Scheme.NodeKind.LINKED) {
                links.add(node.scheme());
            }
            links.addAll(links(node.children()));
        }
        return links;
    }
}
