package org.dutygraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A value a scalar refuses (a month, a period, a date, a time) is answered as the features' own refusals are: BAD_USER_INPUT
 * with {@code extensions.reason}, {@code extensions.field} naming where it came in (the argument path of a literal,
 * {@code $variable} and the path inside it for a variable), and a catalogue sentence in the request's language, not
 * graphql-java's English one around it (nor, for dates, the Java parser's text), and never the value typed.
 */
class ScalarRefusalsApiTest extends ApiTest {

    private static final String RANKING = "query($m: YearMonth!) { supervisionRanking(month: $m) { month } }";
    private static final String SHORTFALLS = "query($d: Date!) { patrolShortfalls(date: $d) { edges { cursor } } }";

    @Test
    void aRefusedMonthNamesTheVariableOrArgument_inTheRequestsLanguage() {
        var chinese = anonymous().inLanguage("zh-CN");
        var asVariable = refusal(chinese.post(RANKING, Map.of("m", "2026-3")), "INVALID_MONTH", "$m");
        assertThat(asVariable.path("message").asString()).contains("月份须为").doesNotContain("Variable");

        var asLiteral =
                refusal(chinese.post("{ supervisionRanking(month: \"2026-3\") { month } }"), "INVALID_MONTH", "month");
        assertThat(asLiteral.path("message").asString())
                .contains("月份须为")
                .doesNotContain("Validation")
                .doesNotContain("argument")
                .doesNotContain("2026-3\"");

        var english =
                refusal(anonymous().inLanguage("en").post(RANKING, Map.of("m", "2026-13")), "INVALID_MONTH", "$m");
        assertThat(english.path("message").asString()).contains("yyyy-MM");
    }

    @Test
    void aRefusedPeriodInsideAnInputVariableNamesItsPathThere() {
        var error = refusal(
                as("appraiser")
                        .inLanguage("zh-CN")
                        .post(
                                "mutation($i: RecordAppraisalEventInput!) { recordAppraisalEvent(input: $i) { recorded } }",
                                Map.of("i", Map.of("subjectId", "awin", "kind", "VIOLATION", "month", "2042-3"))),
                "INVALID_MONTH",
                "$i.month");
        assertThat(error.path("message").asString()).contains("月份须为");
    }

    @Test
    void aMalformedDateIsBadUserInputWithACatalogueSentence_notTheParsersText() {
        for (var language : new String[] {"zh-CN", "en"}) {
            var inspector = as("inspector").inLanguage(language);
            var asVariable = refusal(inspector.post(SHORTFALLS, Map.of("d", "2026-3-1")), "INVALID_DATE", "$d");
            var asLiteral = refusal(
                    inspector.post("{ patrolShortfalls(date: \"2026-3-1\") { edges { cursor } } }"),
                    "INVALID_DATE",
                    "date");
            for (var error : new JsonNode[] {asVariable, asLiteral}) {
                assertThat(error.path("message").asString())
                        .as(language)
                        .doesNotContain("parsed")
                        .doesNotContain("RFC3339")
                        .doesNotContain("2026-3-1")
                        .contains(language.equals("en") ? "yyyy-MM-dd" : "日期须为");
            }
        }
        // a day that does not exist and a year out of range: the same reason
        refusal(as("inspector").post(SHORTFALLS, Map.of("d", "2026-02-30")), "INVALID_DATE", "$d");
        refusal(as("inspector").post(SHORTFALLS, Map.of("d", "-999999999-01-01")), "INVALID_DATE", "$d");
    }

    @Test
    void aRefusedDateTimeIsBadUserInputNamingWhereItCameIn() {
        var patrol = "mutation($i: SyncInspectorDayInput!) { syncInspectorDay(input: $i) { errors { code } } }";
        for (var language : new String[] {"zh-CN", "en"}) {
            var inspector = as("inspector").inLanguage(language);
            for (var time : new String[] {"2026-03-05 09:30", "2026-03-05T09:30:00", "0000-01-01T00:00:00Z"}) {
                var error = refusal(
                        inspector.post(
                                patrol,
                                Map.of(
                                        "i",
                                        Map.of(
                                                "patrols",
                                                java.util.List.of(
                                                        Map.of("clientId", "p", "hallId", "h", "at", time))))),
                        "INVALID_DATE_TIME",
                        "$i.patrols[0].at");
                assertThat(error.path("message").asString())
                        .as(language + " " + time)
                        .doesNotContain(time)
                        .doesNotContain("Variable")
                        .contains(language.equals("en") ? "offset" : "时区偏移");
            }
        }
        var asLiteral = refusal(
                as("inspector")
                        .post(
                                "mutation { syncInspectorDay(input: {patrols: [{clientId: \"p\", hallId: \"h\", at: \"yesterday\"}]}) { errors { code } } }"),
                "INVALID_DATE_TIME",
                "input.patrols[0].at");
        assertThat(asLiteral.path("message").asString()).doesNotContain("yesterday");
    }

    @Test
    void aRefusedDefaultValueOfAVariableIsRefusedTheSameWay_namingTheVariable() {
        for (var language : new String[] {"zh-CN", "en"}) {
            var inspector = as("inspector").inLanguage(language);
            var date = refusal(
                    inspector.post(
                            "query($d: Date = \"2026-3-1\") { patrolShortfalls(date: $d) { edges { cursor } } }"),
                    "INVALID_DATE",
                    "$d");
            assertThat(date.path("message").asString())
                    .as(language)
                    .doesNotContain("2026-3-1")
                    .doesNotContain("Bad default")
                    .contains(language.equals("en") ? "yyyy-MM-dd" : "日期须为");
            var inside = refusal(inspector.post("""
                            mutation($i: SyncInspectorDayInput = {patrols: [{clientId: "p", hallId: "h", at: "yesterday"}]}) {
                              syncInspectorDay(input: $i) { errors { code } } }"""), "INVALID_DATE_TIME", "$i.patrols[0].at");
            assertThat(inside.path("message").asString()).as(language).doesNotContain("yesterday");
        }
    }

    private static JsonNode refusal(GraphQl.Response response, String reason, String field) {
        assertThat(response.data().path("supervisionRanking").isObject()).isFalse();
        var error = response.errors().get(0);
        assertThat(error.path("extensions").path("code").asString())
                .as(error.toString())
                .isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("extensions").path("reason").asString())
                .as(error.toString())
                .isEqualTo(reason);
        assertThat(error.path("extensions").path("field").asString())
                .as(error.toString())
                .isEqualTo(field);
        assertThat(error.path("message").asString()).as(error.toString()).contains(field);
        return error;
    }
}
