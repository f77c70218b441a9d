package org.dutygraph.platform.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Executors for background jobs that must run one at a time. */
public final class JobThreads {

    private JobThreads() {}

    /** One daemon thread with this name: jobs run in submission order and never block shutdown. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            var thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
