package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Strict input (issue 14 items 6-8) and what an appraiser reads back and corrects (item 9), over GraphQL.
 * Its own scheme ids and year (2033), so that other appraisal tests sharing the database do not meet it.
 */
class AppraisalInputApiTest extends AppraisalTestSupport {

    /** A unit scheme with a 10-point input, capped deductions and a veto by disciplinary case. */
    private static Map<String, Object> unitScheme() {
        var scheme = new HashMap<String, Object>();
        scheme.put("name", "输入检查");
        scheme.put("subject", "UNIT");
        scheme.put("period", "MONTH");
        scheme.put("indicators", List.of(Map.of("code", "ai-work", "weight", "100", "input", Map.of("max", "10"))));
        scheme.put("deductions", Map.of("codes", List.of("ai-cases"), "cap", "20"));
        scheme.put("grades", List.of(Map.of("grade", "GOOD", "min", "60"), Map.of("grade", "POOR")));
        scheme.put("overrides", List.of(Map.of("event", "DISCIPLINARY_CASE", "effect", "LOWEST")));
        return scheme;
    }

    private JsonNode attemptSave(String id, String validFrom, Object definition) {
        return as("appraiser")
                .post("""
                mutation($id: ID!, $f: String!, $d: JSON!) { saveAppraisalScheme(input: {id: $id, validFrom: $f, definition: $d}) {
                  scheme { id version } errors { field code message } } }""", Map.of("id", id, "f", validFrom, "d", definition))
                .ok()
                .path("saveAppraisalScheme");
    }

    private void ensureScheme() {
        var saved = attemptSave("ai-unit", "2033-01", unitScheme());
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();
    }

    private JsonNode attemptEntry(String period, List<List<String>> rows) {
        var list = new ArrayList<Map<String, Object>>();
        rows.forEach(s -> list.add(Map.of("subjectId", s.get(0), "code", s.get(1), "value", s.get(2))));
        return as("appraiser").post("""
                mutation($p: String!, $s: [AppraisalScoreInput!]!) { enterAppraisalScores(input: {period: $p, scores: $s}) {
                  entered errors { field code message } } }""", Map.of("p", period, "s", list)).ok().path("enterAppraisalScores");
    }

    private JsonNode inputs(String subject, String period) {
        return as("appraiser").post("""
                query($s: ID!, $p: String!) { appraisalInputs(subjectId: $s, period: $p) { subjectId period
                  scores { code value } log(first: 50) { edges { node { code value enteredBy enteredAt } } }
                  events { id kind period withdrawnAt withdrawnBy withdrawReason } } }""", Map.of("s", subject, "p", period)).ok().path("appraisalInputs");
    }

    private void recompute() {
        var job = as("appraiser")
                .post("mutation { recomputeAppraisal(input: {year: 2033, waitSeconds: 60}) { job { status } } }")
                .ok()
                .path("recomputeAppraisal")
                .path("job");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
    }

    private static List<String> problems(JsonNode payload) {
        return payload.path("errors")
                .valueStream()
                .map(e -> String.join(".", texts(e.path("field"))) + ":"
                        + e.path("code").asString())
                .toList();
    }

    @Test
    void severalRowsOfOneCodeForOneSubjectAreRefusedWithEveryRowsPath_andALaterCallCorrectsWithBothLogged() {
        ensureScheme();
        // the case: an accountability deduction entered as 8 + 9 + 6 kept only 6
        var refused = attemptEntry(
                "2033-02",
                List.of(
                        List.of("adept", "ai-cases", "8"),
                        List.of("adept", "ai-work", "9"),
                        List.of("adept", "ai-cases", "9"),
                        List.of("adept", "ai-cases", "6"),
                        List.of("awin", "ai-cases", "6")));
        assertThat(refused.path("entered").asInt()).isZero();
        assertThat(problems(refused))
                .containsExactlyInAnyOrder(
                        "input.scores.0.code:DUPLICATE_SCORE",
                        "input.scores.2.code:DUPLICATE_SCORE",
                        "input.scores.3.code:DUPLICATE_SCORE");
        assertThat(inputs("adept", "2033-02").path("scores").isEmpty())
                .as("nothing stored")
                .isTrue();

        assertThat(problems(attemptEntry("2033-02", List.of(List.of("adept", "ai-cases", "8")))))
                .isEmpty();
        assertThat(problems(attemptEntry("2033-02", List.of(List.of("adept", "ai-cases", "23")))))
                .isEmpty();
        var back = inputs("adept", "2033-02");
        assertThat(back.path("scores")
                        .valueStream()
                        .map(s -> s.path("code").asString() + "="
                                + s.path("value").asString()))
                .containsExactly("ai-cases=23");
        assertThat(back.path("log")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node"))
                        .map(n -> n.path("code").asString() + "="
                                + n.path("value").asString() + " by "
                                + n.path("enteredBy").asString()))
                .containsExactly("ai-cases=8 by appraiser", "ai-cases=23 by appraiser");
    }

    @Test
    void aValueAboveItsInputsMaximumOrBelowZeroIsRefusedWithItsRow() {
        ensureScheme();
        var refused = attemptEntry(
                "2033-02",
                List.of(
                        List.of("agov", "ai-work", "10"),
                        List.of("agov", "ai-work-x", "1"),
                        List.of("actr", "ai-work", "12"),
                        List.of("awin", "ai-work", "-1")));
        assertThat(refused.path("entered").asInt()).isZero();
        assertThat(problems(refused))
                .contains("input.scores.2.value:OUT_OF_RANGE", "input.scores.3.value:OUT_OF_RANGE")
                .doesNotContain("input.scores.0.value:OUT_OF_RANGE");
        assertThat(refused.path("errors")
                        .valueStream()
                        .map(e -> e.path("message").asString()))
                .anyMatch(m -> m.contains("0 至 10") && m.contains("ai-unit"));
        assertThat(inputs("actr", "2033-02").path("scores").isEmpty()).isTrue();
        assertThat(problems(attemptEntry(
                        "2033-02", List.of(List.of("actr", "ai-work", "10"), List.of("actr", "ai-cases", "30")))))
                .isEmpty();
    }

    @Test
    void unknownKeysDanglingReferencesAndUnknownEventKindsAreRefusedWithTheirJsonPath_andNothingIsSaved() {
        ensureScheme();
        var misspelt = new HashMap<>(unitScheme());
        misspelt.put("overides", misspelt.remove("overrides"));
        assertThat(problems(attemptSave("ai-typo", "2033-01", misspelt)))
                .containsExactly("input.definition.$.overides:INVALID_SCHEME");

        var nested = new HashMap<>(unitScheme());
        nested.put(
                "indicators",
                List.of(Map.of("code", "ai-work", "weight", "100", "input", Map.of("max", "10", "mx", "5"))));
        nested.put("grades", List.of(Map.of("grade", "GOOD", "min", "60", "lable", "好"), Map.of("grade", "POOR")));
        assertThat(problems(attemptSave("ai-typo", "2033-01", nested)))
                .containsExactlyInAnyOrder(
                        "input.definition.$.indicators[0].input.mx:INVALID_SCHEME",
                        "input.definition.$.grades[0].lable:INVALID_SCHEME");

        var person = new HashMap<String, Object>();
        person.put("name", "挂钩");
        person.put("subject", "PERSON");
        person.put("period", "YEAR");
        person.put(
                "indicators",
                List.of(
                        Map.of(
                                "code",
                                "dept",
                                "weight",
                                "50",
                                "linked",
                                Map.of("source", "OWN_UNIT", "scheme", "no-such-scheme")),
                        Map.of(
                                "code",
                                "own",
                                "weight",
                                "50",
                                "rollup",
                                Map.of("scheme", "ai-unit", "weights", "EQUAL"))));
        person.put("grades", List.of(Map.of("grade", "GOOD", "min", "60"), Map.of("grade", "POOR")));
        person.put("eligibility", List.of(Map.of("grade", "GOOD", "scheme", "ai-unit", "atLeastOnce", "BEST")));
        person.put("overrides", List.of(Map.of("event", "VIOLATON", "effect", "LOWEST")));
        person.put("bundledPenaltyEvent", "VOILATION");
        person.put("promotionBlocks", List.of(Map.of("event", "CITIZEN_WORST_RANKED")));
        assertThat(problems(attemptSave("ai-person", "2033-01", person)))
                .containsExactlyInAnyOrder(
                        "input.definition.$.indicators[0].linked.scheme:INVALID_SCHEME",
                        "input.definition.$.indicators[1].rollup.scheme:INVALID_SCHEME",
                        "input.definition.$.eligibility[0].atLeastOnce:INVALID_SCHEME",
                        "input.definition.$.overrides[0].event:INVALID_SCHEME",
                        "input.definition.$.bundledPenaltyEvent:INVALID_SCHEME");
        assertThat(as("appraiser")
                        .post("{ appraisalSchemes(first: 500) { edges { node { id } } } }")
                        .ok()
                        .path("appraisalSchemes")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("id").asString()))
                .doesNotContain("ai-typo", "ai-person");

        // a kind of the office's own is declared, then accepted
        var own = new HashMap<>(unitScheme());
        own.put("events", List.of("LATE_REPORT"));
        own.put("overrides", List.of(Map.of("event", "LATE_REPORT", "effect", "LOWEST")));
        assertThat(problems(attemptSave("ai-own-event", "2033-01", own))).isEmpty();
    }

    @Test
    void anAppraiserReadsBackWithdrawsAnEventEndsASchemeAndFiltersResults() {
        ensureScheme();
        assertThat(problems(attemptEntry(
                        "2033-03",
                        List.of(
                                List.of("adept", "ai-work", "9"),
                                List.of("actr", "ai-work", "7"),
                                List.of("awin", "ai-work", "8"),
                                List.of("agov", "ai-work", "6")))))
                .isEmpty();
        var recorded = as("appraiser").post("""
                mutation { recordAppraisalEvent(input: {subjectId: "adept", period: "2033-03", kind: "DISCIPLINARY_CASE"}) {
                  recorded eventId errors { code } } }""").ok().path("recordAppraisalEvent");
        var eventId = recorded.path("eventId").asString();
        assertThat(eventId).isNotBlank();
        recompute();
        assertThat(result("adept", "2033-03").path("grade").asString()).isEqualTo("POOR");

        var withdrawn = as("appraiser").post("""
                mutation($id: ID!) { withdrawAppraisalEvent(input: {id: $id, reason: "记错了单位"}) { withdrawn errors { field code } } }""", Map.of("id", eventId)).ok().path("withdrawAppraisalEvent");
        assertThat(withdrawn.path("withdrawn").asBoolean())
                .as(withdrawn.toString())
                .isTrue();
        var again = as("appraiser").post("""
                mutation($id: ID!) { withdrawAppraisalEvent(input: {id: $id, reason: "again"}) { withdrawn errors { code } } }""", Map.of("id", eventId)).ok().path("withdrawAppraisalEvent");
        assertThat(again.path("errors").path(0).path("code").asString()).isEqualTo("ALREADY_WITHDRAWN");
        var event = inputs("adept", "2033-Q1").path("events").path(0);
        assertThat(event.path("id").asString()).isEqualTo(eventId);
        assertThat(event.path("withdrawReason").asString()).isEqualTo("记错了单位");
        assertThat(event.path("withdrawnBy").asString()).isEqualTo("appraiser");
        recompute();
        var march = result("adept", "2033-03");
        assertThat(march.path("grade").asString()).isEqualTo("GOOD");
        assertThat(texts(march.path("flags"))).noneMatch(f -> f.startsWith("LOWEST_GRADE"));

        // filters: one subject, one period; a unit's subtree (the centre and its windows)
        var one = results("subjectId: \"adept\", period: \"2033-03\"", "breakdown { path }");
        assertThat(one.path("edges").size()).isEqualTo(1);
        assertThat(one.path("edges")
                        .path(0)
                        .path("node")
                        .path("periods")
                        .valueStream()
                        .map(p -> p.path("period").asString()))
                .containsExactly("2033-03");
        assertThat(results("unitId: \"actr\", period: \"2033-Q1\"", "breakdown { path }")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("subjectId").asString()))
                .containsExactly("actr", "ajoint", "awin");
        // the breakdown for the period asked for only
        var year = results("subjectId: \"adept\"", "breakdown(period: \"2033-03\") { path }")
                .path("edges")
                .path(0)
                .path("node");
        for (var p : year.path("periods")) {
            assertThat(p.path("breakdown").isEmpty())
                    .as(p.toString())
                    .isEqualTo(!p.path("period").asString().equals("2033-03"));
        }
        // probe: a malformed deprecated String answered an empty breakdown, as if it named another period
        var garbage = as("appraiser").post("""
                { appraisalResults(schemeId: "ai-unit", year: 2033, subjectId: "adept") { edges { node {
                  periods { breakdown(period: "<b>2033") { path } } } } } }""");
        assertThat(garbage.errors()).as(garbage.body().toString()).isNotEmpty();
        assertThat(garbage.errors().get(0).path("extensions").path("reason").asString())
                .isEqualTo("INVALID_PERIOD");
        assertThat(garbage.errors().get(0).path("extensions").path("field").asString())
                .isEqualTo("period");
        var periodsField = as("appraiser").post("""
                { appraisalResults(schemeId: "ai-unit", year: 2033, subjectId: "adept") { edges { node {
                  periods(period: "2033-03") { period } } } } }""").ok().path("appraisalResults");
        assertThat(periodsField
                        .path("edges")
                        .path(0)
                        .path("node")
                        .path("periods")
                        .size())
                .isEqualTo(1);

        // ended from May: nothing reads its inputs from then, and it has no results from then
        var ended = as("appraiser").post("""
                mutation { endAppraisalScheme(input: {id: "ai-unit", from: "2033-05"}) { scheme { id version validFrom ended }
                  errors { field code } } }""").ok().path("endAppraisalScheme");
        assertThat(ended.path("scheme").path("ended").asBoolean())
                .as(ended.toString())
                .isTrue();
        assertThat(problems(attemptEntry("2033-05", List.of(List.of("adept", "ai-work", "9")))))
                .containsExactly("input.scores.0.code:UNKNOWN_INDICATOR");
        assertThat(problems(attemptEntry("2033-04", List.of(List.of("adept", "ai-work", "9")))))
                .isEmpty();
        recompute();
        assertThat(results("subjectId: \"adept\", period: \"2033-05\"", "period")
                        .path("edges")
                        .isEmpty())
                .isTrue();
        assertThat(results("subjectId: \"adept\", period: \"2033-04\"", "period")
                        .path("edges")
                        .size())
                .isEqualTo(1);
        // a new version from a later month starts it again
        ensureSchemeFrom("2033-07");
        assertThat(problems(attemptEntry("2033-07", List.of(List.of("adept", "ai-work", "9")))))
                .isEmpty();
        assertThat(problems(attemptEntry("2033-06", List.of(List.of("adept", "ai-work", "9")))))
                .containsExactly("input.scores.0.code:UNKNOWN_INDICATOR");
    }

    private void ensureSchemeFrom(String month) {
        var saved = attemptSave("ai-unit", month, unitScheme());
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();
    }

    private JsonNode results(String filter, String periodFields) {
        return as("appraiser")
                .post("{ appraisalResults(schemeId: \"ai-unit\", year: 2033, " + filter
                        + ") { edges { node { subjectId " + "periods { period grade flags " + periodFields
                        + " } } } } }")
                .ok()
                .path("appraisalResults");
    }

    private JsonNode result(String subject, String period) {
        return results("subjectId: \"" + subject + "\"", "period")
                .path("edges")
                .path(0)
                .path("node")
                .path("periods")
                .valueStream()
                .filter(p -> p.path("period").asString().equals(period))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }
}
