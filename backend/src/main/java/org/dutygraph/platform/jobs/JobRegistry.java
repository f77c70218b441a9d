package org.dutygraph.platform.jobs;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The recent jobs of one kind, kept in memory for polling, with waiting for a job to finish.
 * Keeps the newest {@code kept} jobs. How long each job took from {@link #put} until it finished is timed as
 * {@code dutygraph.jobs.duration} with its kind, in Micrometer's global registry (Spring Boot binds its registries
 * to it: {@code management.metrics.use-global-registry}, true by default).
 */
public final class JobRegistry<J> {

    private final Map<String, J> jobs;
    private final Map<String, Long> started = new HashMap<>();
    private final Predicate<J> finished;
    private final Timer durations;

    /** @param kind what the jobs are (import, analysis, appraisal), the tag of their durations */
    public JobRegistry(String kind, int kept, Predicate<J> finished) {
        this.finished = finished;
        this.durations = Timer.builder("dutygraph.jobs.duration")
                .description("How long import, analysis and appraisal jobs took, from queued to finished")
                .tag("kind", kind)
                .register(Metrics.globalRegistry);
        this.jobs = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, J> eldest) {
                return size() > kept;
            }
        };
    }

    public synchronized void put(String id, J job) {
        jobs.put(id, job);
        started.keySet().retainAll(jobs.keySet());
        started.put(id, System.nanoTime());
        timeIfFinished(id);
        notifyAll();
    }

    public synchronized void update(String id, UnaryOperator<J> change) {
        jobs.computeIfPresent(id, (k, job) -> change.apply(job));
        timeIfFinished(id);
        notifyAll();
    }

    private void timeIfFinished(String id) {
        var job = jobs.get(id);
        if (job != null && finished.test(job) && started.containsKey(id)) {
            durations.record(System.nanoTime() - started.remove(id), TimeUnit.NANOSECONDS);
        }
    }

    public synchronized Optional<J> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The jobs not finished yet. */
    public synchronized List<J> running() {
        return jobs.values().stream().filter(finished.negate()).toList();
    }

    /** Waits until the job finishes or {@code wait} passes; returns it as it then is. */
    public synchronized J await(String id, Duration wait) {
        var deadline = System.nanoTime() + wait.toNanos();
        while (jobs.containsKey(id) && !finished.test(jobs.get(id)) && System.nanoTime() < deadline) {
            try {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return jobs.get(id);
    }
}
