package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Bad input gets a coded error naming what was wrong; never a 500 or a stack trace. */
class ErrorsApiTest extends ApiTest {

    @Test
    void aCursorThatIsNotOursNamesTheArgument() {
        var response = as("analyst").post("{ units(after: \"%%%\") { edges { cursor } } }");
        assertThat(response.status()).isEqualTo(200);
        var error = response.errors().get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("extensions").path("field").asString()).isEqualTo("after");
        assertThat(error.path("path").path(0).asString()).isEqualTo("units");
    }

    @Test
    void pageSizesAreBounded() {
        var error = as("analyst")
                .inLanguage("en")
                .post("{ units(first: 100000) { edges { cursor } } }")
                .errors()
                .get(0);
        assertThat(error.path("extensions").path("field").asString()).isEqualTo("first");
        assertThat(error.path("message").asString()).contains("between 0 and 500");
        var chinese = as("analyst")
                .post("{ units(first: 100000) { edges { cursor } } }")
                .errors()
                .get(0);
        assertThat(chinese.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(chinese.path("message").asString()).isEqualTo("“first”须在 0 到 500 之间");
    }

    @Test
    void aDutyFilterNeedsAnAnchor() {
        var error = as("analyst")
                .post("{ duties(filter: {status: \"active\"}) { edges { cursor } } }")
                .errors()
                .get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("extensions").path("field").asString()).isEqualTo("filter");
    }

    @Test
    void syntaxAndValidationErrorsAreCoded() {
        var syntax = as("analyst").post("{ unit(id: }");
        assertThat(syntax.status()).isLessThan(500);
        assertThat(syntax.firstErrorCode()).isEqualTo("GRAPHQL_PARSE_FAILED");
        var unknownField = as("analyst").post("{ unit(id: \"yjj\") { salary } }");
        assertThat(unknownField.firstErrorCode()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        var wrongType =
                as("analyst").post("query($f: Int) { units(first: $f) { edges { cursor } } }", Map.of("f", "many"));
        assertThat(wrongType.firstErrorCode()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void tooDeepQueriesAreRefused() {
        var deep =
                "{ unit(id: \"gov\") { " + "children { edges { node { ".repeat(6) + "id" + " } } }".repeat(6) + " } }";
        var response = as("analyst").post(deep);
        assertThat(response.status()).isLessThan(500);
        assertThat(response.errors()).isNotEmpty();
        assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aRequestThatIsNotJsonIsA400WithoutInternals() {
        var response = anonymous().raw("this is not json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().toString()).doesNotContain("Exception");
    }
}
