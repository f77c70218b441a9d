package org.dutygraph.conflicts;

import java.time.OffsetDateTime;
import org.dutygraph.platform.i18n.Text;

/** A snapshot of one conflict analysis run; why it failed is in the reader's language. */
public record AnalysisJob(
        String id,
        Status status,
        String phase,
        int step,
        int steps,
        Integer findings,
        Long durationMillis,
        OffsetDateTime submittedAt,
        OffsetDateTime finishedAt,
        Text failure) {

    public enum Status {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED
    }

    public boolean finished() {
        return status == Status.SUCCEEDED || status == Status.FAILED;
    }

    static AnalysisJob queued(String id, OffsetDateTime now) {
        return new AnalysisJob(id, Status.QUEUED, "queued", 0, 8, null, null, now, null, null);
    }

    AnalysisJob at(String phase, int step) {
        return new AnalysisJob(
                id, Status.RUNNING, phase, step, steps, findings, durationMillis, submittedAt, null, null);
    }

    AnalysisJob succeeded(int findings, long millis, OffsetDateTime now) {
        return new AnalysisJob(id, Status.SUCCEEDED, "done", steps, steps, findings, millis, submittedAt, now, null);
    }

    AnalysisJob failed(Text why, OffsetDateTime now) {
        return new AnalysisJob(id, Status.FAILED, phase, step, steps, findings, durationMillis, submittedAt, now, why);
    }
}
