package org.dutygraph.org.bundle;

import java.time.OffsetDateTime;
import java.util.List;
import org.dutygraph.platform.i18n.Text;

/**
 * A snapshot of one bundle import, for polling. {@code failure} is why it failed in Chinese words (the command line
 * prints these), {@code failureText} the same for a reader in their language.
 */
public record ImportJob(
        String id,
        Status status,
        String phase,
        long written,
        long total,
        List<BundleProblem> problems,
        int problemCount,
        String submittedBy,
        OffsetDateTime submittedAt,
        OffsetDateTime finishedAt,
        String failure,
        Text failureText) {

    /** INTERRUPTED: the process running the job stopped (read back from the graph after a restart). */
    public enum Status {
        QUEUED,
        VALIDATING,
        WRITING,
        SUCCEEDED,
        REJECTED,
        FAILED,
        INTERRUPTED
    }

    public boolean finished() {
        return status == Status.SUCCEEDED
                || status == Status.REJECTED
                || status == Status.FAILED
                || status == Status.INTERRUPTED;
    }

    /** Stamped by the service when the job finishes. */
    ImportJob finishedAt(OffsetDateTime at) {
        return new ImportJob(
                id,
                status,
                phase,
                written,
                total,
                problems,
                problemCount,
                submittedBy,
                submittedAt,
                at,
                failure,
                failureText);
    }

    ImportJob with(Status status, String phase, long written, long total) {
        return new ImportJob(
                id,
                status,
                phase,
                written,
                total,
                problems,
                problemCount,
                submittedBy,
                submittedAt,
                finishedAt,
                failure,
                failureText);
    }

    ImportJob rejected(Problems found) {
        return new ImportJob(
                id,
                Status.REJECTED,
                "validation",
                0,
                total,
                found.list(),
                found.total(),
                submittedBy,
                submittedAt,
                null,
                null,
                null);
    }

    ImportJob succeeded() {
        return new ImportJob(
                id, Status.SUCCEEDED, "done", written, total, List.of(), 0, submittedBy, submittedAt, null, null, null);
    }

    ImportJob failed(Text reason, String words) {
        return new ImportJob(
                id,
                Status.FAILED,
                phase,
                written,
                total,
                problems,
                problemCount,
                submittedBy,
                submittedAt,
                null,
                words,
                reason);
    }
}
