package org.dutygraph.complaints;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dutygraph.complaints.PendingSubmission.Outcome;
import org.dutygraph.platform.graphql.UnavailableException;
import org.dutygraph.platform.i18n.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stores submissions through a few writer threads, each taking whatever has queued up as one transaction
 * (group commit). Under light load a batch is one complaint and waits for nobody; under heavy load batches
 * grow by themselves, and the cost of a transaction (the round trips, the commit, the forced log write) is
 * shared, which is what keeps hundreds of submissions a second within two cores. A request returns only once
 * its batch has committed.
 * The transactions are {@link SubmissionStore}'s, on the plain driver.
 * <p>
 * A batch that fails as a whole (a constraint another instance tripped, a bug one odd submission triggers) is
 * written again one submission per transaction, so one bad submission cannot take its neighbours down.
 */
@Component
class SubmissionWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubmissionWriter.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final SubmissionStore store;
    private final SubmissionBatch batches;
    private final SubmissionRehearsals rehearsals;
    private final ComplaintSettings.Writer settings;
    private final BlockingQueue<PendingSubmission> queue;
    private final DistributionSummary batchSizes;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    SubmissionWriter(
            SubmissionStore store,
            SubmissionBatch batches,
            SubmissionRehearsals rehearsals,
            ComplaintSettings settings,
            MeterRegistry meters) {
        this.store = store;
        this.batches = batches;
        this.rehearsals = rehearsals;
        this.settings = settings.writer();
        this.queue = new ArrayBlockingQueue<>(this.settings.queue());
        this.batchSizes = DistributionSummary.builder("dutygraph.complaints.submission.batch")
                .description("Complaints stored per transaction")
                .register(meters);
        Gauge.builder("dutygraph.complaints.submission.queue", queue, java.util.Collection::size)
                .description("Complaints waiting for the writer")
                .register(meters);
    }

    /** Queues the submission and waits until it is stored (or refused); UNAVAILABLE when overloaded or stopping. */
    Outcome store(PendingSubmission pending) {
        if (!running || !queue.offer(pending)) {
            throw new UnavailableException(Text.of(ComplaintTexts.BUSY), RETRY_AFTER);
        }
        try {
            return pending.stored().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(Text.of(ComplaintTexts.STOPPING), RETRY_AFTER);
        } catch (TimeoutException e) {
            // It may still be stored; the same submissionId then returns it.
            throw new UnavailableException(Text.of(ComplaintTexts.TOO_SLOW), RETRY_AFTER);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void work() {
        var batch = new ArrayList<PendingSubmission>(settings.maxBatch());
        while (running || !queue.isEmpty()) {
            try {
                var first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, settings.maxBatch() - 1);
                writeApart(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                batch.forEach(p -> p.stored().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /** The rehearsal's submissions are never in a real one's transaction: theirs is rolled back. */
    private void writeApart(List<PendingSubmission> batch) {
        var rehearsed = new ArrayList<PendingSubmission>();
        var real = new ArrayList<PendingSubmission>(batch.size());
        for (var pending : batch) {
            (rehearsals.isRehearsal(pending.submission().submissionId()) ? rehearsed : real).add(pending);
        }
        if (!real.isEmpty()) {
            write(real, true);
        }
        if (!rehearsed.isEmpty()) {
            rehearse(rehearsed);
        }
    }

    private void rehearse(List<PendingSubmission> batch) {
        try {
            complete(batch, store.rehearse(graph -> batches.write(graph, batch)));
        } catch (RuntimeException e) {
            batch.forEach(p -> p.stored().completeExceptionally(e));
        }
    }

    private static void complete(List<PendingSubmission> batch, List<Outcome> outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).stored().complete(outcomes.get(i));
        }
    }

    private void write(List<PendingSubmission> batch, boolean mayRetry) {
        try {
            var outcomes = store.write(graph -> batches.write(graph, batch));
            batchSizes.record(batch.size());
            complete(batch, outcomes);
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                log.warn(
                        "A batch of {} complaints failed ({}); writing them one by one",
                        batch.size(),
                        SubmissionStore.reason(e));
                batch.forEach(p -> write(List.of(p), true));
            } else if (mayRetry && SubmissionStore.isDuplicate(e)) {
                // Another writer (or instance) stored the same submission, or drew the same case number, a moment
                // ago; written again, the batch sees it and answers the retry or draws another number.
                write(batch, false);
            } else {
                batch.get(0).stored().completeExceptionally(e);
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < settings.threads(); i++) {
            var thread = new Thread(this::work, "complaint-writer-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Stops taking submissions and writes what is queued before returning. */
    @Override
    public synchronized void stop() {
        running = false;
        for (var thread : threads) {
            try {
                thread.join(WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before the web server takes requests, stopped after it has stopped taking them (and finished them). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
