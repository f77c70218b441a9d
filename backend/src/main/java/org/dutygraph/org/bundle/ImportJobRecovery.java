package org.dutygraph.org.bundle;

import java.time.Duration;
import org.dutygraph.platform.jobs.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps import job records truthful across crashes and instances. At start-up, jobs this instance left
 * running in an earlier life become INTERRUPTED. Then, every heartbeat interval, this process's running jobs
 * are refreshed and any instance's running jobs silent for longer than {@code stale-after} become
 * INTERRUPTED. Should a live but stalled process be taken for dead, its next record puts the truth back.
 */
@Component
public class ImportJobRecovery extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(ImportJobRecovery.class);

    private final ImportJobStore jobs;
    private final BundleImportService imports;
    private final ImportProperties properties;

    ImportJobRecovery(ImportJobStore jobs, BundleImportService imports, ImportProperties properties) {
        super("import-job-heartbeat", "Import job heartbeat");
        this.jobs = jobs;
        this.imports = imports;
        this.properties = properties;
    }

    @Override
    public void start() {
        try {
            recoverAtStartUp();
        } catch (RuntimeException e) {
            log.warn("Could not look for interrupted import jobs; will retry", e);
        }
        super.start();
    }

    /** Marks jobs left running by this instance's previous life, and stale ones of any instance. */
    public int recoverAtStartUp() {
        return report(jobs.interruptAbandoned(true, properties.staleAfter()));
    }

    /** One round: refresh this process's jobs, interrupt stale ones, delete old finished ones. */
    public void sweep() {
        imports.heartbeat();
        report(jobs.interruptAbandoned(false, properties.staleAfter()));
        jobs.prune(properties.keepFinished());
    }

    @Override
    protected Duration interval() {
        return properties.heartbeat();
    }

    @Override
    protected void runOnce() {
        sweep();
    }

    /** Each instance refreshes its own jobs' heartbeats. */
    @Override
    protected boolean oncePerService() {
        return false;
    }

    private static int report(int interrupted) {
        if (interrupted > 0) {
            log.warn("{} import job(s) were left running by a process that stopped; marked INTERRUPTED", interrupted);
        }
        return interrupted;
    }
}
