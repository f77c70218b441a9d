package org.dutygraph.appraisal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.jobs.JobRegistry;
import org.dutygraph.platform.jobs.JobThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/** Recomputations run as jobs, one at a time, with progress to poll (a large year takes the better part of a minute). */
@Service
public class AppraisalJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AppraisalJobs.class);

    /** status: QUEUED, RUNNING, SUCCEEDED or FAILED; phase: what it is doing (a period, "penalties", "write"). */
    public record Job(
            String id,
            int year,
            String status,
            String phase,
            int step,
            int steps,
            AppraisalComputation.Summary summary,
            Text failure,
            Instant submittedAt) {

        Job progress(String phase, int step) {
            return new Job(id, year, "RUNNING", phase, step, steps, null, null, submittedAt);
        }

        boolean finished() {
            return status.equals("SUCCEEDED") || status.equals("FAILED");
        }
    }

    private final AppraisalComputation computation;
    private final JobRegistry<Job> jobs = new JobRegistry<>("appraisal", 50, Job::finished);
    private final ExecutorService executor = JobThreads.single("appraisal-recompute");
    private final Clock clock;

    AppraisalJobs(AppraisalComputation computation, Clock clock) {
        this.computation = computation;
        this.clock = clock;
    }

    public Job submit(int year) {
        var id = UUID.randomUUID().toString();
        jobs.put(id, new Job(id, year, "QUEUED", "queued", 0, AppraisalComputation.STEPS, null, null, clock.instant()));
        executor.execute(() -> {
            try {
                var summary =
                        computation.recompute(year, (phase, step) -> jobs.update(id, j -> j.progress(phase, step)));
                jobs.update(
                        id,
                        j -> new Job(
                                id, year, "SUCCEEDED", "done", j.steps(), j.steps(), summary, null, j.submittedAt()));
            } catch (RuntimeException e) {
                log.error("Appraisal recomputation of {} failed", year, e);
                jobs.update(
                        id,
                        j -> new Job(
                                id,
                                year,
                                "FAILED",
                                j.phase(),
                                j.step(),
                                j.steps(),
                                null,
                                Text.of(AppraisalTexts.RECOMPUTATION_FAILED),
                                j.submittedAt()));
            }
        });
        return jobs.get(id).orElseThrow();
    }

    public Job await(String id, Duration wait) {
        return jobs.await(id, wait);
    }

    public Optional<Job> get(String id) {
        return jobs.get(id);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
