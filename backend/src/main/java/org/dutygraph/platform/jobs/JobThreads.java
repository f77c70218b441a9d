package org.dutygraph.platform.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Executors for background jobs: one at a time, or a few side by side. */
public final class JobThreads {

    private JobThreads() {}

    /** One daemon thread with this name: jobs run in submission order and never block shutdown. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> daemon(r, name));
    }

    /** {@code threads} daemon threads named {@code name-1} and on, for work split side by side. */
    public static ExecutorService fixed(String name, int threads) {
        var counter = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> daemon(r, name + "-" + counter.incrementAndGet()));
    }

    private static Thread daemon(Runnable r, String name) {
        var thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
