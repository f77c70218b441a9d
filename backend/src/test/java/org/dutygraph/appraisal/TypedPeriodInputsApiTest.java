package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The period of the other appraisal inputs typed (issue 18 item 8): scores, the period sheet, the score-sheet import's
 * default period, events and the citizen-ranking draw take a typed {@code appraisalPeriod} (events: {@code month}) beside
 * the deprecated String {@code period} released app versions send in their input variables. Its own scheme, subject
 * kind UNIT, and year (2042).
 */
class TypedPeriodInputsApiTest extends AppraisalTestSupport {

    private static final Map<String, Object> SCHEME = Map.of(
            "name",
            "类型输入",
            "subject",
            "UNIT",
            "period",
            "MONTH",
            "indicators",
            List.of(Map.of("code", "tpi-work", "weight", "100", "input", Map.of("max", "10"))),
            "grades",
            List.of(Map.of("grade", "GOOD", "min", "60"), Map.of("grade", "POOR")));

    /** The five mutations as the app sends them (an input variable), with what each answers. */
    private static final Map<String, String> DOCUMENTS = Map.of(
            "enterAppraisalScores",
            "mutation($i: EnterAppraisalScoresInput!) { enterAppraisalScores(input: $i) { entered errors { field code } } }",
            "enterAppraisalSheet",
            "mutation($i: EnterAppraisalSheetInput!) { enterAppraisalSheet(input: $i) { entered errors { field code } } }",
            "importAppraisalScoreSheet",
            "mutation($i: ImportAppraisalScoreSheetInput!) { importAppraisalScoreSheet(input: $i) { entered errors { field code } } }",
            "recordAppraisalEvent",
            "mutation($i: RecordAppraisalEventInput!) { recordAppraisalEvent(input: $i) { recorded errors { field code } } }",
            "drawCitizenRanking",
            "mutation($i: DrawCitizenRankingInput!) { drawCitizenRanking(input: $i) { ranking { period appraisalPeriod } "
                    + "errors { field code } } }");

    private void ensureScheme() {
        var saved = as("appraiser").post("""
                        mutation($d: JSON!) { saveAppraisalScheme(input: {id: "tpi-unit", inForceFrom: "2042-01", definition: $d}) {
                          errors { field code } } }""", Map.of("d", SCHEME)).ok().path("saveAppraisalScheme");
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();
    }

    /** The input of one mutation for the period, given in {@code periodField} (null: no period at all). */
    private static Map<String, Object> input(String mutation, String periodField, String period) {
        var input = new HashMap<String, Object>();
        switch (mutation) {
            case "enterAppraisalScores" ->
                input.put("scores", List.of(Map.of("subjectId", "awin", "code", "tpi-work", "value", "8")));
            case "enterAppraisalSheet" -> {
                input.put("codes", List.of("tpi-work"));
                input.put("rows", List.of(Map.of("subjectId", "awin", "values", List.of("7"))));
            }
            case "importAppraisalScoreSheet" -> {
                input.put("format", "CSV");
                input.put("text", "subject,code,value\nawin,tpi-work,6\n");
            }
            case "recordAppraisalEvent" -> {
                input.put("subjectId", "awin");
                input.put("kind", "VIOLATION");
            }
            case "drawCitizenRanking" -> {
                input.put("worst", 1);
                input.put("ballotsPerUnit", 5);
                input.put("minBallots", 5);
                input.put("seed", "typed-period-2042");
            }
            default -> throw new IllegalArgumentException(mutation);
        }
        if (periodField != null) {
            input.put(periodField, period);
        }
        return input;
    }

    private static String typedName(String mutation) {
        return mutation.equals("recordAppraisalEvent") ? "month" : "appraisalPeriod";
    }

    private JsonNode send(String mutation, Map<String, Object> input) {
        return as("appraiser")
                .post(DOCUMENTS.get(mutation), Map.of("i", input))
                .ok()
                .path(mutation);
    }

    private static boolean tookEffect(String mutation, JsonNode payload) {
        return switch (mutation) {
            case "recordAppraisalEvent" -> payload.path("recorded").asBoolean();
            case "drawCitizenRanking" -> !payload.path("ranking").isNull();
            default -> payload.path("entered").asInt() == 1;
        };
    }

    private Map<String, Object> sheet(String period) {
        var sheet = as("appraiser")
                .post(
                        "query($p: AppraisalPeriod!) { appraisalInputs(subjectId: \"awin\", appraisalPeriod: $p) { "
                                + "scores { code value } events(first: 20) { month kind } } }",
                        Map.of("p", period))
                .ok()
                .path("appraisalInputs");
        var found = new HashMap<String, Object>();
        sheet.path("scores")
                .forEach(s ->
                        found.put(s.path("code").asString(), s.path("value").asString()));
        sheet.path("events")
                .forEach(e ->
                        found.put(e.path("kind").asString(), e.path("month").asString()));
        return found;
    }

    @Test
    void theTypedPeriodIsAccepted_andTheDeprecatedStringStillWorks() {
        ensureScheme();
        var months = Map.of(
                "enterAppraisalScores", List.of("2042-02", "2042-03"),
                "enterAppraisalSheet", List.of("2042-04", "2042-05"),
                "importAppraisalScoreSheet", List.of("2042-06", "2042-07"),
                "recordAppraisalEvent", List.of("2042-08", "2042-09"),
                "drawCitizenRanking", List.of("2042-Q1", "2042-Q2"));
        for (var mutation : DOCUMENTS.keySet()) {
            var typed = months.get(mutation).get(0);
            var asTyped = send(mutation, input(mutation, typedName(mutation), typed));
            assertThat(asTyped.path("errors").isEmpty())
                    .as(mutation + " " + asTyped)
                    .isTrue();
            assertThat(tookEffect(mutation, asTyped))
                    .as(mutation + " " + asTyped)
                    .isTrue();
            var string = months.get(mutation).get(1);
            var asString = send(mutation, input(mutation, "period", string));
            assertThat(asString.path("errors").isEmpty())
                    .as(mutation + " " + asString)
                    .isTrue();
            assertThat(tookEffect(mutation, asString))
                    .as(mutation + " " + asString)
                    .isTrue();
            if (mutation.equals("drawCitizenRanking")) {
                assertThat(asTyped.path("ranking").path("appraisalPeriod").asString())
                        .isEqualTo(typed);
                assertThat(asString.path("ranking").path("period").asString()).isEqualTo(string);
            }
        }
        assertThat(sheet("2042-02")).containsExactlyEntriesOf(Map.of("tpi-work", "8"));
        assertThat(sheet("2042-03")).containsExactlyEntriesOf(Map.of("tpi-work", "8"));
        assertThat(sheet("2042-04")).containsExactlyEntriesOf(Map.of("tpi-work", "7"));
        assertThat(sheet("2042-05")).containsExactlyEntriesOf(Map.of("tpi-work", "7"));
        assertThat(sheet("2042-06")).containsExactlyEntriesOf(Map.of("tpi-work", "6"));
        assertThat(sheet("2042-07")).containsExactlyEntriesOf(Map.of("tpi-work", "6"));
        assertThat(sheet("2042-08")).containsExactlyEntriesOf(Map.of("VIOLATION", "2042-08"));
        assertThat(sheet("2042-09")).containsExactlyEntriesOf(Map.of("VIOLATION", "2042-09"));
    }

    /**
     * Probe: a log cursor taken with appraisalPeriod was refused with the same period sent as the deprecated String
     * (cursors were bound to the argument names above the log); they are bound to the sheet itself now.
     */
    @Test
    void aLogCursorPagesTheSameSheetUnderEitherArgumentName_andNoOther() {
        ensureScheme();
        for (var value : List.of("5", "6")) {
            var input = input("enterAppraisalScores", "appraisalPeriod", "2042-12");
            input.put("scores", List.of(Map.of("subjectId", "awin", "code", "tpi-work", "value", value)));
            assertThat(send("enterAppraisalScores", input).path("errors").isEmpty())
                    .isTrue();
        }
        var first = as("appraiser").post("""
                { appraisalInputs(subjectId: "awin", appraisalPeriod: "2042-12") {
                  log(first: 1) { edges { node { value } } pageInfo { hasNextPage endCursor } } } }""").ok().path("appraisalInputs").path("log");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        var cursor = first.path("pageInfo").path("endCursor").asString();

        var next = as("appraiser")
                .post("""
                query($a: String) { appraisalInputs(subjectId: "awin", period: "2042-12") {
                  log(first: 1, after: $a) { edges { node { value } } } } }""", Map.of("a", cursor))
                .ok()
                .path("appraisalInputs")
                .path("log")
                .path("edges");
        assertThat(next).hasSize(1);
        assertThat(next.path(0).path("node").path("value").asString())
                .isNotEqualTo(
                        first.path("edges").path(0).path("node").path("value").asString());

        var otherSheet = as("appraiser").post("""
                query($a: String) { appraisalInputs(subjectId: "awin", period: "2042-11") {
                  log(first: 1, after: $a) { edges { node { value } } } } }""", Map.of("a", cursor));
        assertThat(otherSheet.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(otherSheet.errors().get(0).path("extensions").path("reason").asString())
                .isEqualTo("INVALID_CURSOR");
    }

    /** The required fields of each input besides its period, as a literal. */
    private static final Map<String, String> LITERALS = Map.of(
            "enterAppraisalScores", "scores: []",
            "enterAppraisalSheet", "codes: [], rows: []",
            "importAppraisalScoreSheet", "format: CSV",
            "recordAppraisalEvent", "subjectId: \"awin\", kind: \"VIOLATION\"",
            "drawCitizenRanking", "worst: 1");

    @Test
    void aMalformedTypedPeriodIsBadUserInputNamingTheFieldOrVariable_beforeAnythingRuns() {
        for (var mutation : DOCUMENTS.keySet()) {
            var field = typedName(mutation);
            var bad = field.equals("month") ? "2042-3" : "2042-Q5";
            var reason = field.equals("month") ? "INVALID_MONTH" : "INVALID_PERIOD";
            var asVariable = as("appraiser").post(DOCUMENTS.get(mutation), Map.of("i", input(mutation, field, bad)));
            TypedPeriodsApiTest.assertRefused(asVariable.body(), "$i." + field, reason, mutation);

            var literal = "mutation { " + mutation + "(input: {" + LITERALS.get(mutation) + ", " + field + ": \"" + bad
                    + "\"}) { errors { code } } }";
            TypedPeriodsApiTest.assertRefused(as("appraiser").post(literal).body(), "input." + field, reason, mutation);
        }
        assertThat(sheet("2042-03")).doesNotContainKey("VIOLATION");
    }

    @Test
    void bothGivenAndDisagreeing_isConflictAtTheTypedName_andNeitherGivenIsInvalidPeriodThere() {
        ensureScheme();
        for (var mutation : DOCUMENTS.keySet()) {
            var field = typedName(mutation);
            var input = input(mutation, "period", mutation.equals("drawCitizenRanking") ? "2042-Q3" : "2042-10");
            input.put(field, mutation.equals("drawCitizenRanking") ? "2042-Q4" : "2042-11");
            var both = send(mutation, input);
            assertThat(tookEffect(mutation, both)).as(mutation + " " + both).isFalse();
            assertThat(both.path("errors").path(0).path("code").asString())
                    .as(mutation + " " + both)
                    .isEqualTo("CONFLICT");
            assertThat(AppraisalDemoCityTest.texts(both.path("errors").path(0).path("field")))
                    .as(mutation)
                    .containsExactly("input", field);
            if (!mutation.equals("importAppraisalScoreSheet")) { // its period is optional: rows may carry their own
                var neither = send(mutation, input(mutation, null, null));
                assertThat(neither.path("errors").path(0).path("code").asString())
                        .as(mutation + " " + neither)
                        .isEqualTo("INVALID_PERIOD");
                assertThat(AppraisalDemoCityTest.texts(
                                neither.path("errors").path(0).path("field")))
                        .as(mutation)
                        .containsExactly("input", field);
            }
        }
        assertThat(sheet("2042-10")).isEmpty();
        assertThat(sheet("2042-11")).isEmpty();

        // a typed month where a ranking needs a quarter or year: refused at the field it came in
        var month = send("drawCitizenRanking", input("drawCitizenRanking", "appraisalPeriod", "2042-10"));
        assertThat(month.path("errors").path(0).path("code").asString()).isEqualTo("INVALID_PERIOD");
        assertThat(AppraisalDemoCityTest.texts(month.path("errors").path(0).path("field")))
                .containsExactly("input", "appraisalPeriod");
    }
}
