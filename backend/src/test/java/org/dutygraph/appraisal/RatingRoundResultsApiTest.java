package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.rounds.RatingRoundCloser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Closing a round: group averages (or the weighted combination) become the indicator's inputs for the period, logged with
 * the round as source and the ballot counts, and the recomputed appraisal reads them; groups under the minimum size
 * (5 by default) have no score; the audit counts without naming voters.
 */
class RatingRoundResultsApiTest extends RatingRoundTestSupport {

    private static final List<String> LEADERS = List.of("R-HEAD", "R-DEP1");
    private static final List<String> CITY_LEADERS = List.of("R-MAYOR", "R-VM", "R-O1", "R-O2", "R-O3");

    @Autowired
    RatingRoundCloser closer;

    /** One rating per subject: subject -> choices per question. */
    private static List<Map<String, Object>> rate(Map<String, int[]> bySubject) {
        var list = new ArrayList<Map<String, Object>>();
        bySubject.forEach((subject, choices) -> list.addAll(ratings(List.of(subject), choices)));
        return list;
    }

    private static Map<String, int[]> both(int[] head, int[] deputy) {
        var map = new LinkedHashMap<String, int[]>();
        map.put("R-HEAD", head);
        map.put("R-DEP1", deputy);
        return map;
    }

    @Test
    void groupAveragesBecomeTheRatingsIndicatorsInputsWithTheirBallotCounts_andTheAppraisalReadsThem() {
        var id = openOk(leadersRound("2034-03", LEADERS));
        CITY_LEADERS.forEach(p -> submitOk(p, id, ratings(LEADERS, 0, 0)));
        // staff: four rate the head 优秀/优秀, two 称职/基本称职 (90 on average); all six rate the deputy 称职 (80)
        for (var p : List.of("R-S1", "R-S2", "R-S3", "R-S4")) {
            submitOk(p, id, rate(both(new int[] {0, 0}, new int[] {1, 1})));
        }
        for (var p : List.of("R-S5", "R-SH")) {
            submitOk(p, id, rate(both(new int[] {1, 2}, new int[] {1, 1})));
        }
        var open = round(id);
        assertThat(open.path("results").path("edges").isEmpty())
                .as("no score can be watched while it is open")
                .isTrue();
        assertThat(open.path("audit").path("ballotsCast").asInt()).isEqualTo(11);

        var closed = close(id);
        assertThat(closed.path("errors").isEmpty()).as(closed.toString()).isTrue();
        assertThat(closed.path("entered").asInt()).isEqualTo(4);
        assertThat(closed.path("round").path("status").asString()).isEqualTo("CLOSED");

        var round = round(id);
        var head = result(round, "R-HEAD");
        assertThat(head.path("status").asString()).isEqualTo("SCORED");
        assertThat(group(head, "leaders").path("score").asString()).isEqualTo("100");
        assertThat(group(head, "leaders").path("ballots").asInt()).isEqualTo(5);
        assertThat(group(head, "staff").path("score").asString()).isEqualTo("90");
        assertThat(group(head, "staff").path("ballots").asInt()).isEqualTo(6);
        assertThat(group(head, "staff").path("eligible").asInt()).isEqualTo(10);
        assertThat(group(result(round, "R-DEP1"), "staff").path("score").asString())
                .isEqualTo("80");

        var audit = round.path("audit");
        assertThat(audit.path("eligibleRaters").asInt()).isEqualTo(16);
        assertThat(audit.path("ballotsCast").asInt()).isEqualTo(11);
        assertThat(audit.path("turnout").asString()).isEqualTo("68.75");
        assertThat(audit.path("groups")
                        .valueStream()
                        .map(g -> g.path("group").asString() + ":"
                                + g.path("eligibleRaters").asInt() + ":"
                                + g.path("ballots").asInt())
                        .toList())
                .containsExactly("leaders:5:10", "staff:11:12");
        assertThat(audit.path("openedBy").asString()).isEqualTo("appraiser");
        assertThat(audit.path("closedBy").asString()).isEqualTo("appraiser");
        assertThat(audit.path("closedAutomatically").asBoolean()).isFalse();
        assertThat(audit.path("events")
                        .valueStream()
                        .map(e -> e.path("action").asString() + " by "
                                + e.path("by").asString())
                        .toList())
                .containsExactly("OPENED by appraiser", "CLOSED by appraiser");

        var log = as("appraiser").post("""
                { appraisalInputs(subjectId: "R-HEAD", period: "2034-03") { scores { code value }
                  log(first: 10) { edges { node { code value enteredBy source ballots { group ballots } } } } } }""").ok().path("appraisalInputs");
        assertThat(log.path("scores")
                        .valueStream()
                        .map(s -> s.path("code").asString() + "="
                                + s.path("value").asString())
                        .toList())
                .containsExactly("democratic.leaders=100", "democratic.staff=90");
        var entries = log.path("log")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .toList();
        assertThat(entries).hasSize(2).allSatisfy(e -> {
            assertThat(e.path("source").asString()).isEqualTo("rating-round:" + id);
            assertThat(e.path("enteredBy").asString()).isEqualTo("appraiser");
        });
        assertThat(entries.stream()
                        .map(e -> e.path("code").asString() + ":"
                                + e.path("ballots").path(0).path("group").asString() + "="
                                + e.path("ballots").path(0).path("ballots").asInt())
                        .toList())
                .containsExactlyInAnyOrder("democratic.leaders:leaders=5", "democratic.staff:staff=6");

        // work 80 entered by hand: 50 % of 80 + 50 % of (40 % of 100 + 60 % of the staff's average)
        enter("2034-03", List.of(List.of("R-HEAD", "rr-work", "80"), List.of("R-DEP1", "rr-work", "80")));
        recompute();
        var results = results("2034-03");
        assertThat(results.get("R-HEAD").path("score").asString()).isEqualTo("87");
        assertThat(results.get("R-HEAD").path("grade").asString()).isEqualTo("COMPETENT");
        assertThat(results.get("R-DEP1").path("score").asString()).isEqualTo("84");
        assertThat(results.get("R-HEAD").path("flags").isEmpty()).isTrue();

        assertThat(problems(close(id))).containsExactly("input.id:ALREADY_CLOSED");
        assertThat(problems(close("no-such-round"))).containsExactly("input.id:NOT_FOUND");
    }

    @Test
    void aGroupWithFewerBallotsThanTheMinimumHasNoScore_andTheSchemeFlagsItMissing() {
        var id = openOk(leadersRound("2034-09", LEADERS));
        assertThat(round(id).path("minGroupSize").asInt()).as("the default").isEqualTo(5);
        CITY_LEADERS.subList(0, 4).forEach(p -> submitOk(p, id, ratings(LEADERS, 0, 0)));
        for (var p : List.of("R-S1", "R-S2", "R-S3", "R-S4", "R-S5")) {
            submitOk(p, id, ratings(LEADERS, 1, 1));
        }
        assertThat(close(id).path("entered").asInt())
                .as("the staff's averages only")
                .isEqualTo(2);
        var head = result(round(id), "R-HEAD");
        assertThat(head.path("status").asString()).isEqualTo("SCORED");
        var leaders = group(head, "leaders");
        assertThat(leaders.path("status").asString()).isEqualTo("NOT_ENOUGH_RATERS");
        assertThat(leaders.path("ballots").asInt()).isEqualTo(4);
        assertThat(leaders.path("score").isNull()).isTrue();
        assertThat(group(head, "staff").path("score").asString()).isEqualTo("80");

        enter("2034-09", List.of(List.of("R-HEAD", "rr-work", "80")));
        recompute();
        var result = results("2034-09").get("R-HEAD");
        assertThat(result.path("score").asString())
                .as("50 % of 80 + 50 % of 60 % of 80")
                .isEqualTo("64");
        assertThat(result.path("flags").valueStream().map(JsonNode::asString).toList())
                .contains("MISSING:democratic.leaders");
    }

    @Test
    void
            anInputIndicatorGetsTheWeightedCombinationOnItsScale_onlyWhenEveryGroupHasEnoughBallots_andTheRoundClosesByItself() {
        var input = new HashMap<>(leadersRound("2034-10", List.of()));
        input.put("schemeId", "rr-unit");
        input.put("indicatorCode", "rr-service");
        input.put("subjects", Map.of("ids", List.of("rdept", "rother")));
        input.put(
                "groups",
                List.of(
                        Map.of("name", "staff", "relation", "UNIT_STAFF", "weight", "60"),
                        Map.of(
                                "name",
                                "oversight",
                                "relation",
                                "STAFF_OF_UNITS",
                                "unitIds",
                                List.of("rover", "rother"),
                                "weight",
                                "40")));
        input.put("questions", List.of("服务态度"));
        var id = openOk(input);

        for (var p : List.of("R-S1", "R-S2", "R-S3", "R-S4", "R-S5")) {
            submitOk(p, id, ratings(List.of("rdept"), 0));
        }
        // the finance staff rate their own department as staff (3: too few) and the other as oversight
        for (var p : List.of("R-O1", "R-O2")) {
            submitOk(p, id, rate(Map.of("rdept", new int[] {1}, "rother", new int[] {0})));
        }
        submitOk("R-O3", id, rate(Map.of("rdept", new int[] {2}, "rother", new int[] {0})));
        for (var p : List.of("R-V1", "R-V2")) {
            submitOk(p, id, ratings(List.of("rdept", "rother"), 1));
        }
        clock.advance(Duration.ofMinutes(11));
        assertThat(round(id).path("status").asString()).isEqualTo("ENDED");
        assertThat(closer.closeDue()).isPositive();

        var round = round(id);
        assertThat(round.path("status").asString()).isEqualTo("CLOSED");
        assertThat(round.path("audit").path("closedBy").asString()).isEqualTo("system");
        assertThat(round.path("audit").path("closedAutomatically").asBoolean()).isTrue();
        var dept = result(round, "rdept");
        // staff 100, oversight (4 x 80 + 60) / 5 = 76: 60 % + 40 % = 90.4 out of 100, 9.04 out of 10
        assertThat(dept.path("status").asString()).isEqualTo("SCORED");
        assertThat(dept.path("score").asString()).isEqualTo("90.4");
        assertThat(group(dept, "oversight").path("score").asString()).isEqualTo("76");
        var finance = result(round, "rother");
        assertThat(finance.path("status").asString()).isEqualTo("NOT_ENOUGH_RATERS");
        assertThat(finance.path("score").isNull()).isTrue();
        assertThat(group(finance, "staff").path("ballots").asInt()).isEqualTo(3);

        var entered = as("appraiser").post("""
                { appraisalInputs(subjectId: "rdept", period: "2034-10") { scores { code value }
                  log(first: 5) { edges { node { enteredBy source ballots { group ballots } } } } } }""").ok().path("appraisalInputs");
        assertThat(entered.path("scores").path(0).path("code").asString()).isEqualTo("rr-service");
        assertThat(entered.path("scores").path(0).path("value").asString()).isEqualTo("9.04");
        var entry = entered.path("log").path("edges").path(0).path("node");
        assertThat(entry.path("enteredBy").asString()).isEqualTo("system");
        assertThat(entry.path("ballots")
                        .valueStream()
                        .map(b -> b.path("group").asString() + "="
                                + b.path("ballots").asInt())
                        .toList())
                .containsExactly("staff=5", "oversight=5");
        var nothing = as("appraiser").post("""
                { appraisalInputs(subjectId: "rother", period: "2034-10") { scores { code } } }""").ok().path("appraisalInputs");
        assertThat(nothing.path("scores").isEmpty())
                .as("a subject short of raters gets no input")
                .isTrue();
    }

    @Test
    void aCloseTheSchemeNoLongerTakesChangesNothing_andTheAuditSaysWhy() {
        var input = new HashMap<>(leadersRound("2034-11", List.of()));
        input.put("schemeId", "rr-unit");
        input.put("indicatorCode", "rr-service");
        input.put("subjects", Map.of("ids", List.of("rdept")));
        input.put("groups", List.of(Map.of("name", "staff", "relation", "UNIT_STAFF", "weight", "100")));
        input.put("questions", List.of("服务态度"));
        var id = openOk(input);
        for (var p : List.of("R-S1", "R-S2", "R-S3", "R-S4", "R-S5")) {
            submitOk(p, id, ratings(List.of("rdept"), 1));
        }
        var ended = as("appraiser")
                .post(
                        "mutation { endAppraisalScheme(input: {id: \"rr-unit\", from: \"2034-11\"}) { errors { code } } }")
                .ok()
                .path("endAppraisalScheme");
        assertThat(ended.path("errors").isEmpty()).isTrue();

        var refused = close(id);
        assertThat(problems(refused)).containsExactly("input.id:UNKNOWN_INDICATOR");
        assertThat(refused.path("errors").path(0).path("message").asString()).contains("rdept", "rr-service");
        var round = round(id);
        assertThat(round.path("status").asString()).isEqualTo("OPEN");
        assertThat(round.path("audit")
                        .path("events")
                        .valueStream()
                        .map(e -> e.path("action").asString())
                        .toList())
                .containsExactly("OPENED", "CLOSE_REFUSED");

        save("rr-unit", "2034-11", unitScheme());
        var closed = close(id);
        assertThat(closed.path("entered").asInt()).isEqualTo(1);
    }

    private void recompute() {
        var job = as("appraiser")
                .post(
                        "mutation { recomputeAppraisal(input: {year: 2034, waitSeconds: 90}) { job { status failure } } }")
                .ok()
                .path("recomputeAppraisal")
                .path("job");
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    }

    /** subject -> its result for the period under rr-leaders. */
    private Map<String, JsonNode> results(String period) {
        var map = new HashMap<String, JsonNode>();
        as("appraiser")
                .post("""
                query($p: String!) { appraisalResults(schemeId: "rr-leaders", year: 2034, period: $p) { edges { node { subjectId
                  periods(period: $p) { period score grade flags } } } } }""", Map.of("p", period))
                .ok()
                .path("appraisalResults")
                .path("edges")
                .forEach(e -> map.put(
                        e.path("node").path("subjectId").asString(),
                        e.path("node").path("periods").path(0)));
        return map;
    }
}
