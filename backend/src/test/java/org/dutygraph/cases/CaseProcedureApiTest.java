package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A case from registration to closure: the post and person of the day of the act, the chain to the principal leader,
 * the investigation's deadline in working days, a decision in or out of the situation's range, the appeal (once,
 * within its period, decided by the level above), execution and closure, each step audited.
 */
class CaseProcedureApiTest extends CaseTestSupport {

    @Test
    void aCaseNamesThePostAndThePersonOfTheDayOfTheAct_andTheChainToThePrincipalLeader() {
        var opened = open(clue(Map.of()));
        assertThat(opened.path("errors").isEmpty()).as(opened.toString()).isTrue();
        var c = opened.path("accountabilityCase");
        assertThat(c.path("status").asString()).isEqualTo("REGISTERED");
        assertThat(c.path("number").asString()).matches("AC-\\d{4}-\\d{4}");
        assertThat(c.path("post").path("id").asString()).isEqualTo("zedu-xk-1");
        assertThat(c.path("unit").path("id").asString()).isEqualTo("zedu-xk");
        // ZB002 holds the post today; the act was ZB001's
        assertThat(c.path("person").path("id").asString()).isEqualTo("ZB001");
        assertThat(c.path("chain")
                        .valueStream()
                        .map(l -> l.path("role").asString() + ":"
                                + l.path("postId").asString() + ":"
                                + l.path("personId").asString(null)))
                .containsExactly(
                        "POST_HOLDER:zedu-xk-1:ZB001",
                        "SECTION_HEAD:zedu-xk-head:ZB003",
                        "IN_CHARGE_SUPERVISOR:zedu-deputy:ZB004",
                        "PRINCIPAL_LEADER:zedu-head:ZB005");
        assertThat(c.path("source").path("kind").asString()).isEqualTo("CLUE");
        assertThat(c.path("source").path("channel").asString()).isEqualTo("MEDIA");
        assertThat(c.path("situation").path("code").asString()).isEqualTo("window.first-inquiry");
        assertThat(c.path("openedBy").asString()).isEqualTo(OFFICE);
        assertThat(c.path("steps").path(0).path("action").asString()).isEqualTo("OPEN");
        assertThat(c.path("steps").path(0).path("by").asString()).isEqualTo(OFFICE);

        // by badge: the post that person held that day
        var input = clue(Map.of("badgeNumber", "ZB002", "actDate", "2026-08-03"));
        input.remove("postId");
        var byBadge = open(input);
        assertThat(byBadge.path("accountabilityCase").path("post").path("id").asString())
                .isEqualTo("zedu-xk-1");
        assertThat(byBadge.path("accountabilityCase").path("person").path("id").asString())
                .isEqualTo("ZB002");
    }

    @Test
    void badInputIsRefusedWithItsFieldAndNothingIsStored() {
        long before = count("AccountabilityCase");
        assertThat(firstField(open(clue(Map.of("situationCode", "no-such")))) + " "
                        + firstCode(open(clue(Map.of("situationCode", "no-such")))))
                .isEqualTo("input.situationCode UNKNOWN_SITUATION");
        assertThat(firstCode(open(clue(Map.of("channel", "TV"))))).isEqualTo("UNKNOWN_VALUE");
        assertThat(firstCode(open(clue(Map.of("postId", "no-such-post"))))).isEqualTo("UNKNOWN_POST");
        assertThat(firstCode(open(clue(Map.of("actDate", "2099-01-01"))))).isEqualTo("FUTURE_DATE");
        assertThat(firstCode(open(clue(Map.of("actDate", "2010-01-01"))))).isEqualTo("NO_CATALOGUE");
        assertThat(firstCode(open(clue(Map.of("postId", "zgov-vm")))))
                .as("a vacant post names nobody")
                .isEqualTo("NO_PERSON");
        assertThat(firstCode(open(clue(Map.of("summary", " "))))).isEqualTo("REQUIRED");
        assertThat(count("AccountabilityCase")).isEqualTo(before);
    }

    @Test
    void theProcedureFromRegistrationToClosure_withTheAppealDecidedByTheLevelAbove() {
        // Monday 2026-11-30 10:00 in Asia/Shanghai
        at(Instant.parse("2026-11-30T02:00:00Z"));
        var id = opened();

        var investigating = step(id, "START_INVESTIGATION", Map.of("workingDays", 5));
        assertThat(investigating.path("status").asString()).isEqualTo("INVESTIGATING");
        // five working days after Monday: the next Monday, at the end of the working day
        assertThat(investigating.path("investigationDueAt").asString()).startsWith("2026-12-07T");
        assertThat(investigating.path("investigationOverdue").asBoolean()).isFalse();

        var stated = statement("case-zb001", id, "当天系统故障，并非推诿");
        assertThat(stated.path("errors").isEmpty()).as(stated.toString()).isTrue();

        clock.advance(Duration.ofDays(8));
        assertThat(caseAs(OFFICE, id).path("investigationOverdue").asBoolean())
                .as("past the deadline")
                .isTrue();

        // REMOVAL lies outside window.first-inquiry's range (reminder talk .. circulated criticism)
        var outOfRange = advance(OFFICE, id, "DECIDE", Map.of("measure", "REMOVAL", "reason", "多次推诿"));
        assertThat(firstCode(outOfRange)).isEqualTo("OUT_OF_RANGE_REASON_REQUIRED");
        assertThat(firstField(outOfRange)).isEqualTo("input.outOfRangeReason");
        assertThat(caseAs(OFFICE, id).path("status").asString())
                .as("nothing half-written")
                .isEqualTo("INVESTIGATING");
        var decided =
                step(id, "DECIDE", Map.of("measure", "REMOVAL", "reason", "多次推诿", "outOfRangeReason", "一年内第三次，情节严重"));
        assertThat(decided.path("decision").path("inRange").asBoolean()).isFalse();
        assertThat(decided.path("decision").path("outOfRangeReason").asString()).isEqualTo("一年内第三次，情节严重");

        assertThat(firstCode(appeal("case-zb001", id, "过重")))
                .as("not yet notified")
                .isEqualTo("WRONG_STATUS");
        var notified = step(id, "NOTIFY", Map.of());
        assertThat(notified.path("appealDueAt").isNull()).isFalse();
        assertThat(firstCode(advance(OFFICE, id, "EXECUTE", Map.of())))
                .as("the appeal period runs")
                .isEqualTo("APPEAL_PERIOD_OPEN");

        var appealed = appeal("case-zb001", id, "处理过重，请求改为诫勉谈话");
        assertThat(appealed.path("accountabilityCase").path("status").asString())
                .isEqualTo("APPEALED");
        assertThat(firstCode(appeal("case-zb001", id, "再次申诉"))).as("once only").isEqualTo("ALREADY_APPEALED");

        assertThat(firstCode(advance(OFFICE, id, "DECIDE_APPEAL", Map.of("outcome", "UPHELD", "reason", "x"))))
                .as("the office does not decide its own appeal")
                .isEqualTo("NOT_APPEAL_BOARD");
        assertThat(firstCode(advance(APPEALS, id, "EXECUTE", Map.of()))).isEqualTo("APPEAL_BOARD_ONLY_APPEALS");
        var changed = advance(
                APPEALS,
                id,
                "DECIDE_APPEAL",
                Map.of("outcome", "CHANGED", "measure", "ADMONISHMENT_TALK", "reason", "首次被曝光，有悔改表现"));
        assertThat(changed.path("errors").isEmpty()).as(changed.toString()).isTrue();
        assertThat(changed.path("accountabilityCase")
                        .path("appeal")
                        .path("measure")
                        .asString())
                .isEqualTo("ADMONISHMENT_TALK");

        step(id, "EXECUTE", Map.of("note", "已进行诫勉谈话"));
        var closed = step(id, "CLOSE", Map.of());
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("steps")
                        .valueStream()
                        .map(s ->
                                s.path("action").asString() + " " + s.path("by").asString()))
                .containsExactly(
                        "OPEN " + OFFICE,
                        "START_INVESTIGATION " + OFFICE,
                        "STATEMENT case-zb001",
                        "DECIDE " + OFFICE,
                        "NOTIFY " + OFFICE,
                        "APPEAL case-zb001",
                        "DECIDE_APPEAL " + APPEALS,
                        "EXECUTE " + OFFICE,
                        "CLOSE " + OFFICE);
        assertThat(closed.path("statements").path(0).path("text").asString()).isEqualTo("当天系统故障，并非推诿");
        assertThat(firstCode(advance(OFFICE, id, "CLOSE", Map.of()))).isEqualTo("WRONG_STATUS");
    }

    @Test
    void anAppealAfterItsPeriodIsRefused_andExecutionWaitsForThePeriodToEnd() {
        at(Instant.parse("2026-11-30T02:00:00Z"));
        var id = opened();
        step(id, "START_INVESTIGATION", Map.of());
        step(id, "DECIDE", Map.of("measure", "REMINDER_TALK", "reason", "首问不答"));
        var notified = step(id, "NOTIFY", Map.of());
        assertThat(notified.path("decision").path("inRange").asBoolean()).isTrue();
        // ten working days (dutygraph.cases.appeal-working-days) after Monday 2026-11-30: Monday 2026-12-14
        assertThat(notified.path("appealDueAt").asString()).startsWith("2026-12-14T");

        clock.advance(Duration.ofDays(20));
        assertThat(firstCode(appeal("case-zb001", id, "过重"))).isEqualTo("APPEAL_PERIOD_OVER");
        assertThat(step(id, "EXECUTE", Map.of()).path("status").asString()).isEqualTo("EXECUTED");
    }

    @Test
    void suspendFirst_andDismissal_areRecordedSteps() {
        var id = open(clue(Map.of("situationCode", "duties.disorderly")))
                .path("accountabilityCase")
                .path("id")
                .asString();
        assertThat(caseAs(OFFICE, id).path("situation").path("suspendFirst").asBoolean())
                .isTrue();
        assertThat(step(id, "SUSPEND", Map.of()).path("suspendedAt").isNull()).isFalse();
        assertThat(firstCode(advance(OFFICE, id, "SUSPEND", Map.of()))).isEqualTo("ALREADY_SUSPENDED");
        assertThat(firstCode(advance(OFFICE, id, "DISMISS", Map.of()))).isEqualTo("REQUIRED");
        var dismissed = step(id, "DISMISS", Map.of("reason", "经查不属实"));
        assertThat(dismissed.path("status").asString()).isEqualTo("DISMISSED");
        assertThat(firstCode(advance(OFFICE, id, "START_INVESTIGATION", Map.of())))
                .isEqualTo("WRONG_STATUS");
        assertThat(firstCode(advance(OFFICE, id, "FLY", Map.of()))).isEqualTo("UNKNOWN_VALUE");
    }

    JsonNode statement(String username, String id, String text) {
        return as(username)
                .post("""
                mutation($input: SubmitCaseStatementInput!) { submitCaseStatement(input: $input) {
                  accountabilityCase { id status statements { text } } errors { field code message } } }""", Map.of("input", Map.of("caseId", id, "text", text)))
                .ok()
                .path("submitCaseStatement");
    }

    JsonNode appeal(String username, String id, String grounds) {
        return as(username)
                .post("""
                mutation($input: AppealAccountabilityCaseInput!) { appealAccountabilityCase(input: $input) {
                  accountabilityCase { id status appeal { grounds } } errors { field code message } } }""", Map.of("input", Map.of("caseId", id, "grounds", grounds)))
                .ok()
                .path("appealAccountabilityCase");
    }
}
