package org.dutygraph.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Component;

/**
 * Leases in the graph that make a job run in one instance of the service at a time, whatever the number of
 * instances on the graph: the holder renews its lease while it works; when it stops it gives the lease up, and
 * when it dies the lease lapses and another instance takes it. Times come from the service clock, so instances
 * need clocks in step to well within a lease (NTP).
 */
@Component
public class JobLeases {

    private static final Duration WAIT_STEP = Duration.ofMillis(500);

    private final GraphTransactions graph;
    private final JobLeaseStore store;
    private final Clock clock;
    private final String instance = "instance-" + UUID.randomUUID();

    JobLeases(GraphTransactions graph, JobLeaseStore store, Clock clock) {
        this.graph = graph;
        this.store = store;
        this.clock = clock;
    }

    /** This process, as lease holders are named. */
    public String instance() {
        return instance;
    }

    /** Takes or renews the lease for {@code lease} from now; false when another live instance holds it. */
    public boolean tryTake(String name, Duration lease) {
        return tryTake(name, lease, null);
    }

    /**
     * {@link #tryTake(String, Duration)}, recording what the job is doing ("2026-03 (4/20)"), which an operator
     * reads from any instance ({@code /actuator/jobs}).
     */
    public boolean tryTake(String name, Duration lease, String progress) {
        long now = clock.millis();
        return graph.write(() -> store.take(name, instance, now, now + lease.toMillis(), progress));
    }

    /** Every held lease in the graph: which instance runs which job, until when, and how far it got. */
    public List<JobLease> all() {
        return graph.read(store::all);
    }

    public void release(String name) {
        release(name, null);
    }

    /** Gives the lease up, recording how the run went ({@link #outcome}) for {@code /actuator/jobs}. */
    public void release(String name, String lastRun) {
        graph.write(() -> store.release(name, instance, lastRun));
    }

    /** Records how this holder's latest run of the job went ({@link #outcome}), while it keeps the lease. */
    public void recordRun(String name, String lastRun) {
        graph.write(() -> store.recordRun(name, instance, lastRun));
    }

    /**
     * Records how the latest run of a job that holds no lease went ({@link #outcome}): jobs each instance runs for
     * itself (bundle imports, push dispatch batches), shown by {@code /actuator/jobs} as idle, whichever instance ran.
     */
    public void recordFinished(String name, String lastRun) {
        graph.write(() -> store.recordFinished(name, lastRun));
    }

    /**
     * "2026-03-02T10:15:00Z, 1,234 ms, ok", "..., 12 pushes sent" (a summary instead of ok) or "..., failed:
     * IllegalStateException": how a run that started at {@code startedNanos} (nanoTime) went, stamped with this
     * instance's clock. Only the failure's class is named: messages may quote data.
     */
    public String outcome(long startedNanos, Throwable failure, String summary) {
        var at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var took = String.format("%,d ms", (System.nanoTime() - startedNanos) / 1_000_000);
        if (failure != null)
            return at + ", " + took + ", failed: " + failure.getClass().getSimpleName();
        return at + ", " + took + ", " + (summary == null ? "ok" : summary);
    }

    public Optional<String> holder(String name) {
        long now = clock.millis();
        return graph.read(() -> store.holder(name, now));
    }

    /**
     * Runs {@code work} holding the lease, waiting for it while another instance holds it; {@code renew} (called
     * by the work as it makes progress) keeps it for another {@code lease}. Released when the work ends.
     */
    public <T> T exclusively(String name, Duration lease, java.util.function.Function<Runnable, T> work) {
        while (!tryTake(name, lease)) {
            sleep();
        }
        long started = System.nanoTime();
        Throwable failure = null;
        try {
            return work.apply(() -> tryTake(name, lease));
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            release(name, outcome(started, failure, null));
        }
    }

    /** {@link #exclusively(String, Duration, java.util.function.Function)} for work that renews on its own. */
    public <T> T exclusively(String name, Duration lease, Supplier<T> work) {
        return exclusively(name, lease, renew -> work.get());
    }

    private static void sleep() {
        try {
            Thread.sleep(WAIT_STEP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a job lease", e);
        }
    }
}
