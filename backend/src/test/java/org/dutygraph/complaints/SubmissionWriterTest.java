package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.dutygraph.platform.graphql.UnavailableException;
import org.junit.jupiter.api.Test;

/** What the writer answers when it cannot take a submission: nothing is queued, and the app may send it again. */
class SubmissionWriterTest {

    @Test
    void aWriterThatIsNotRunningRefusesWithRetryAfter_andKeepsNothing() {
        var writer =
                new SubmissionWriter(null, null, new SubmissionRehearsals(), settings(), new SimpleMeterRegistry());
        var target = new ComplaintTarget("u", null, null, null, null, null, null);
        var pending = new PendingSubmission(
                new CitizenComplaints.Submission(
                        "id", target, "OTHER", "description", null, null, null, List.of(), null, null),
                new NewComplaint(
                        "c",
                        "TS000000-AAAAAA",
                        "k",
                        new NewComplaint.Keys(null, "key", null, null),
                        "OTHER",
                        "description",
                        null,
                        null,
                        null,
                        target,
                        null,
                        null,
                        List.of(),
                        Instant.EPOCH,
                        null,
                        null));

        assertThatThrownBy(() -> writer.store(pending))
                .isInstanceOfSatisfying(
                        UnavailableException.class,
                        e -> assertThat(e.retryAfter()).isPositive());
        assertThat(pending.stored()).isNotDone();
    }

    private static ComplaintSettings settings() {
        return new ComplaintSettings(
                null,
                "unused",
                9,
                LocalTime.of(18, 0),
                Map.of(),
                Duration.ofMinutes(1),
                new ComplaintSettings.Photos(1, 1, 1, 1, 1, Duration.ofSeconds(1)),
                new ComplaintSettings.Writer(1, 8, 1),
                List.of(),
                Duration.ZERO);
    }
}
