package org.dutygraph.appraisal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dutygraph.platform.jobs.JobThreads;

/**
 * Batches of a recomputation's writes (each its own transaction) run on up to {@code threads} threads while the caller
 * makes the next one: at most {@code threads} batches are in flight, so memory stays bounded. With one thread a batch
 * runs in the caller's thread, as before. {@link #close} waits for every batch submitted: none is still writing once the
 * caller has returned (and given up the recomputation's lease).
 */
final class ParallelBatches implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final List<Future<?>> submitted = new ArrayList<>();

    ParallelBatches(String name, int threads) {
        if (threads <= 1) {
            pool = null;
            inFlight = null;
            return;
        }
        pool = JobThreads.fixed(name + "-" + POOLS.incrementAndGet(), threads);
        inFlight = new Semaphore(threads);
    }

    /** Runs the batch, on another thread once one is free; throws the failure of a batch submitted earlier, if any. */
    void submit(Runnable batch) {
        if (pool == null) {
            batch.run();
            return;
        }
        failFast();
        inFlight.acquireUninterruptibly();
        try {
            submitted.add(pool.submit(() -> {
                try {
                    batch.run();
                } finally {
                    inFlight.release();
                }
            }));
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** Waits for every batch submitted; throws the first failure. */
    void await() {
        for (var f : submitted) {
            result(f);
        }
    }

    private void failFast() {
        for (var f : submitted) {
            if (f.isDone()) {
                result(f);
            }
        }
    }

    private static void result(Future<?> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
