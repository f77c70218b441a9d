package org.dutygraph.conflicts;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.dutygraph.conflicts.engine.ConflictEngine;
import org.dutygraph.conflicts.engine.Explanations;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.conflicts.engine.LiveAnalysis;
import org.dutygraph.conflicts.engine.Projection;
import org.dutygraph.conflicts.engine.ProjectionPatch;
import org.dutygraph.conflicts.engine.ProjectionStore;
import org.dutygraph.org.bundle.BundleImported;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.jobs.JobLeases;
import org.dutygraph.platform.jobs.JobRegistry;
import org.dutygraph.platform.jobs.JobThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Runs the conflict analysis as jobs, one at a time: project the graph into memory, analyze, and
 * merge the findings into the store. A bundle import queues a run (at most one waits at a time); an
 * import of a few duties only re-analyses what they can affect, on the last full analysis kept in memory.
 * <p>
 * With several instances on one graph, runs hold the {@code conflict-analysis} lease, so one instance analyses at a
 * time; every run records its id in the graph, and an instance whose analysis in memory is not the latest run's
 * (another instance analysed since) runs a full analysis instead of an incremental one.
 */
@Service
@EnableConfigurationProperties(ConflictSettings.class)
public class ConflictAnalysisService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConflictAnalysisService.class);

    private final ProjectionStore projections;
    private final FindingStore store;
    private final ConflictSettings settings;
    private final Explanations words;
    private final JobRegistry<AnalysisJob> jobs = new JobRegistry<>("analysis", 50, AnalysisJob::finished);
    private final AtomicReference<String> queued = new AtomicReference<>();
    /** The last full analysis, kept for incremental runs; touched only on the analysis thread. */
    private volatile LiveAnalysis live;
    /** The run {@link #live} ends with. */
    private volatile String liveRun;

    static final String LEASE = "conflict-analysis";
    private static final Duration LEASE_FOR = Duration.ofMinutes(10);
    private final JobLeases leases;

    static final int INCREMENTAL_LIMIT = 10_000;
    private final ExecutorService executor = JobThreads.single("conflict-analysis");
    private final Clock clock;
    private final GraphChanges changes;

    /** The projection of the graph at a count of {@link GraphChanges} on a day (vacancies depend on the date). */
    private record Kept(long version, LocalDate day, Projection projection) {}

    /** The projection an analysis runs on, and how it was had: kept as it was, brought up to date, or read. */
    private record Had(Projection projection, String how, boolean unchanged) {}

    /** Above this many changed duties since the kept projection, it is read anew rather than brought up to date. */
    static final int PATCH_LIMIT = 10_000;

    /**
     * The projection last read, reused while nothing it reads has changed; an incremental run updates the same
     * object in place, after a change that has moved the count. Touched only on the analysis thread.
     */
    private Kept kept;

    private boolean warmedUp;

    private static final long RENEW_EVERY_NANOS = 1_000_000_000L;
    /** When this run last renewed the lease (and recorded its phase with it); on the analysis thread only. */
    private long leaseRenewedAt;
    /** True while no incremental run has applied a change to {@link #live} since the full run that made it. */
    private boolean liveUntouched;
    /** The findings of the last full run, while {@link #liveUntouched}. */
    private List<Finding> lastFindings;

    ConflictAnalysisService(
            ProjectionStore projections,
            FindingStore store,
            ConflictSettings settings,
            Clock clock,
            Messages messages,
            JobLeases leases,
            GraphChanges changes) {
        this.changes = changes;
        this.leases = leases;
        this.words = messages::render;
        this.projections = projections;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues a run, or returns the run already waiting to start. */
    public AnalysisJob submit() {
        var id = UUID.randomUUID().toString();
        if (!queued.compareAndSet(null, id)) {
            return jobs.get(queued.get()).orElseGet(this::submit);
        }
        jobs.put(id, AnalysisJob.queued(id, now()));
        executor.execute(() -> run(id));
        return jobs.get(id).orElseThrow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public AnalysisJob await(String id, Duration wait) {
        return jobs.await(id, wait);
    }

    public java.util.Optional<AnalysisJob> job(String id) {
        return jobs.get(id);
    }

    /** Re-analyses only what a change of these duties can affect, if a full analysis is in memory; else a full run. */
    public AnalysisJob submitIncremental(List<String> dutyIds) {
        var id = UUID.randomUUID().toString();
        jobs.put(id, AnalysisJob.queued(id, now()));
        executor.execute(() -> runIncremental(id, dutyIds));
        return jobs.get(id).orElseThrow();
    }

    /** Analyzes without storing: for the command line and benchmarks. */
    public List<Finding> analyzeNow() {
        return new ConflictEngine(settings.engine(), words).analyze(projections.load(), (step, steps) -> {});
    }

    @EventListener
    void afterImport(BundleImported event) {
        if (!settings.analyzesAfterImport()) {
            return;
        }
        if (event.dutiesOnly() && event.dutyIds().size() <= INCREMENTAL_LIMIT) {
            submitIncremental(event.dutyIds());
        } else {
            submit();
        }
    }

    private void runIncremental(String id, List<String> dutyIds) {
        try {
            leases.exclusively(LEASE, LEASE_FOR, () -> {
                incrementalHoldingLease(id, dutyIds);
                return null;
            });
        } catch (RuntimeException e) {
            leaseFailed(id, e);
        }
    }

    private void incrementalHoldingLease(String id, List<String> dutyIds) {
        var started = System.nanoTime();
        try {
            var state = live;
            if (state != null && !java.util.Objects.equals(store.latestRun(), liveRun)) {
                log.info("Another instance analysed since this one's last analysis; {} runs in full", id);
                state = null;
            }
            var changed = state == null
                    ? List.<org.dutygraph.conflicts.engine.DutyChange>of()
                    : projections.loadDuties(dutyIds);
            int dutiesBefore = state == null ? 0 : state.dutyCount();
            var delta = state == null ? null : state.apply(changed);
            if (state != null
                    && (state.dutyCount() != dutiesBefore || changed.stream().anyMatch(c -> !c.exists()))) {
                // a duty added or withdrawn in place: the kept projection is no longer what a read would give
                kept = null;
            }
            if (!dutyIds.isEmpty()) liveUntouched = false;
            if (delta == null) {
                log.info("Incremental analysis {} needs the whole graph; running a full analysis", id);
                fullHoldingLease(id);
                return;
            }
            at(id, "storing findings", 8);
            store.applyDelta(delta.upserts(), delta.removedIds(), delta.staleIds(), id);
            store.markLatestRun(id);
            liveRun = id;
            var millis = (System.nanoTime() - started) / 1_000_000;
            jobs.update(id, job -> job.succeeded(delta.upserts().size(), millis, now()));
            log.info(
                    "Incremental analysis {}: {} duties changed in {} units, {} findings written, {} retired, in {} ms",
                    id,
                    dutyIds.size(),
                    delta.scopeUnits(),
                    delta.upserts().size(),
                    delta.removedIds().size(),
                    millis);
        } catch (RuntimeException e) {
            live = null;
            kept = null; // the run may have left it half updated
            log.error("Incremental analysis {} failed", id, e);
            jobs.update(id, job -> job.failed(Text.of(ConflictTexts.ANALYSIS_FAILED), now()));
        }
    }

    private void run(String id) {
        try {
            leases.exclusively(LEASE, LEASE_FOR, () -> {
                fullHoldingLease(id);
                return null;
            });
        } catch (RuntimeException e) {
            leaseFailed(id, e);
        }
    }

    /** The lease could not be taken or given up (the database unreachable): the job fails instead of waiting forever. */
    private void leaseFailed(String id, RuntimeException e) {
        queued.compareAndSet(id, null);
        log.error("Conflict analysis {} could not hold the analysis lease", id, e);
        jobs.update(id, job -> job.finished() ? job : job.failed(Text.of(ConflictTexts.ANALYSIS_FAILED), now()));
    }

    /**
     * The job's phase, for its poller here and, renewing the lease with it, for operators of every instance
     * ({@code /actuator/jobs}: "analysis-id: analyzing (3/8)").
     */
    private void at(String id, String phase, int step) {
        jobs.update(id, job -> job.at(phase, step));
        // Each renewal is a commit: at most one a second (the lease runs for minutes), so a short run does not
        // spend its time renewing; other instances' operators see the phase at most that late.
        long now = System.nanoTime();
        if (now - leaseRenewedAt < RENEW_EVERY_NANOS) return;
        leaseRenewedAt = now;
        var steps = jobs.get(id).map(AnalysisJob::steps).orElse(0);
        leases.tryTake(LEASE, LEASE_FOR, id + ": " + phase + " (" + step + "/" + steps + ")");
    }

    private void fullHoldingLease(String id) {
        queued.compareAndSet(id, null);
        var started = System.nanoTime();
        leaseRenewedAt = started - RENEW_EVERY_NANOS; // the phase of a new run is recorded at once
        var previous = liveUntouched ? live : null;
        var previousFindings = liveUntouched ? lastFindings : null;
        live = null;
        lastFindings = null;
        try {
            at(id, "loading graph", 1);
            var had = projection();
            var projection = had.projection();
            var reused = had.unchanged();
            var loaded = System.nanoTime();
            at(id, "analyzing", 2);
            // The engine's findings are a function of the projection alone (and of the settings, fixed at start):
            // on the very projection the last full run analysed, unchanged since (same count, same day, no
            // incremental run applied to it), they are the last run's findings, and are not computed again.
            var repeated = reused && previousFindings != null;
            var findings = repeated
                    ? previousFindings
                    : new ConflictEngine(settings.engine(), words)
                            .analyze(projection, (step, steps) -> at(id, "analyzing", 1 + step));
            var analyzed = System.nanoTime();
            at(id, "storing findings", 8);
            // on a kept projection no incremental run has touched, the engine found what the last full run found;
            // else the indexes for incremental runs are built on another core while the findings are written (both
            // only read the projection and the findings)
            var building = !settings.keepsLiveAnalysis() || (reused && previous != null)
                    ? null
                    : CompletableFuture.supplyAsync(
                            () -> LiveAnalysis.of(projection, findings, settings.engine(), words));
            int count;
            try {
                count = store.replaceActive(findings, id); // records the run as the latest in the same commit
            } catch (RuntimeException e) {
                if (building != null) building.cancel(false);
                throw e;
            }
            var stored = System.nanoTime();
            liveRun = id;
            live = !settings.keepsLiveAnalysis() ? null : building == null ? previous : join(building);
            var indexed = System.nanoTime();
            liveUntouched = true;
            lastFindings = findings;
            if (live != null && !warmedUp) {
                // Plan the incremental queries and run the in-memory pass once with nothing changed, so that
                // the first incremental run after a full one is as fast as the next.
                projections.loadDuties(List.of());
                store.applyDelta(List.of(), List.of(), List.of(), id);
                live.apply(List.of());
                warmedUp = true;
            }
            var millis = (System.nanoTime() - started) / 1_000_000;
            jobs.update(id, job -> job.succeeded(count, millis, now()));
            log.info(
                    "Conflict analysis {}: {} findings over {} duties in {} ms ({} {} ms, {} {} ms, store {} ms,"
                            + " then {} ms more for the incremental indexes, built meanwhile)",
                    id,
                    count,
                    projection.dutyCount(),
                    millis,
                    had.how(),
                    (loaded - started) / 1_000_000,
                    repeated ? "nothing changed since the last analysis, its findings reused" : "analyze",
                    (analyzed - loaded) / 1_000_000,
                    (stored - analyzed) / 1_000_000,
                    (indexed - stored) / 1_000_000);
        } catch (RuntimeException e) {
            kept = null;
            log.error("Conflict analysis {} failed", id, e);
            jobs.update(id, job -> job.failed(Text.of(ConflictTexts.ANALYSIS_FAILED), now()));
        }
    }

    /**
     * The projection kept in memory if nothing it reads has been committed since it was read (nor has the day
     * changed), else a fresh read, kept for the next run where the database's writes can be watched. The count is
     * read before the projection: a change committed while it is read moves the count, and the next run reads again.
     */
    private Had projection() {
        var version = changes.version();
        var day = LocalDate.now(clock);
        if (version.isPresent() && kept != null && kept.day().equals(day)) {
            long now = version.getAsLong();
            if (kept.version() == now) {
                return new Had(kept.projection(), "projection kept in memory", true);
            }
            // only existing duties changed since it was read: read those again, the rest stays as read
            var duties = changes.dutiesChangedSince(kept.version(), now);
            if (duties.isPresent() && duties.get().size() <= PATCH_LIMIT) {
                var projection = kept.projection();
                kept = null; // until it is brought up to date
                if (ProjectionPatch.apply(projection, projections.loadDuties(List.copyOf(duties.get())))) {
                    kept = new Kept(now, day, projection);
                    return new Had(
                            projection,
                            "projection kept, " + duties.get().size() + " changed duties read again",
                            false);
                }
            }
        }
        kept = null;
        var projection = projections.load();
        if (version.isPresent() && settings.keepsLiveAnalysis()) {
            kept = new Kept(version.getAsLong(), day, projection);
        }
        return new Had(projection, "load", false);
    }

    /** The value of a computation on another thread, its failure rethrown as it was thrown. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
