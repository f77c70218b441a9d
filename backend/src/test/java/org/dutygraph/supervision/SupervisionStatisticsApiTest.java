package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Monthly supervision statistics over HTTP against the real database: per unit and per responsible post for the
 * office and unit leaders (their units only, others refused), the public ranking of units by on-time rate (no
 * posts or people, cacheable), and the same figures read by an appraisal scheme.
 */
class SupervisionStatisticsApiTest extends ApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A case of the section itself, concluded on its first working day after acceptance: on time. */
    private static final String ON_TIME_CASE = """
            {"event_id": "c5-1", "case_id": "C5", "power_item_id": "pi-reg", "unit_id": "zrzy-dj", "kind": "accepted", "at": "2026-03-09T09:00:00+08:00"}
            {"event_id": "c5-2", "case_id": "C5", "power_item_id": "pi-reg", "unit_id": "zrzy-dj", "kind": "concluded", "at": "2026-03-10T10:00:00+08:00"}
            """;

    private static final String FIGURES =
            "figures { cases timed onTime onTimeRate averageDaysUsed averageCommittedDays "
                    + "notices yellowCards redCards }";

    @Autowired
    SignalEvaluation evaluation;

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void cityWithCasesEvaluated() throws Exception {
        wipeGraph();
        importBundle(resource("supervision/bundle.json"));
        for (var a : List.of(
                List.of("sv-director", "sv-p-director"),
                List.of("sv-head", "sv-p-head"),
                List.of("sv-clerk", "sv-p-clerk"))) {
            try (var session = driver.session()) {
                session.run(
                                """
                        MERGE (a:Account {username: $u}) ON CREATE SET a.passwordHash = $hash, a.roles = ['UNIT_STAFF'],
                              a.unitId = 'zrzy', a.personId = $person""",
                                Map.of("u", a.get(0), "hash", passwords.encode(a.get(0) + "-demo"), "person", a.get(1)))
                        .consume();
            }
        }
        var sent = postEvents(resource("supervision/events.jsonl") + ON_TIME_CASE);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        evaluation.evaluate(Instant.parse("2026-03-20T04:00:00Z"));
    }

    @Test
    void theOfficeReadsEveryUnitsMonthByUnitAndPost() {
        var march = statistics("inspector", "2026-03", null);
        assertThat(march.path("errors").isEmpty()).as(march.toString()).isTrue();
        var units = march.path("units");
        assertThat(units.valueStream().map(u -> u.path("unitId").asString())).containsExactly("zrzy", "zrzy-dj");

        var bureau = units.path(0);
        assertThat(bureau.path("unitName").asString()).isEqualTo("青山市自然资源局");
        // C2 concluded late (accepted Mon 2 Mar, 3-5 Mar suspended: 6 working days used of 5), C3 rejected unaccepted
        assertThat(figures(bureau))
                .isEqualTo("cases=2 timed=1 onTime=0 rate=0.0 used=6.0 committed=5.0 notices=1 yellow=3 red=3");
        assertThat(bureau.path("posts").valueStream().map(p -> p.path("postId").asString() + " " + figures(p)))
                .containsExactly(
                        "zrzy-dj-1 cases=1 timed=1 onTime=0 rate=0.0 used=6.0 committed=5.0 notices=1 yellow=2 red=2",
                        "zrzy-dj-head cases=1 timed=0 onTime=0 rate=null used=null committed=null notices=0 yellow=1 red=0",
                        "zrzy-head cases=0 timed=0 onTime=0 rate=null used=null committed=null notices=0 yellow=0 red=1");
        assertThat(figures(units.path(1)))
                .as("C5: one working day of five")
                .isEqualTo("cases=1 timed=1 onTime=1 rate=100.0 used=1.0 committed=5.0 notices=0 yellow=0 red=0");

        var february = statistics("admin", "2026-02", null).path("units");
        assertThat(february.valueStream().map(u -> u.path("unitId").asString() + " " + figures(u)))
                .as("C1's notice, yellow and red card came in February; no case ended then")
                .containsExactly(
                        "zrzy cases=0 timed=0 onTime=0 rate=null used=null committed=null notices=1 yellow=1 red=1");
    }

    @Test
    void leadersReadTheirUnitsOnly_andOthersAreRefused() {
        var director = statistics("sv-director", "2026-03", null).path("units");
        assertThat(director.valueStream().map(u -> u.path("unitId").asString()))
                .as("the bureau's director leads the bureau and its section")
                .containsExactly("zrzy", "zrzy-dj");

        var head = statistics("sv-head", "2026-03", null).path("units");
        assertThat(head.valueStream().map(u -> u.path("unitId").asString())).containsExactly("zrzy-dj");
        var outside = statistics("sv-head", "2026-03", List.of("zrzy-dj", "zrzy", "nowhere", "zrzy-dj"));
        assertThat(outside.path("units").isEmpty()).isTrue();
        assertThat(outside.path("errors")
                        .valueStream()
                        .map(e -> String.join(
                                        ".",
                                        e.path("field")
                                                .valueStream()
                                                .map(JsonNode::asString)
                                                .toList()) + " "
                                + e.path("code").asString()))
                .containsExactly("unitIds.1 NOT_YOUR_UNIT", "unitIds.2 NOT_YOUR_UNIT", "unitIds.3 DUPLICATE_UNIT");

        for (var user : List.of("sv-clerk", "staff", "inspector2", "analyst", "appraiser")) {
            var refused = statistics(user, "2026-03", List.of("zrzy-dj"));
            assertThat(refused.path("units").isEmpty()).as(user).isTrue();
            assertThat(refused.path("errors").path(0).path("code").asString())
                    .as(user + " leads no unit and is not the office")
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(anonymous().post(query("2026-03", null)).firstErrorCode()).isIn("UNAUTHENTICATED", "FORBIDDEN");
        assertThat(statistics("inspector", "2026-13", null)
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("INVALID_MONTH");
    }

    @Test
    void theRankingIsPublicNamesUnitsOnlyAndIsCacheable() throws Exception {
        var ranking = anonymous()
                .post(
                        "{ supervisionRanking(month: \"2026-03\") { month entries { rank unitId unitName cases onTimeRate } "
                                + "errors { code } } }")
                .ok()
                .path("supervisionRanking");
        assertThat(ranking.path("entries")
                        .valueStream()
                        .map(e ->
                                e.path("rank").asInt() + " " + e.path("unitId").asString() + " "
                                        + e.path("cases").asInt() + " "
                                        + e.path("onTimeRate").asDouble()))
                .containsExactly("1 zrzy-dj 1 100.0", "2 zrzy 1 0.0");
        assertThat(anonymous()
                        .post("{ supervisionRanking(month: \"2026-03\") { entries { postId } } }")
                        .firstErrorCode())
                .as("no post-level field exists on the ranking")
                .isNotNull();
        assertThat(anonymous()
                        .post("{ supervisionRanking(month: \"March\") { errors { field code } } }")
                        .ok()
                        .path("supervisionRanking")
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("INVALID_MONTH");

        var query = URLEncoder.encode(
                "{ supervisionRanking(month: \"2026-03\") { entries { rank unitId onTimeRate } } }",
                StandardCharsets.UTF_8);
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql?query=" + query))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=60");
    }

    @Test
    void anAppraisalSchemeScoresUnitsFromTheOnTimeRate_andAppraisersCannotEnterIt() {
        var scheme = Map.<String, Object>of(
                "name",
                "办件按时率",
                "subject",
                "UNIT",
                "period",
                "MONTH",
                "indicators",
                List.of(Map.of("code", "supervision_on_time_rate", "weight", "100", "input", Map.of("max", "100"))),
                "grades",
                List.of(Map.of("grade", "GOOD", "min", "60"), Map.of("grade", "POOR")));
        var saved = as("appraiser").post("""
                mutation($d: JSON!) { saveAppraisalScheme(input: {id: "sv-on-time", validFrom: "2026-01", definition: $d}) {
                  scheme { id } errors { field code message } } }""", Map.of("d", scheme)).ok().path("saveAppraisalScheme");
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();

        var typed = as("appraiser").post("""
                mutation { enterAppraisalScores(input: {period: "2026-03", scores: [
                  {subjectId: "zrzy", code: "supervision_on_time_rate", value: "100"}]}) { entered errors { field code } } }""").ok().path("enterAppraisalScores");
        assertThat(typed.path("entered").asInt()).isZero();
        assertThat(typed.path("errors").path(0).path("code").asString()).isEqualTo("COMPUTED_INDICATOR");

        var job = as("appraiser")
                .post("mutation { recomputeAppraisal(input: {year: 2026, waitSeconds: 60}) { job { status } } }")
                .ok()
                .path("recomputeAppraisal")
                .path("job");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        var results = as("appraiser")
                .post("{ appraisalResults(schemeId: \"sv-on-time\", year: 2026, first: 10) { edges { node { subjectId "
                        + "periods(period: \"2026-03\") { assessed publishedScore grade } } } } }")
                .ok()
                .path("appraisalResults")
                .path("edges");
        var march = results.valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("periods").path(0).path("assessed").asBoolean())
                .map(n -> n.path("subjectId").asString() + " "
                        + n.path("periods").path(0).path("publishedScore").asString() + " "
                        + n.path("periods").path(0).path("grade").asString())
                .toList();
        assertThat(march).containsExactlyInAnyOrder("zrzy 0.00 POOR", "zrzy-dj 100.00 GOOD");
    }

    private JsonNode statistics(String user, String month, List<String> units) {
        return as(user).post(query(month, units)).ok().path("supervisionStatistics");
    }

    private static String query(String month, List<String> units) {
        var list = units == null
                ? ""
                : ", unitIds: ["
                        + String.join(
                                ", ", units.stream().map(u -> "\"" + u + "\"").toList())
                        + "]";
        return "{ supervisionStatistics(month: \"" + month + "\"" + list
                + ") { month units(first: 20) { unitId unitName " + FIGURES + " posts(first: 20) { postId postLabel "
                + FIGURES + " } } errors { field code message } } }";
    }

    private static String figures(JsonNode withFigures) {
        var f = withFigures.path("figures");
        return "cases=%d timed=%d onTime=%d rate=%s used=%s committed=%s notices=%d yellow=%d red=%d"
                .formatted(
                        f.path("cases").asInt(),
                        f.path("timed").asInt(),
                        f.path("onTime").asInt(),
                        number(f.path("onTimeRate")),
                        number(f.path("averageDaysUsed")),
                        number(f.path("averageCommittedDays")),
                        f.path("notices").asInt(),
                        f.path("yellowCards").asInt(),
                        f.path("redCards").asInt());
    }

    private static String number(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? "null" : String.valueOf(n.asDouble());
    }

    private HttpResponse<String> postEvents(String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/supervision/events"))
                        .header("Content-Type", "application/x-ndjson")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString("zwfw:zwfw-secret".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
