package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Text holding half a character (a JSON escape of a lone surrogate) is refused before anything runs, wherever it
 * comes in: the store kept it as '?', so a complaint's words changed silently. Bodies are written by hand, because a
 * JSON writer would not send the escape (Java's UTF-8 encoder sends '?' in its place).
 */
class HalfCharacterInputApiTest extends ComplaintTestSupport {

    private static final String HALF = "\\ud800";

    @Test
    void aComplaintWhoseDescriptionHoldsHalfACharacterIsRefusedAtThatField_andNothingIsStored() {
        long before = count("Complaint");
        var body = """
                {"query": %s, "variables": {"input": {"submissionId": "half-1", "category": "BUCK_PASSING",
                  "target": {"unitId": "cmkt"}, "description": "窗口人员%s互相推诿", "place": "二楼"}}}""".formatted(GraphQl.JSON.writeValueAsString(SUBMIT), HALF);
        for (var language : new String[] {"zh-CN", "en"}) {
            var error = refusal(anonymous().inLanguage(language).raw(body), "$input.description");
            assertThat(error.path("message").asString())
                    .as(language)
                    .contains(language.equals("en") ? "half a character" : "半个字符");
        }
        assertThat(count("Complaint")).isEqualTo(before);
    }

    @Test
    void halfACharacterInsideAListOrTheDocumentIsNamedThere() {
        var staff = as("analyst");
        refusal(staff.raw("""
                        {"query": "query($u: [ID!]) { accountabilityCaseStatistics(from: \\"2026-01-01\\", to: \\"2026-02-01\\", unitIds: $u) { __typename } }",
                         "variables": {"u": ["cmkt", "c%s"]}}""".formatted(HALF)), "$u[1]");
        refusal(staff.raw("""
                        {"query": "query($f: UnitFilter) { units(filter: $f) { edges { cursor } } }",
                         "variables": {"f": {"parentId": "c%s"}}}""".formatted(HALF)), "$f.parentId");
        refusal(staff.raw("{\"query\": \"{ unit(id: \\\"c%s\\\") { id } }\"}".formatted(HALF)), "query");
    }

    @Test
    void aGraphQlEscapeOfHalfACharacterIsASyntaxError_andAWholeCharacterIsKeptAsSent() {
        var escaped = as("analyst").raw("{\"query\": \"{ unit(id: \\\"c\\\\uD800\\\") { id } }\"}");
        assertThat(escaped.errors()).isNotEmpty();
        assertThat(escaped.data().path("unit").isObject()).isFalse();

        var input = complaint(Map.of("unitId", "cmkt"));
        input.put("description", "窗口人员😀互相推诿，跑了三次。");
        var submitted = submit(input);
        assertThat(submitted.path("errors")).as(submitted.toString()).isEmpty();
        try (var session = driver.session()) {
            var stored = session.run(
                            "MATCH (c:Complaint {number: $n}) RETURN c.description AS d",
                            Map.of(
                                    "n",
                                    submitted.path("complaint").path("number").asString()))
                    .single()
                    .get("d")
                    .asString();
            assertThat(stored).isEqualTo("窗口人员😀互相推诿，跑了三次。");
        }
    }

    private static JsonNode refusal(GraphQl.Response response, String field) {
        assertThat(response.errors()).as(response.body().toString()).hasSize(1);
        assertThat(response.body().path("data").isObject()).isFalse();
        var error = response.errors().get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("extensions").path("reason").asString()).isEqualTo("INVALID_VALUE");
        assertThat(error.path("extensions").path("field").asString()).isEqualTo(field);
        return error;
    }
}
