package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
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

    @Test
    void takenCaseNumbersAreDrawnAgain_andEachComplaintOfTheBatchIsJudgedAlone() {
        var taken = submit(complaint(Map.of("unitId", "cmkt"))).path("complaint").path("number").asString();
        var fresh = "TS" + taken.substring(2, 9) + "ZZZZZZ";
        var key = UUID.randomUUID().toString();
        var batch = List.of(
                pending("cmkt", taken, key + "1"),      // the number of a stored complaint
                pending("chlth", fresh, key + "2"),     // a free number...
                pending("cmkt", fresh, key + "3"),      // ...drawn twice in one batch
                pending("no-such-unit", "TS-X", key + "4"),
                pending("cmkt", "TS-Y", key + "2"));    // the same submission as the second, sent twice
        List<Outcome> outcomes;
        try (var session = driver.session()) {
            outcomes = session.executeWrite(tx -> batches.write(tx, batch));
        }

        var numbers = new ArrayList<String>();
        for (int i : new int[]{0, 1, 2}) {
            assertThat(outcomes.get(i)).isInstanceOf(Created.class);
            numbers.add(((Created) outcomes.get(i)).number());
        }
        assertThat(numbers).doesNotHaveDuplicates().doesNotContain(taken).allMatch(n -> n.matches("TS\\d{6}-[0-9A-Z]{6}"));
        assertThat(((Created) outcomes.get(0)).unitName()).isNotBlank();
        assertThat(outcomes.get(3)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.errors().get(0).field()).containsExactly("input", "target", "unitId"));
        assertThat(outcomes.get(4)).isInstanceOf(AlreadySubmitted.class);
        for (var number : numbers) {
            assertThat(complaintsWithNumber(number)).isOne();
        }
    }

    private static PendingSubmission pending(String unitId, String number, String submissionKey) {
        var submission = new CitizenComplaints.Submission(UUID.randomUUID().toString(),
                new ComplaintTarget(unitId, null, null, null, null, null, null), "OTHER", "测试批量写入的投诉内容。", null, null, null,
                List.of(), null, null);
        var c = new HashMap<String, Object>();
        c.put("id", UUID.randomUUID().toString());
        c.put("number", number);
        c.put("submissionKey", submissionKey);
        c.put("status", "RECEIVED");
        c.put("receivedAt", System.currentTimeMillis());
        return new PendingSubmission(submission, submissionKey, c);
    }
}
