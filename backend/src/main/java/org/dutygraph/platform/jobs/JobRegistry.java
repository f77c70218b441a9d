package org.dutygraph.platform.jobs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The recent jobs of one kind, kept in memory for polling, with waiting for a job to finish.
 * Keeps the newest {@code kept} jobs.
 */
public final class JobRegistry<J> {

    private final Map<String, J> jobs;
    private final Predicate<J> finished;

    public JobRegistry(int kept, Predicate<J> finished) {
        this.finished = finished;
        this.jobs = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, J> eldest) {
                return size() > kept;
            }
        };
    }

    public synchronized void put(String id, J job) {
        jobs.put(id, job);
        notifyAll();
    }

    public synchronized void update(String id, UnaryOperator<J> change) {
        jobs.computeIfPresent(id, (k, job) -> change.apply(job));
        notifyAll();
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
