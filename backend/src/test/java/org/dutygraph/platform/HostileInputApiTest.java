package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input, one row each: whatever a caller sends, the answer is not a 5xx, not INTERNAL, comes within
 * 10 s, carries the expected coded error (or plain data, for input that is odd but valid) and names no
 * Java class. Needs no fixture data: every row is refused or answered before data matters.
 */
class HostileInputApiTest extends ApiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> CODES = Set.of(
            "BAD_USER_INPUT",
            "NOT_FOUND",
            "UNAUTHENTICATED",
            "FORBIDDEN",
            "RATE_LIMITED",
            "UNAVAILABLE",
            "GRAPHQL_PARSE_FAILED",
            "GRAPHQL_VALIDATION_FAILED",
            "BAD_REQUEST");
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b(java|javax|org|graphql|tools)\\.|ArrayList|HashMap|[A-Z][a-z]+Value\\{|IntValue|StringValue|FloatValue"
                    + "|BigDecimal|BigInteger|Exception|'Long'|'Double'|'Integer'|\\bat [a-z]+\\.");

    /** What a row expects: a request error with this code (and field), user errors in a payload, or data. */
    record Expect(String kind, String code, String field) {

        static Expect error(String code) {
            return new Expect("error", code, null);
        }

        static Expect badInput(String field) {
            return new Expect("error", "BAD_USER_INPUT", field);
        }

        static Expect userError(String payload, String code, String field) {
            return new Expect(payload, code, field);
        }

        static Expect data() {
            return new Expect("data", null, null);
        }
    }

    record Case(String name, String role, String body, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String body(String document, Map<String, Object> variables) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("query", document);
        payload.put("variables", variables);
        return GraphQl.JSON.writeValueAsString(payload);
    }

    private static String body(String document) {
        return body(document, Map.of());
    }

    private static String cursor(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String cursor(String key) {
        return cursor(key.getBytes(StandardCharsets.UTF_8));
    }

    private static final String SEARCH =
            "query($t: String!) { searchDuties(text: $t) { edges { cursor score node { id } } } }";
    private static final String SEARCH_AFTER =
            "query($a: String) { searchDuties(text: \"矿山\", after: $a) { edges { cursor } } }";
    private static final String UNITS_FIRST = "query($f: Int) { units(first: $f) { edges { cursor } } }";
    private static final String UNITS_AFTER = "query($a: String) { units(after: $a) { edges { cursor } } }";
    private static final String SCORES = """
            mutation($s: [AppraisalScoreInput!]!) { enterAppraisalScores(input: {period: "2031-03", scores: $s}) {
              entered errors { field code message } } }""";
    private static final String SCHEME = """
            mutation($d: JSON!) { saveAppraisalScheme(input: {id: "hostile", validFrom: "2031-01", definition: $d}) {
              scheme { id } errors { field code message } } }""";

    private static Case search(String name, String text, Expect expect) {
        return new Case(name, "analyst", body(SEARCH, Map.of("t", text)), expect);
    }

    private static Case score(String name, String value, String code) {
        return new Case(
                name,
                "appraiser",
                body(SCORES, Map.of("s", List.of(Map.of("subjectId", "nobody", "code", "post", "value", value)))),
                Expect.userError("enterAppraisalScores", code, "input.scores.0.value"));
    }

    /** A scheme whose only indicator weighs {@code weight} (raw JSON); never valid, so nothing is saved. */
    private static Case schemeWeight(String name, String weight) {
        var body = """
                {"query": %s, "variables": {"d": {"name": "x", "subject": "UNIT", "period": "YEAR",
                  "indicators": [{"code": "a", "weight": %s, "input": {}}],
                  "grades": [{"grade": "A", "min": "50"}, {"grade": "B"}]}}}""".formatted(GraphQl.JSON.writeValueAsString(SCHEME), weight);
        return new Case(
                name,
                "appraiser",
                body,
                Expect.userError("saveAppraisalScheme", "INVALID_SCHEME", "input.definition.$.indicators[0].weight"));
    }

    static List<Case> cases() {
        var cases = new ArrayList<Case>();
        // numbers
        cases.add(new Case(
                "Int literal beyond Long",
                "analyst",
                body("{ units(first: 99999999999) { edges { cursor } } }"),
                Expect.error("GRAPHQL_VALIDATION_FAILED")));
        cases.add(new Case(
                "Int variable beyond Int",
                "analyst",
                body(UNITS_FIRST, Map.of("f", 99999999999L)),
                Expect.error("GRAPHQL_VALIDATION_FAILED")));
        cases.add(new Case(
                "Int variable as huge integer",
                "analyst",
                "{\"query\": " + GraphQl.JSON.writeValueAsString(UNITS_FIRST) + ", \"variables\": {\"f\": 1"
                        + "0".repeat(400) + "}}",
                Expect.error("GRAPHQL_VALIDATION_FAILED")));
        cases.add(new Case(
                "negative page size", "analyst", body(UNITS_FIRST, Map.of("f", -1)), Expect.badInput("first")));
        cases.add(new Case(
                "Float literal for Int",
                "analyst",
                body("{ units(first: 1e3) { edges { cursor } } }"),
                Expect.error("GRAPHQL_VALIDATION_FAILED")));
        cases.add(new Case(
                "NaN string for Int",
                "analyst",
                body(UNITS_FIRST, Map.of("f", "NaN")),
                Expect.error("GRAPHQL_VALIDATION_FAILED")));
        cases.add(new Case(
                "fraction for Int",
                "analyst",
                body(UNITS_FIRST, Map.of("f", 1.5)),
                Expect.error("GRAPHQL_VALIDATION_FAILED")));
        cases.add(new Case(
                "year out of range",
                "appraiser",
                body(
                        "mutation { recomputeAppraisal(input: {year: 99999}) { appraisalJob { id } errors { field code } } }"),
                Expect.userError("recomputeAppraisal", "OUT_OF_RANGE", "input.year")));
        cases.add(new Case(
                "negative wait",
                "appraiser",
                body("mutation { recomputeAppraisal(input: {year: 2031, waitSeconds: -5}) { appraisalJob { id } "
                        + "errors { field code } } }"),
                Expect.userError("recomputeAppraisal", "OUT_OF_RANGE", "input.waitSeconds")));
        cases.add(new Case(
                "year out of range, read through the deprecated job",
                "appraiser",
                body("mutation { recomputeAppraisal(input: {year: 99999}) { job { id } } }"),
                Expect.badInput("input.year")));
        cases.add(new Case(
                "analysis wait out of range",
                "analyst",
                body("mutation { runAnalysis(input: {waitSeconds: 61}) { analysisJob { id } errors { field code } } }"),
                Expect.userError("runAnalysis", "OUT_OF_RANGE", "input.waitSeconds")));
        // times: beyond a millisecond timestamp's range they overflowed into INTERNAL
        var patrol =
                "mutation($t: DateTime!) { syncInspectorDay(input: {patrols: [{clientId: \"p\", hallId: \"h\", at: $t}]}) { errors { code } } }";
        for (var time : List.of(
                "-999999999-01-01T00:00:00Z",
                "+999999999-12-31T00:00:00Z",
                "+300000000-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z")) {
            cases.add(
                    new Case("DateTime " + time, "inspector", body(patrol, Map.of("t", time)), Expect.badInput("$t")));
        }
        cases.add(new Case(
                "Date -999999999-01-01",
                "inspector",
                body(
                        "query($d: Date!) { patrolShortfalls(date: $d) { edges { cursor } } }",
                        Map.of("d", "-999999999-01-01")),
                Expect.badInput("$d")));
        // days that do not exist were moved to the month's last day (2026-02-30 answered as 2026-02-28)
        for (var day : List.of("2026-02-30", "2026-04-31", "2025-02-29")) {
            cases.add(new Case(
                    "Date " + day + " as a variable",
                    "inspector",
                    body("query($d: Date!) { patrolShortfalls(date: $d) { edges { cursor } } }", Map.of("d", day)),
                    Expect.badInput("$d")));
            cases.add(new Case(
                    "Date " + day + " as a literal",
                    "inspector",
                    body("query { patrolShortfalls(date: \"" + day + "\") { edges { cursor } } }"),
                    Expect.badInput("date")));
        }
        cases.add(score("score 1e2147483647", "1e2147483647", "OUT_OF_RANGE"));
        cases.add(score("score 1e-2147483647", "1e-2147483647", "OUT_OF_RANGE"));
        cases.add(score("score with 5000 digits", "1." + "1".repeat(5000), "OUT_OF_RANGE"));
        cases.add(score("score NaN", "NaN", "NOT_A_NUMBER"));
        cases.add(score("score Infinity", "Infinity", "NOT_A_NUMBER"));
        cases.add(score("negative score", "-5", "OUT_OF_RANGE"));
        cases.add(schemeWeight("scheme weight 1e99999999 as number", "1e99999999"));
        cases.add(schemeWeight("scheme weight 1e99999999 as text", "\"1e99999999\""));
        cases.add(schemeWeight("scheme weight 1e-99999999 as text", "\"1e-99999999\""));
        cases.add(schemeWeight("scheme weight with 400 digits", "1" + "0".repeat(400)));
        cases.add(schemeWeight("scheme weight negative", "\"-100\""));
        cases.add(new Case(
                "scheme weight 1e99999999 as GraphQL literal",
                "appraiser",
                body(SCHEME.replace("definition: $d", """
                definition: {name: "x", subject: "UNIT", period: "YEAR", indicators: [{code: "a", weight: 1e99999999, input: {}}],
                  grades: [{grade: "A", min: "50"}, {grade: "B"}]}""").replace("mutation($d: JSON!)", "mutation")),
                Expect.userError("saveAppraisalScheme", "INVALID_SCHEME", "input.definition.$.indicators[0].weight")));
        // strings
        cases.add(search("search text of 100,000 characters", "矿".repeat(100_000), Expect.badInput("text")));
        cases.add(search("search over 1,024 clauses", "x OR ".repeat(1100) + "x", Expect.badInput("text")));
        cases.add(search("search NUL", "\u0000", Expect.badInput("text")));
        cases.add(search("search NUL between words", "矿山\u0000监管", Expect.data()));
        cases.add(search("search right-to-left override", "\u202E矿山", Expect.data()));
        // written by hand: a JSON writer's string goes out through Java's UTF-8 encoder, which sends '?' for it
        cases.add(new Case(
                "search lone surrogate",
                "analyst",
                "{\"query\": %s, \"variables\": {\"t\": \"矿\\ud800山\"}}"
                        .formatted(GraphQl.JSON.writeValueAsString(SEARCH)),
                Expect.badInput("$t")));
        cases.add(search("search emoji", "😀矿山", Expect.data()));
        cases.add(search("search SQL", "' OR 1=1; DROP TABLE duties; --", Expect.data()));
        cases.add(search("search Cypher", "'}) MATCH (n) DETACH DELETE n //", Expect.data()));
        cases.add(search("search blank", "   ", Expect.badInput("text")));
        cases.add(new Case(
                "Cypher in an id",
                "analyst",
                body("query($id: ID!) { unit(id: $id) { id } }", Map.of("id", "x'}) MATCH (n) DETACH DELETE n //")),
                Expect.data()));
        cases.add(new Case(
                "emoji scheme id",
                "appraiser",
                body(SCHEME.replace("id: \"hostile\"", "id: \"😀\""), Map.of("d", Map.of())),
                Expect.userError("saveAppraisalScheme", "INVALID_ID", "input.id")));
        cases.add(new Case(
                "NUL inside a GraphQL string literal",
                "analyst",
                body("{ unit(id: \"a\u0000b\") { id } }"),
                Expect.data()));
        // Lucene syntax: escaped, so it searches for the words; with no word left, there is nothing to search for
        for (var text : List.of(
                "a AND",
                "矿山~",
                "\"非煤 矿山",
                "\"非煤矿山\" 监管",
                "title:x OR *:*",
                "a^9999999999",
                "[a TO",
                "/re.*/",
                "NOT 矿山",
                "a && b || !c")) {
            cases.add(search("Lucene " + text, text, Expect.data()));
        }
        for (var text : List.of("(", "\"", "*", "\\", "~", "?*")) {
            cases.add(search("Lucene " + text, text, Expect.badInput("text")));
        }
        // nulls where non-null
        cases.add(new Case(
                "null literal for ID!",
                "analyst",
                body("{ unit(id: null) { id } }"),
                Expect.error("GRAPHQL_VALIDATION_FAILED")));
        var nullText = new HashMap<String, Object>();
        nullText.put("t", null);
        cases.add(new Case(
                "null variable for String!",
                "analyst",
                body(SEARCH, nullText),
                Expect.error("GRAPHQL_VALIDATION_FAILED")));
        cases.add(new Case(
                "null in a list of non-null",
                "appraiser",
                body(SCORES, Map.of("s", java.util.Arrays.asList((Object) null))),
                Expect.error("GRAPHQL_VALIDATION_FAILED")));
        cases.add(new Case(
                "missing required variable", "analyst", body(SEARCH), Expect.error("GRAPHQL_VALIDATION_FAILED")));
        // huge lists
        cases.add(new Case(
                "list of 10,000 for an Int",
                "analyst",
                body(UNITS_FIRST, Map.of("f", IntStream.range(0, 10_000).boxed().toList())),
                Expect.error("GRAPHQL_VALIDATION_FAILED")));
        cases.add(new Case(
                "string for a list of input objects",
                "appraiser",
                body(SCORES, Map.of("s", "x")),
                Expect.error("GRAPHQL_VALIDATION_FAILED")));
        cases.add(new Case(
                "object for an Int",
                "analyst",
                body(UNITS_FIRST, Map.of("f", Map.of("a", 1))),
                Expect.error("GRAPHQL_VALIDATION_FAILED")));
        cases.add(new Case(
                "10,001 scores",
                "appraiser",
                body(
                        SCORES,
                        Map.of(
                                "s",
                                IntStream.range(0, 10_001)
                                        .mapToObj(i -> Map.of("subjectId", "s", "code", "c", "value", "1"))
                                        .toList())),
                Expect.userError("enterAppraisalScores", "INVALID_SCORES", "input.scores")));
        // bad cursors
        cases.add(new Case(
                "cursor not base64", "analyst", body(UNITS_AFTER, Map.of("a", "%%%")), Expect.badInput("after")));
        cases.add(new Case(
                "cursor base64 of garbage bytes",
                "analyst",
                body(UNITS_AFTER, Map.of("a", cursor(new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3}))),
                Expect.badInput("after")));
        cases.add(new Case(
                "cursor of 100,000 characters",
                "analyst",
                body(UNITS_AFTER, Map.of("a", "A".repeat(100_000))),
                Expect.badInput("after")));
        cases.add(new Case(
                "unit cursor given to searchDuties",
                "analyst",
                body(SEARCH_AFTER, Map.of("a", cursor("gov"))),
                Expect.badInput("after")));
        cases.add(new Case(
                "search cursor beyond Int",
                "analyst",
                body(SEARCH_AFTER, Map.of("a", cursor("99999999999"))),
                Expect.badInput("after")));
        cases.add(new Case(
                "search cursor of garbage bytes",
                "analyst",
                body(SEARCH_AFTER, Map.of("a", cursor(new byte[] {(byte) 0x80}))),
                Expect.badInput("after")));
        // malformed bodies
        for (var raw : List.of(
                "null",
                "[]",
                "\"x\"",
                "{}",
                "5",
                "{\"query\": 5}",
                "{\"query\": null}",
                "{\"variables\": \"x\"}",
                "{\"query\": \"{ __typename }\", \"variables\": \"x\"}",
                "{\"query\": \"{ __typename }\", \"variables\": [1]}",
                "{\"query\": \"{ __typename }\", \"operationName\": 5}",
                "{\"query\": \"{ __typename }\", \"extensions\": \"x\"}",
                "{\"query\": [\"{ __typename }\"]}",
                "{\"query\": \"{ __typename }\"",
                "")) {
            cases.add(new Case("body " + (raw.isEmpty() ? "(empty)" : raw), null, raw, new Expect("body", null, null)));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputGetsACodedAnswer(Case c) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(c.body()));
        if (c.role() != null) {
            request.header("Authorization", "Bearer " + token(c.role()));
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no answer within " + TIMEOUT.toSeconds() + " s");
        }
        var text = response.body();
        var shown = text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text;
        assertThat(response.statusCode()).as(shown).isLessThan(500);
        assertThat(text.contains("INTERNAL")).as(shown).isFalse();
        JsonNode json;
        try {
            json = GraphQl.JSON.readTree(text);
        } catch (RuntimeException e) {
            throw new AssertionError("not JSON (status " + response.statusCode() + "): " + shown);
        }
        var errors = json.path("errors").valueStream().toList();
        for (var error : errors) {
            var code = error.path("extensions").path("code").asString(null);
            assertThat(code).as(error.toString()).isIn(CODES);
            if ("BAD_USER_INPUT".equals(code)) {
                assertThat(error.path("extensions").path("field").asString(""))
                        .as(error.toString())
                        .isNotBlank();
            }
            assertNoJavaNames(error.path("message").asString(""));
        }
        var expect = c.expect();
        switch (expect.kind()) {
            case "body" -> {
                assertThat(response.statusCode()).as(shown).isEqualTo(400);
                assertThat(errors).as(shown).isNotEmpty();
                assertThat(errors.get(0).path("extensions").path("code").asString())
                        .isIn("GRAPHQL_PARSE_FAILED", "BAD_REQUEST");
            }
            case "error" -> {
                assertThat(errors).as(shown).isNotEmpty();
                assertThat(errors.get(0).path("extensions").path("code").asString())
                        .as(shown)
                        .isEqualTo(expect.code());
                if (expect.field() != null) {
                    assertThat(errors.get(0).path("extensions").path("field").asString())
                            .as(shown)
                            .isEqualTo(expect.field());
                }
            }
            case "data" -> assertThat(errors).as(shown).isEmpty();
            default -> {
                assertThat(errors).as(shown).isEmpty();
                var userErrors = json.path("data")
                        .path(expect.kind())
                        .path("errors")
                        .valueStream()
                        .toList();
                userErrors.forEach(e -> assertNoJavaNames(e.path("message").asString("")));
                assertThat(userErrors.stream()
                                .map(e -> e.path("code").asString() + " at "
                                        + String.join(
                                                ".",
                                                e.path("field")
                                                        .valueStream()
                                                        .map(JsonNode::asString)
                                                        .toList())))
                        .as(shown)
                        .contains(expect.code() + " at " + expect.field());
            }
        }
    }

    private static void assertNoJavaNames(String message) {
        assertThat(message.length())
                .as("message of " + message.length() + " characters")
                .isLessThan(1_000);
        assertThat(JAVA_NAMES.matcher(message).find())
                .as("message names Java internals: " + message)
                .isFalse();
    }
}
