package org.dutygraph.appraisal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dutygraph.appraisal.engine.Appraiser;
import org.dutygraph.appraisal.engine.Outcome;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.appraisal.engine.Sources;
import org.dutygraph.platform.i18n.Text;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Service;

/**
 * Recomputes a year: every scheme in force, every period (months, then quarters, then the year), in the
 * order links require, from the entered scores and recorded events; then bundled penalties; then stores
 * the results as a new run that replaces the previous one only once it is complete. Deterministic: the
 * same inputs give the same results.
 */
@Service
public class AppraisalComputation {

    /** What was done, and where the time went (reading the roster, reading sheets, computing, writing the run). */
    public record Summary(int year, String runId, int schemes, int subjects, int results, List<Text> ties, long millis,
                          Map<String, Long> phaseMillis) {
    }

    /** One computed scheme-period. */
    record Computed(Scheme scheme, Period period, Map<String, Outcome> outcomes) {
    }

    private final Driver driver;
    private final AppraisalSchemes schemes;
    private final AppraisalStore store;

    AppraisalComputation(Driver driver, AppraisalSchemes schemes, AppraisalStore store) {
        this.driver = driver;
        this.schemes = schemes;
        this.store = store;
    }

    /** Progress: the phase (a period, "penalties", "write") and how many of {@link #STEPS} steps are done. */
    public interface Progress {
        void at(String phase, int step);
    }

    /** The roster, 12 months, 4 quarters, the year, the penalties and the write. */
    public static final int STEPS = 20;

    public Summary recompute(int year) {
        return recompute(year, (phase, step) -> {
        });
    }

    /** One recomputation at a time in this instance (each takes both cores for a large year). */
    public synchronized Summary recompute(int year, Progress progress) {
        progress.at("roster", 0);
        long started = System.nanoTime();
        var versions = schemes.versions(year);
        var org = Roster.load(driver, LocalDate.of(year, 12, 31));
        long rosterDone = System.nanoTime();
        long sheetNanos = 0;
        var events = store.events(year);
        var computed = new HashMap<String, Computed>();
        var ties = new ArrayList<Text>();
        var periods = new ArrayList<Period>();
        for (int m = 1; m <= 12; m++) {
            periods.add(Period.month(year, m));
        }
        periods.addAll(Period.parse(String.valueOf(year)).parts(Period.Kind.QUARTER));
        periods.add(Period.parse(String.valueOf(year)));
        int step = 1;
        for (var period : periods) {
            progress.at(period.toString(), step++);
            var inForce = new HashMap<String, Scheme>();
            versions.forEach((id, list) -> {
                var s = AppraisalSchemes.inForce(list, period);
                if (s != null && s.period() == period.kind()) {
                    inForce.put(id, s);
                }
            });
            // one period's sheets at a time: a year of 100,000 staff does not sit in memory at once
            long sheetStart = System.nanoTime();
            var sheets = inForce.isEmpty() ? Map.<String, Map<String, BigDecimal>>of() : store.sheets(period);
            sheetNanos += System.nanoTime() - sheetStart;
            for (var scheme : linkOrder(inForce)) {
                var subjects = org.subjects(scheme);
                var sources = new PeriodSources(period, org, sheets, events, computed, versions, store);
                var run = Appraiser.run(scheme, period, subjects, sources, false);
                var map = new HashMap<String, Outcome>();
                run.outcomes().forEach(o -> map.put(o.subjectId(), o));
                computed.put(scheme.id() + "|" + period, new Computed(scheme, period, map));
                run.ties().forEach(t -> ties.add(Text.of(AppraisalTexts.TIE_IN_SCHEME, scheme.id(), period, t)));
            }
        }
        progress.at("penalties", step++);
        BundledPenalties.apply(computed, events, org, driver);
        progress.at("write", step);
        long computeDone = System.nanoTime();
        var runId = UUID.randomUUID().toString();
        int results = store.replaceResults(year, runId, computed.values());
        long written = System.nanoTime();
        var subjects = new HashSet<String>();
        computed.values().forEach(c -> subjects.addAll(c.outcomes().keySet()));
        return new Summary(year, runId, (int) computed.values().stream().map(c -> c.scheme().id()).distinct().count(),
                subjects.size(), results, List.copyOf(ties), (written - started) / 1_000_000, Map.of(
                        "roster", (rosterDone - started) / 1_000_000, "sheets", sheetNanos / 1_000_000,
                        "compute", (computeDone - rosterDone - sheetNanos) / 1_000_000, "write", (written - computeDone) / 1_000_000));
    }

    /** Schemes a period's schemes link to come first (a cycle is broken at the scheme met again, which then reads nothing). */
    private static List<Scheme> linkOrder(Map<String, Scheme> schemes) {
        var ordered = new ArrayList<Scheme>();
        var visiting = new HashSet<String>();
        var done = new HashSet<String>();
        for (var id : new java.util.TreeSet<>(schemes.keySet())) {
            visit(id, schemes, visiting, done, ordered);
        }
        return ordered;
    }

    private static void visit(String id, Map<String, Scheme> schemes, java.util.Set<String> visiting, java.util.Set<String> done,
                              List<Scheme> ordered) {
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

    /** The engine's view of one period: inputs from the score sheets, results computed earlier in this run. */
    private record PeriodSources(Period period, Roster org, Map<String, Map<String, BigDecimal>> sheets,
                                 Map<String, List<AppraisalStore.Event>> events, Map<String, Computed> computed,
                                 Map<String, List<AppraisalSchemes.Dated>> versions, AppraisalStore store) implements Sources {

        @Override
        public BigDecimal input(String subjectId, String code) {
            var sheet = sheets.get(subjectId);
            return sheet == null ? null : sheet.get(code);
        }

        @Override
        public BigDecimal linked(String subjectId, Scheme.Node link) {
            var c = computed.get(link.scheme() + "|" + period);
            if (c == null) {
                return null;
            }
            var unit = org.linkedUnit(subjectId, link.from(), link.source(), link.classification(), c.outcomes()::containsKey);
            var outcome = unit == null ? null : c.outcomes().get(unit);
            return outcome == null || !outcome.assessed() ? null : outcome.score();
        }

        @Override
        public String distributionGroup(String subjectId, Scheme.Grouping grouping) {
            return org.distributionGroup(subjectId, grouping);
        }

        @Override
        public BigDecimal partScore(String subjectId, String schemeId, Period part) {
            var outcome = part(subjectId, schemeId, part);
            return outcome == null ? null : outcome.score();
        }

        @Override
        public String partGrade(String subjectId, String schemeId, Period part) {
            var outcome = part(subjectId, schemeId, part);
            return outcome == null ? null : outcome.grade();
        }

        /** The subject's assessed result in a part of the period (a part not assessed is no result). */
        private Outcome part(String subjectId, String schemeId, Period part) {
            var c = computed.get(schemeId + "|" + part);
            var outcome = c == null ? null : c.outcomes().get(subjectId);
            return outcome == null || !outcome.assessed() ? null : outcome;
        }

        @Override
        public Scheme scheme(String schemeId) {
            var list = versions.get(schemeId);
            return list == null ? null : AppraisalSchemes.inForce(list, period);
        }

        @Override
        public List<String> pastGrades(String subjectId, String schemeId, int years) {
            return years < 1 ? List.of() : store.pastGrades(schemeId, period.year(), years).getOrDefault(subjectId, List.of());
        }

        @Override
        public List<String> eventsInEffect(String subjectId) {
            var months = period.kind() == Period.Kind.MONTH ? List.of(period) : period.parts(Period.Kind.MONTH);
            var kinds = new ArrayList<String>();
            for (var e : events.getOrDefault(subjectId, List.of())) {
                for (int i = 0; i < e.months(); i++) {
                    if (months.contains(e.month().plusMonths(i))) {
                        kinds.add(e.kind());
                        break;
                    }
                }
            }
            return kinds;
        }

        @Override
        public List<String> events(String subjectId) {
            var all = events.getOrDefault(subjectId, List.of());
            var kinds = new ArrayList<String>();
            for (var e : all) {
                if (period.kind() == Period.Kind.MONTH ? e.month().equals(period)
                        : period.parts(Period.Kind.MONTH).contains(e.month())) {
                    kinds.add(e.kind());
                }
            }
            return kinds;
        }
    }
}
