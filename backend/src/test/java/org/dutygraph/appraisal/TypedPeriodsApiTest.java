package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Months and appraisal periods as the YearMonth and AppraisalPeriod scalars (issue 18 item 8): anything but the exact
 * ISO text is BAD_USER_INPUT before anything runs, the typed fields answer the values the deprecated String ones do,
 * and documents of released app versions (String variables into the deprecated arguments) keep working. Its own
 * scheme id and year (2041).
 */
class TypedPeriodsApiTest extends AppraisalTestSupport {

    private static final List<String> NOT_MONTHS =
            List.of("2026-13", "2026-3", "+2026-03", "12026-03", " 2026-03", "2026-03 ", "1899-12", "2026-00", "2026");
    private static final List<String> NOT_PERIODS =
            List.of("2026-13", "2026-Q5", "2026-q1", "2026-Q0", "26", "+2026", "20260", "2026-1", "2026-03-01");

    private static final Map<String, Object> SCHEME = Map.of(
            "name",
            "类型检查",
            "subject",
            "UNIT",
            "period",
            "MONTH",
            "indicators",
            List.of(Map.of("code", "tp-work", "weight", "100", "input", Map.of("max", "10"))),
            "grades",
            List.of(Map.of("grade", "GOOD", "min", "60"), Map.of("grade", "POOR")));

    @Test
    void aMonthOrPeriodNotExactlyIsoIsBadUserInputNamingTheArgument_asVariableAndAsLiteral() {
        for (var month : NOT_MONTHS) {
            var asVariable = anonymous()
                    .post("query($m: YearMonth!) { supervisionRanking(month: $m) { month } }", Map.of("m", month));
            assertRefused(asVariable.body(), "$m", "INVALID_MONTH", month);
            var asLiteral = anonymous().post("{ supervisionRanking(month: \"" + month + "\") { month } }");
            assertRefused(asLiteral.body(), "month", "INVALID_MONTH", month);
        }
        for (var period : NOT_PERIODS) {
            var asVariable = as("appraiser")
                    .post(
                            "query($p: AppraisalPeriod!) { appraisalInputs(subjectId: \"awin\", appraisalPeriod: $p) "
                                    + "{ appraisalPeriod } }",
                            Map.of("p", period));
            assertRefused(asVariable.body(), "$p", "INVALID_PERIOD", period);
            var asLiteral = as("appraiser")
                    .post("{ appraisalInputs(subjectId: \"awin\", appraisalPeriod: \"" + period
                            + "\") { appraisalPeriod } }");
            assertRefused(asLiteral.body(), "appraisalPeriod", "INVALID_PERIOD", period);
        }
        for (var period : List.of("2026", "2026-Q1", "2026-03", "9999-12", "1900-01")) {
            var sheet = as("appraiser")
                    .post(
                            "query($p: AppraisalPeriod!) { appraisalInputs(subjectId: \"awin\", appraisalPeriod: $p) "
                                    + "{ appraisalPeriod period } }",
                            Map.of("p", period))
                    .ok()
                    .path("appraisalInputs");
            assertThat(sheet.path("appraisalPeriod").asString()).isEqualTo(period);
            assertThat(sheet.path("period").asString()).isEqualTo(period);
        }
    }

    @Test
    void typedFieldsAnswerWhatTheDeprecatedStringsDo_andReleasedStringDocumentsStillWork() {
        var saved = as("appraiser").post("""
                        mutation($d: JSON!) { saveAppraisalScheme(input: {id: "tp-unit", inForceFrom: "2041-01", definition: $d}) {
                          scheme { validFrom inForceFrom } errors { field code } } }""", Map.of("d", SCHEME)).ok().path("saveAppraisalScheme");
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();
        assertThat(saved.path("scheme").path("inForceFrom").asString()).isEqualTo("2041-01");
        assertThat(saved.path("scheme").path("validFrom").asString()).isEqualTo("2041-01");

        var recorded = as("appraiser").post("""
                        mutation { recordAppraisalEvent(input: {subjectId: "awin", period: "2041-03", kind: "VIOLATION"}) {
                          recorded errors { field code } } }""").ok().path("recordAppraisalEvent");
        assertThat(recorded.path("recorded").asBoolean())
                .as(recorded.toString())
                .isTrue();
        // a released version's document: String variables into the deprecated argument, the String fields read
        var released = as("appraiser")
                .post(
                        "query($s: ID!, $p: String!) { appraisalInputs(subjectId: $s, period: $p) { period "
                                + "appraisalPeriod events(first: 5) { period month } } }",
                        Map.of("s", "awin", "p", "2041-Q1"))
                .ok()
                .path("appraisalInputs");
        assertThat(released.path("period").asString()).isEqualTo("2041-Q1");
        assertThat(released.path("appraisalPeriod").asString()).isEqualTo("2041-Q1");
        assertThat(released.path("events").path(0).path("period").asString()).isEqualTo("2041-03");
        assertThat(released.path("events").path(0).path("month").asString()).isEqualTo("2041-03");

        var ended = as("appraiser").post("""
                        mutation { endAppraisalScheme(input: {id: "tp-unit", fromMonth: "2041-07"}) {
                          scheme { inForceFrom ended } errors { field code } } }""").ok().path("endAppraisalScheme");
        assertThat(ended.path("scheme").path("inForceFrom").asString())
                .as(ended.toString())
                .isEqualTo("2041-07");
        assertThat(ended.path("scheme").path("ended").asBoolean()).isTrue();
    }

    @Test
    void theTypedAndTheStringValueDisagreeing_orNeitherGiven_isRefusedAtTheTypedName() {
        var both = as("appraiser")
                .post("{ appraisalInputs(subjectId: \"awin\", period: \"2041-01\", appraisalPeriod: \"2041-02\") "
                        + "{ period } }");
        var error = both.errors().get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("extensions").path("field").asString()).isEqualTo("appraisalPeriod");
        assertThat(error.path("extensions").path("reason").asString()).isEqualTo("CONFLICT");

        var neither = as("appraiser").post("{ appraisalInputs(subjectId: \"awin\") { period } }");
        assertThat(neither.errors().get(0).path("extensions").path("field").asString())
                .isEqualTo("appraisalPeriod");

        var ending = as("appraiser").post("""
                        mutation { endAppraisalScheme(input: {id: "tp-unit", from: "2041-05", fromMonth: "2041-06"}) {
                          scheme { id } errors { field code } } }""").ok().path("endAppraisalScheme");
        assertThat(ending.path("errors").path(0).path("code").asString()).isEqualTo("CONFLICT");
        assertThat(AppraisalDemoCityTest.texts(ending.path("errors").path(0).path("field")))
                .containsExactly("input", "fromMonth");

        var saving = as("appraiser").post("""
                        mutation($d: JSON!) { saveAppraisalScheme(input: {id: "tp-unit", definition: $d}) {
                          scheme { id } errors { field code message } } }""", Map.of("d", SCHEME)).ok().path("saveAppraisalScheme");
        // neither month given: a missing field naming both, not a malformed period
        assertThat(saving.path("errors").path(0).path("code").asString()).isEqualTo("MISSING_FIELD");
        assertThat(AppraisalDemoCityTest.texts(saving.path("errors").path(0).path("field")))
                .containsExactly("input", "inForceFrom");
        assertThat(saving.path("errors").path(0).path("message").asString())
                .contains("inForceFrom")
                .contains("validFrom");
    }

    /**
     * Probe: the deprecated String validFrom stored "1899-12", which the typed inForceFrom cannot answer, so listing
     * the schemes with inForceFrom failed for everyone from then on; an event of "0001-01" was recorded too.
     */
    @Test
    void theDeprecatedStringsTakeOnlyMonthsTheTypedFieldsCanAnswer() {
        // spaces around the month: the typed fields refuse them, the Strings trimmed them
        for (var month : List.of("1899-12", "0001-01", "10000-01", " 2026-03", "2026-03 ")) {
            var saving = as("appraiser")
                    .post("""
                            mutation($d: JSON!, $m: String) { saveAppraisalScheme(input: {id: "tp-old", validFrom: $m, definition: $d}) {
                              scheme { id } errors { field code } } }""", Map.of("d", SCHEME, "m", month))
                    .ok()
                    .path("saveAppraisalScheme");
            assertThat(saving.path("errors").path(0).path("code").asString())
                    .as(month + ": " + saving)
                    .isEqualTo("INVALID_PERIOD");
            var recording = as("appraiser").post("""
                            mutation($m: String!) { recordAppraisalEvent(input: {subjectId: "awin", period: $m, kind: "VIOLATION"}) {
                              recorded errors { field code } } }""", Map.of("m", month)).ok().path("recordAppraisalEvent");
            assertThat(recording.path("recorded").asBoolean())
                    .as(month + ": " + recording)
                    .isFalse();
            assertThat(recording.path("errors").path(0).path("code").asString()).isEqualTo("INVALID_PERIOD");
        }
        var listed = as("appraiser").post("{ appraisalSchemes(first: 50) { edges { node { id inForceFrom } } } }");
        assertThat(listed.errors()).as(listed.body().toString()).isEmpty();
    }

    /** Refused before anything ran, naming where the value came in: {@code field} as a literal's argument path or "$variable.path". */
    static void assertRefused(JsonNode body, String field, String reason, String value) {
        assertThat(body.path("data").path("supervisionRanking").isMissingNode()
                        || body.path("data").isNull()
                        || body.path("data").isMissingNode())
                .as(value + ": " + body)
                .isTrue();
        var error = body.path("errors").path(0);
        assertThat(error.path("extensions").path("code").asString())
                .as(value + ": " + body)
                .isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("extensions").path("reason").asString()).as(value).isEqualTo(reason);
        assertThat(error.path("extensions").path("field").asString()).as(value).isEqualTo(field);
        assertThat(error.path("message").asString()).as(value).contains(field);
    }
}
