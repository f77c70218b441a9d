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
 * <p>
 * With several instances on one graph, a job runs in one of them: a run first takes or renews the job's
 * {@link JobLeases lease} for three intervals (at least a minute), and an instance that finds it held by another
 * skips the run. A stopping instance gives its leases up; a dead one's lapse. Jobs that every instance must run for
 * itself (a heartbeat of its own work) override {@link #oncePerService()}. Each run records on the lease when it
 * finished, how long it took and whether it failed, for {@code /actuator/jobs}.
 */
public abstract class PeriodicJob implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private final String description;
    private ScheduledExecutorService timer;
    private JobLeases leases;
    /** Whether the last run here took the lease: only then is there one to give up. */
    private volatile boolean holdsLease;

    /** @param description what a run does, for the log line when it fails (e.g. "Complaint escalation") */
    protected PeriodicJob(String threadName, String description) {
        this.threadName = threadName;
        this.description = description;
    }

    protected abstract Duration interval();

    protected abstract void runOnce();

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void useLeases(JobLeases leases) {
        this.leases = leases;
    }

    /** True (the default) when one run per interval serves all instances; false when each instance must run it. */
    protected boolean oncePerService() {
        return true;
    }

    /** The lease's name: the job's thread name. */
    public final String leaseName() {
        return "periodic:" + threadName;
    }

    /** How long a run's lease lasts: three intervals, at least a minute. */
    protected Duration lease() {
        var three = interval().multipliedBy(3);
        return three.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : three;
    }

    /**
     * One scheduled run: runs when this instance holds (or takes) the job's lease, else skips; true when it ran.
     */
    public boolean runIfLeaseHeld() {
        boolean leased = leases != null && oncePerService();
        if (leased) {
            holdsLease = leases.tryTake(leaseName(), lease());
            if (!holdsLease) {
                return false;
            }
        }
        long started = System.nanoTime();
        try {
            runOnce();
        } catch (RuntimeException e) {
            if (leased) recordRun(started, e);
            throw e;
        }
        if (leased) recordRun(started, null);
        return true;
    }

    /** Shows operators of every instance when the job last ran and how it went ({@code /actuator/jobs}). */
    private void recordRun(long started, RuntimeException failure) {
        try {
            leases.recordRun(leaseName(), leases.outcome(started, failure, null));
        } catch (RuntimeException e) {
            log.debug("Could not record the run of {}", description, e);
        }
    }

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
                        runIfLeaseHeld();
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
            releaseLease();
        }
    }

    private void releaseLease() {
        if (leases == null || !oncePerService() || !holdsLease) {
            return;
        }
        try {
            holdsLease = false;
            leases.release(leaseName());
        } catch (RuntimeException e) {
            log.info("Could not give up the lease of {}; it lapses on its own", description, e);
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
