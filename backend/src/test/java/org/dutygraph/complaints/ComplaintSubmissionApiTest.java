package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Filing anonymously, following with the receipt, retries, bad input, ratings: GraphQL over HTTP. */
class ComplaintSubmissionApiTest extends ComplaintTestSupport {

    @Autowired
    MeterRegistry meters;

    private static final String FOLLOW = """
            query($r: String!) { complaintByReceipt(receipt: $r) { number status handlingUnitName answer
              messages { author body } } }""";

    @Test
    void aCitizenFilesWithoutAnAccountAndFollowsTheCaseWithTheReceipt() {
        var submitted = submit(complaint(Map.of("unitId", "cmkt")));
        assertThat(submitted.path("errors").isEmpty()).isTrue();
        var receipt = submitted.path("receipt").asString();
        assertThat(receipt).matches("[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}");
        var number = submitted.path("complaint").path("number").asString();
        assertThat(submitted.path("complaint").path("status").asString()).isEqualTo("RECEIVED");
        assertThat(submitted.path("complaint").path("handlingUnitName").asString())
                .isEqualTo("市场监督管理局");

        var typedSloppily = receipt.toLowerCase().replace("-", " ").replace('0', 'o');
        var followed = citizen().post(FOLLOW, Map.of("r", typedSloppily)).ok().path("complaintByReceipt");
        assertThat(followed.path("number").asString()).isEqualTo(number);
        var wrong = receipt.substring(0, receipt.length() - 1) + (receipt.endsWith("A") ? "B" : "A");
        assertThat(citizen()
                        .post(FOLLOW, Map.of("r", wrong))
                        .ok()
                        .path("complaintByReceipt")
                        .isNull())
                .isTrue();
        assertThat(citizen()
                        .post(FOLLOW, Map.of("r", "not a receipt"))
                        .ok()
                        .path("complaintByReceipt")
                        .isNull())
                .isTrue();
    }

    @Test
    void theHandlerAsksAndTheAnonymousCitizenAnswers() {
        var filed = file(Map.of("unitId", "cmkt"));
        var asked = as("inspector").post("""
                mutation($id: ID!) { sendComplaintMessage(input: {id: $id, body: "请问是哪一天几点去办理的？"}) {
                  message { author authorRole } errors { code } } }""", Map.of("id", filed[0])).ok().path("sendComplaintMessage");
        assertThat(asked.path("message").path("author").asString()).isEqualTo("HANDLER");
        assertThat(asked.path("message").path("authorRole").asString()).isEqualTo("HANDLER");

        var reply = citizen().post("""
                mutation($r: String!) { replyToComplaint(input: {receipt: $r, body: "11月20日上午10点左右。"}) {
                  message { author authorRole } errors { code } } }""", Map.of("r", filed[1])).ok().path("replyToComplaint");
        assertThat(reply.path("message").path("author").asString()).isEqualTo("CITIZEN");
        assertThat(reply.path("message").path("authorRole").asString()).isEqualTo("CITIZEN");

        var seenByCitizen = citizen()
                .post(FOLLOW, Map.of("r", filed[1]))
                .ok()
                .path("complaintByReceipt")
                .path("messages");
        assertThat(seenByCitizen.valueStream().map(m -> m.path("author").asString()))
                .containsExactly("HANDLER", "CITIZEN");
        var seenByHandler = as("cmkt-staff")
                .post("query($id: ID!) { complaint(id: $id) { messages { author body } } }", Map.of("id", filed[0]))
                .ok()
                .path("complaint")
                .path("messages");
        assertThat(seenByHandler.path(1).path("body").asString()).contains("11月20日");

        var unknown =
                citizen().post("""
                mutation { replyToComplaint(input: {receipt: "AAAAA-AAAAA-AAAAA-AAAAA", body: "x"}) { errors { field code } } }""").ok().path("replyToComplaint").path("errors").path(0);
        assertThat(unknown.path("code").asString()).isEqualTo("UNKNOWN_RECEIPT");
    }

    @Test
    void aRetryWithTheSameSubmissionGetsTheSameReceipt_differentContentIsRefused() throws Exception {
        var input = complaint(Map.of("unitId", "chlth"));
        var first = submit(input);
        var again = submit(input);
        assertThat(again.path("receipt").asString())
                .isEqualTo(first.path("receipt").asString());
        assertThat(again.path("complaint").path("number").asString())
                .isEqualTo(first.path("complaint").path("number").asString());

        var changed = new HashMap<>(input);
        changed.put("description", "内容已经改过了，和第一次提交的不一样。");
        var refused = submit(changed);
        assertThat(refused.path("receipt").isNull()).isTrue();
        assertThat(refused.path("errors").path(0).path("code").asString()).isEqualTo("SUBMISSION_ID_REUSED");
        assertThat(refused.path("errors").path(0).path("field").toString()).isEqualTo("[\"input\",\"submissionId\"]");
        assertThat(complaintsWithNumber(first.path("complaint").path("number").asString()))
                .isOne();
    }

    @Test
    void parallelRetriesOfAnOfflinePhoneCreateOneComplaint() throws Exception {
        var input = complaint(Map.of("unitId", "cmkt"));
        var pool = Executors.newFixedThreadPool(8);
        var calls = new ArrayList<Callable<JsonNode>>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> submit(input));
        }
        var receipts = new HashSet<String>();
        var numbers = new HashSet<String>();
        for (var result : pool.invokeAll(calls)) {
            receipts.add(result.get().path("receipt").asString());
            numbers.add(result.get().path("complaint").path("number").asString());
        }
        pool.shutdown();
        assertThat(receipts).hasSize(1);
        assertThat(numbers).hasSize(1);
        assertThat(complaintsWithNumber(numbers.iterator().next())).isOne();
    }

    @Test
    void aBurstSharesTransactions_yetEachComplaintIsJudgedOnItsOwn() throws Exception {
        long before = count("Complaint");
        var inputs = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 48; i++) {
            inputs.add(complaint(Map.of("unitId", i == 20 ? "no-such-unit" : i % 2 == 0 ? "cmkt" : "chlth")));
        }
        inputs.add(inputs.get(3)); // the phone retried while the first copy was still on its way
        var pool = Executors.newFixedThreadPool(16);
        var results = new ArrayList<JsonNode>();
        for (var result : pool.invokeAll(inputs.stream()
                .<Callable<JsonNode>>map(input -> () -> submit(input))
                .toList())) {
            results.add(result.get());
        }
        pool.shutdown();

        var refused = results.get(20);
        assertThat(refused.path("receipt").isNull()).isTrue();
        assertThat(refused.path("errors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"target\",\"unitId\"]");
        var numbers = new HashSet<String>();
        for (int i = 0; i < 48; i++) {
            if (i != 20) {
                assertThat(results.get(i).path("errors").isEmpty())
                        .as("complaint %d", i)
                        .isTrue();
                numbers.add(results.get(i).path("complaint").path("number").asString());
            }
        }
        assertThat(numbers).hasSize(47);
        assertThat(results.get(48).path("receipt").asString())
                .isEqualTo(results.get(3).path("receipt").asString());
        assertThat(count("Complaint")).isEqualTo(before + 47);
        assertThat(meters.get("dutygraph.complaints.submission.batch").summary().max())
                .as("complaints stored in one transaction")
                .isGreaterThan(1);
    }

    @Test
    void badInputIsRefusedFieldByField_andNothingIsStored() {
        long before = count("Complaint");
        var input = new HashMap<String, Object>(complaint(Map.of("unitId", "no-such-unit")));
        input.put("submissionId", "retry-1");
        input.put("description", "太短");
        input.put("contact", Map.of("phone", "call me maybe"));
        input.put("photoIds", List.of("no-such-photo"));
        var errors = submit(input).path("errors");
        assertThat(errors.valueStream()
                        .map(e -> e.path("field").toString() + " "
                                + e.path("code").asString()))
                .containsExactlyInAnyOrder(
                        "[\"input\",\"submissionId\"] INVALID_FORMAT",
                        "[\"input\",\"target\",\"unitId\"] NOT_FOUND",
                        "[\"input\",\"description\"] INVALID_LENGTH",
                        "[\"input\",\"contact\",\"phone\"] INVALID_FORMAT",
                        "[\"input\",\"photoIds\",\"0\"] NOT_FOUND");
        var noTarget = submit(complaint(Map.of())).path("errors").path(0);
        assertThat(noTarget.path("field").toString()).isEqualTo("[\"input\",\"target\"]");
        assertThat(count("Complaint")).isEqualTo(before);
    }

    @Test
    void contactDetailsAreKeptOnlyWhenTheCitizenGivesThem() {
        var anonymousCase = file(Map.of("unitId", "cmkt"));
        var identified = complaint(Map.of("unitId", "cmkt"));
        identified.put("contact", Map.of("name", "王先生", "phone", "138 0000 0000"));
        var number = submit(identified).path("complaint").path("number").asString();
        var view = as("cmkt-staff")
                .post("""
                query($f: ComplaintFilter) { complaints(filter: $f, first: 100) { edges { node { id number contact { name phone } } } } }""", Map.of("f", Map.of("unitId", "cmkt")))
                .ok()
                .path("complaints")
                .path("edges");
        for (var edge : view) {
            var node = edge.path("node");
            if (node.path("number").asString().equals(number)) {
                assertThat(node.path("contact").path("name").asString()).isEqualTo("王先生");
            }
            if (node.path("id").asString().equals(anonymousCase[0])) {
                assertThat(node.path("contact").isNull()).isTrue();
            }
        }
    }

    @Test
    void aServiceIsRatedOncePerCaseNumber_theNumberIsNotKept() {
        var rate = """
                mutation($n: String!, $u: ID!) { rateService(input: {serviceCaseNumber: $n, unitId: $u,
                  level: VERY_DISSATISFIED, indicators: [COLD, BUCK_PASSING]}) { accepted errors { field code } } }""";
        var caseNumber = "BJ2026112200" + System.nanoTime() % 100000;
        assertThat(citizen()
                        .post(rate, Map.of("n", caseNumber, "u", "cwin3"))
                        .ok()
                        .path("rateService")
                        .path("accepted")
                        .asBoolean())
                .isTrue();
        var second = citizen()
                .post(rate, Map.of("n", " " + caseNumber.toLowerCase() + " ", "u", "cwin3"))
                .ok()
                .path("rateService");
        assertThat(second.path("accepted").asBoolean()).isFalse();
        assertThat(second.path("errors").path(0).path("code").asString()).isEqualTo("ALREADY_RATED");
        var unknownUnit = citizen()
                .post(rate, Map.of("n", caseNumber + "x", "u", "nowhere"))
                .ok()
                .path("rateService");
        assertThat(unknownUnit.path("errors").path(0).path("field").toString()).isEqualTo("[\"input\",\"unitId\"]");
        try (var session = driver.session()) {
            var stored = session.run("MATCH (r:ServiceRating) RETURN collect(properties(r)) AS all")
                    .single()
                    .get("all")
                    .toString();
            assertThat(stored).doesNotContain(caseNumber);
        }
    }
}
