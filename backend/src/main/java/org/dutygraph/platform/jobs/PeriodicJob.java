package org.dutygraph.platform.jobs;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background job run on one daemon thread at a fixed delay while the application runs: started after
 * the database and web server, stopped before them. A failed run is logged and tried again next time.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private final String description;
    private ScheduledExecutorService timer;

    /** @param description what a run does, for the log line when it fails (e.g. "Complaint escalation") */
    protected PeriodicJob(String threadName, String description) {
        this.threadName = threadName;
        this.description = description;
    }

    protected abstract Duration interval();

    protected abstract void runOnce();

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long every = interval().toMillis();
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        runOnce();
                    } catch (RuntimeException e) {
                        log.warn("{} failed; will retry", description, e);
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
