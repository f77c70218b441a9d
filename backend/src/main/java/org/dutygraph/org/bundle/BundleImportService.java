package org.dutygraph.org.bundle;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

import org.dutygraph.platform.jobs.JobRegistry;
import org.dutygraph.platform.jobs.JobThreads;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs bundle imports one at a time as jobs: read, validate everything, and only then write.
 * A bundle with any problem is rejected before the first write, so nothing of it is stored.
 */
@Service
@EnableConfigurationProperties(ImportProperties.class)
public class BundleImportService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BundleImportService.class);
    private static final int JOBS_KEPT = 200;

    private final Driver driver;
    private final ImportProperties properties;
    private final ApplicationEventPublisher events;
    private final ExecutorService executor = JobThreads.single("bundle-import");
    private final JobRegistry<ImportJob> jobs = new JobRegistry<>(JOBS_KEPT, ImportJob::finished);

    public BundleImportService(Driver driver, ImportProperties properties, ApplicationEventPublisher events) {
        this.driver = driver;
        this.properties = properties;
        this.events = events;
    }

    public ImportJob submit(BundleSource source, String submittedBy) {
        var job = new ImportJob(UUID.randomUUID().toString(), ImportJob.Status.QUEUED, "queued", 0, 0, List.of(), 0,
                submittedBy, OffsetDateTime.now(ZoneOffset.UTC), null, null);
        jobs.put(job.id(), job);
        executor.execute(() -> run(job.id(), source));
        return job;
    }

    /** Submits and waits up to {@code wait} for the outcome; returns the job as it then is. */
    public ImportJob submitAndWait(BundleSource source, String submittedBy, Duration wait) {
        var job = submit(source, submittedBy);
        return await(job.id(), wait);
    }

    public ImportJob submitAndWait(BundleSource source, String submittedBy) {
        return submitAndWait(source, submittedBy, properties.waitFor());
    }

    public Optional<ImportJob> job(String id) {
        return jobs.get(id);
    }

    public ImportJob await(String id, Duration wait) {
        return jobs.await(id, wait);
    }

    private void run(String id, BundleSource source) {
        try {
            update(id, job -> job.with(ImportJob.Status.VALIDATING, "reading", 0, 0));
            var problems = new Problems();
            var bundle = source.read(new BundleReader(problems));
            ValidatedBundle validated = null;
            if (bundle != null) {
                update(id, job -> job.with(ImportJob.Status.VALIDATING, "validating", 0, bundle.size()));
                validated = new BundleValidator(new Neo4jExistingIds(driver), problems).validate(bundle);
            }
            if (!problems.isEmpty()) {
                log.info("Import {} rejected with {} problems", id, problems.total());
                update(id, job -> job.rejected(problems));
                return;
            }
            write(id, validated);
            update(id, ImportJob::succeeded);
            events.publishEvent(BundleImported.of(id, bundle));
            log.info("Import {} stored {} entries", id, bundle.size());
        } catch (RuntimeException e) {
            log.error("Import {} failed", id, e);
            update(id, job -> job.failed(job.total() <= properties.singleTransactionLimit()
                    ? "The bundle could not be stored because of a database error; nothing of it was written"
                    : "The bundle could not be stored because of a database error after " + job.written()
                    + " entries; importing the same bundle again completes it (imports update by id)"));
        }
    }

    private void write(String id, ValidatedBundle validated) {
        ImportProgress progress = (phase, written, total) ->
                update(id, job -> job.with(ImportJob.Status.WRITING, phase, written, total));
        try (Session session = driver.session()) {
            if (validated.bundle().size() <= properties.singleTransactionLimit()) {
                try (var tx = session.beginTransaction()) {
                    new BundleWriter((cypher, rows) -> tx.run(cypher, Map.of("rows", rows)).consume(), progress,
                            properties.batchSize()).write(validated);
                    tx.commit();
                }
            } else {
                new BundleWriter((cypher, rows) -> session.executeWriteWithoutResult(
                        tx -> tx.run(cypher, Map.of("rows", rows)).consume()), progress, properties.batchSize())
                        .write(validated);
            }
        }
    }

    private void update(String id, java.util.function.UnaryOperator<ImportJob> change) {
        jobs.update(id, change);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
