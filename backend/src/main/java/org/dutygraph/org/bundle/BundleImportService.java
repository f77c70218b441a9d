package org.dutygraph.org.bundle;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;
import org.dutygraph.org.OrgTexts;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.jobs.JobLeases;
import org.dutygraph.platform.jobs.JobRegistry;
import org.dutygraph.platform.jobs.JobThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs bundle imports one at a time as jobs: read, validate everything, and only then write.
 * A bundle with any problem is rejected before the first write, so nothing of it is stored.
 * Jobs are kept in memory for waiting and recorded in the graph ({@link ImportJobStore}) at every change of
 * phase and after every committed batch, so that they can still be read after this process is gone.
 */
@org.springframework.modulith.NamedInterface("bundle")
@Service
@EnableConfigurationProperties(ImportProperties.class)
public class BundleImportService implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(BundleImportService.class);
    private static final int JOBS_KEPT = 200;

    private final BundleWriteStore store;
    private final ExistingIdsStore existingIds;
    private final ImportProperties properties;
    private final ApplicationEventPublisher events;
    private final ImportJobStore log;
    private final UnaryOperator<WriteSink> sinks;
    private final Messages messages;
    private final ExecutorService executor = JobThreads.single("bundle-import");
    private final JobRegistry<ImportJob> jobs = new JobRegistry<>("import", JOBS_KEPT, ImportJob::finished);
    private final Object recording = new Object();
    private volatile JobLeases leases;
    private final Clock clock;

    @Autowired
    public BundleImportService(
            BundleWriteStore store,
            ExistingIdsStore existingIds,
            ImportProperties properties,
            ApplicationEventPublisher events,
            ImportJobStore log,
            Clock clock,
            Messages messages) {
        this(store, existingIds, properties, events, log, UnaryOperator.identity(), clock, messages);
    }

    /** @param sinks wraps the sink of every batched write (tests stop an import midway with it) */
    BundleImportService(
            BundleWriteStore store,
            ExistingIdsStore existingIds,
            ImportProperties properties,
            ApplicationEventPublisher events,
            ImportJobStore log,
            UnaryOperator<WriteSink> sinks,
            Clock clock,
            Messages messages) {
        this.messages = messages;
        this.store = store;
        this.existingIds = existingIds;
        this.properties = properties;
        this.events = events;
        this.log = log;
        this.sinks = sinks;
        this.clock = clock;
    }

    public ImportJob submit(BundleSource source, String submittedBy) {
        return submit(source, submittedBy, ImportScope.UPDATE);
    }

    public ImportJob submit(BundleSource source, String submittedBy, ImportScope scope) {
        var job = new ImportJob(
                UUID.randomUUID().toString(),
                ImportJob.Status.QUEUED,
                "queued",
                0,
                0,
                List.of(),
                0,
                submittedBy,
                now(),
                null,
                null,
                null);
        jobs.put(job.id(), job);
        record(job.id());
        executor.execute(() -> run(job.id(), source, scope));
        return job;
    }

    /** Submits and waits up to {@code wait} for the outcome; returns the job as it then is. */
    public ImportJob submitAndWait(BundleSource source, String submittedBy, Duration wait) {
        return submitAndWait(source, submittedBy, wait, ImportScope.UPDATE);
    }

    public ImportJob submitAndWait(BundleSource source, String submittedBy, Duration wait, ImportScope scope) {
        var job = submit(source, submittedBy, scope);
        return await(job.id(), wait);
    }

    public ImportJob submitAndWait(BundleSource source, String submittedBy) {
        return submitAndWait(source, submittedBy, properties.waitFor());
    }

    /** The job as this process knows it, else as recorded in the graph (by another instance, or before a restart). */
    public Optional<ImportJob> job(String id) {
        var here = jobs.get(id);
        return here.isPresent() ? here : log.find(id);
    }

    /** Refreshes the records of this process's unfinished jobs, so that no other instance takes them for dead. */
    void heartbeat() {
        jobs.running().forEach(job -> record(job.id()));
    }

    public ImportJob await(String id, Duration wait) {
        return jobs.await(id, wait);
    }

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void useLeases(JobLeases leases) {
        this.leases = leases;
    }

    private void run(String id, BundleSource source, ImportScope scope) {
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            runTimed(id, source, scope);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            recordRun(id, started, failure);
        }
    }

    /** How the import went, for operators of every instance ({@code /actuator/jobs}, {@code bundle-import}). */
    private void recordRun(String id, long started, Throwable failure) {
        if (leases == null) return;
        try {
            var job = jobs.get(id).orElse(null);
            var summary = job == null
                    ? null
                    : String.format(
                            "%s %s, %,d of %,d written",
                            id, job.status().name().toLowerCase(), job.written(), job.total());
            leases.recordFinished("bundle-import", leases.outcome(started, failure, summary));
        } catch (RuntimeException e) {
            logger.debug("Could not record the run of import {}", id, e);
        }
    }

    private void runTimed(String id, BundleSource source, ImportScope scope) {
        try {
            update(id, job -> job.with(ImportJob.Status.VALIDATING, "reading", 0, 0));
            var problems = new Problems(messages::chinese);
            var bundle = source.read(new BundleReader(problems));
            ValidatedBundle validated = null;
            if (bundle != null) {
                update(id, job -> job.with(ImportJob.Status.VALIDATING, "validating", 0, bundle.size()));
                validated = new BundleValidator(existingIds, problems).validate(bundle);
            }
            if (!problems.isEmpty()) {
                logger.info("Import {} rejected with {} problems", id, problems.total());
                update(id, job -> job.rejected(problems));
                return;
            }
            write(id, validated, scope);
            log.completeSame(id); // before the job reads as done, so that whoever waited for it sees both
            published(BundleImported.of(id, bundle)); // likewise: what listeners record (the graph's version) is seen
            update(id, ImportJob::succeeded);
            logger.info("Import {} stored {} entries", id, bundle.size());
        } catch (RuntimeException | Error e) {
            logger.error("Import {} failed", id, e);
            update(id, job -> {
                var reason = job.total() <= properties.singleTransactionLimit()
                        ? Text.of(OrgTexts.STORE_FAILED)
                        : Text.of(OrgTexts.STORE_FAILED_PARTLY, job.written());
                return job.failed(reason, messages.chinese(reason));
            });
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /** Tells the listeners; the bundle is stored whatever they do, so a listener failing is logged, not the import failed. */
    private void published(BundleImported event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            logger.error("A listener of import {} failed", event.jobId(), e);
        }
    }

    private void write(String id, ValidatedBundle validated, ImportScope scope) {
        boolean batched = validated.bundle().size() > properties.singleTransactionLimit();
        log.writing(id, BundleFingerprint.of(validated.bundle()), batched);
        // Batches commit one by one: record each, so that the graph knows how far a cut-short import got.
        ImportProgress progress = (phase, written, total) -> {
            jobs.update(id, job -> job.with(ImportJob.Status.WRITING, phase, written, total));
            if (batched) {
                record(id);
            }
        };
        update(id, job -> job.with(ImportJob.Status.WRITING, "writing", 0, job.total()));
        if (batched) {
            store.writeInBatches(sink ->
                    new BundleWriter(sinks.apply(sink), progress, properties.batchSize()).write(validated, scope));
        } else {
            store.writeInOneTransaction(
                    sink -> new BundleWriter(sink, progress, properties.batchSize()).write(validated, scope));
        }
    }

    /** Changes the job in memory and records it in the graph. */
    private void update(String id, UnaryOperator<ImportJob> change) {
        jobs.update(id, job -> {
            var changed = change.apply(job);
            return changed.finished() && changed.finishedAt() == null ? changed.finishedAt(now()) : changed;
        });
        record(id);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Reads and saves under one lock, so that a heartbeat never writes back an older state over a newer one. */
    private void record(String id) {
        synchronized (recording) {
            jobs.get(id).ifPresent(log::save);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
