package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.complaints.PendingSubmission.AlreadySubmitted;
import org.dutygraph.complaints.PendingSubmission.Created;
import org.dutygraph.complaints.PendingSubmission.Outcome;
import org.dutygraph.complaints.PendingSubmission.Rejected;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One transaction of the writer, against the real graph: what the HTTP tests cannot arrange on purpose, such as two
 * complaints of one batch drawing the same case number, or one drawing a number already taken.
 */
class SubmissionBatchTest extends ComplaintTestSupport {

    @Autowired
    SubmissionBatch batches;

    @Autowired
    SubmissionStore store;

    @Test
    void takenCaseNumbersAreDrawnAgain_andEachComplaintOfTheBatchIsJudgedAlone() {
        var taken = submit(complaint(Map.of("unitId", "cmkt")))
                .path("complaint")
                .path("number")
                .asString();
        var fresh = "TS" + taken.substring(2, 9) + "ZZZZZZ";
        var key = UUID.randomUUID().toString();
        var batch = List.of(
                pending("cmkt", taken, key + "1"), // the number of a stored complaint
                pending("chlth", fresh, key + "2"), // a free number...
                pending("cmkt", fresh, key + "3"), // ...drawn twice in one batch
                pending("no-such-unit", "TS-X", key + "4"),
                pending("cmkt", "TS-Y", key + "2")); // the same submission as the second, sent twice
        List<Outcome> outcomes = store.write(graph -> batches.write(graph, batch));

        var numbers = new ArrayList<String>();
        for (int i : new int[] {0, 1, 2}) {
            assertThat(outcomes.get(i)).isInstanceOf(Created.class);
            numbers.add(((Created) outcomes.get(i)).number());
        }
        assertThat(numbers)
                .doesNotHaveDuplicates()
                .doesNotContain(taken)
                .allMatch(n -> n.matches("TS\\d{6}-[0-9A-Z]{6}"));
        assertThat(((Created) outcomes.get(0)).unitName()).isNotBlank();
        assertThat(outcomes.get(3))
                .isInstanceOfSatisfying(
                        Rejected.class,
                        r -> assertThat(r.errors().get(0).field()).containsExactly("input", "target", "unitId"));
        assertThat(outcomes.get(4)).isInstanceOf(AlreadySubmitted.class);
        for (var number : numbers) {
            assertThat(complaintsWithNumber(number)).isOne();
        }
    }

    private PendingSubmission pending(String unitId, String number, String submissionKey) {
        var target = new ComplaintTarget(unitId, null, null, null, null, null, null);
        var submission = new CitizenComplaints.Submission(
                UUID.randomUUID().toString(), target, "OTHER", "测试批量写入的投诉内容。", null, null, null, List.of(), null, null);
        var complaint = new NewComplaint(
                UUID.randomUUID().toString(),
                number,
                null,
                new NewComplaint.Keys(null, submissionKey, null, null),
                "OTHER",
                "测试批量写入的投诉内容。",
                null,
                null,
                null,
                target,
                null,
                null,
                List.of(),
                clock.instant(),
                null,
                null);
        return new PendingSubmission(submission, complaint);
    }
}
