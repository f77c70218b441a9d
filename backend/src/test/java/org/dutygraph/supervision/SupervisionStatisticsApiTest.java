package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
        var sent = SystemFeeds.caseEvents(port, resource("supervision/events.jsonl") + ON_TIME_CASE);
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
        // not a YearMonth: refused before anything runs
        var typed = as("inspector").post(query("<b>2026-13</b>", null));
        assertThat(typed.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(typed.errors().get(0).path("extensions").path("reason").asString())
                .isEqualTo("INVALID_MONTH");
        // a month, but outside the years kept: refused in the payload
        var outOfYears = statistics("inspector", "1999-12", null);
        assertThat(outOfYears.path("errors").path(0).path("code").asString()).isEqualTo("INVALID_MONTH");
        assertThat(outOfYears.path("month").isNull())
                .as("nothing typed is echoed")
                .isTrue();
        assertThat(statistics("analyst", "1999-12", null).path("month").isNull())
                .as("refused callers get no month back either")
                .isTrue();
    }

    @Test
    void theRankingIsPublicRanksDepartmentsWithEnoughCasesInFinishedMonthsOnly_andIsCacheable() throws Exception {
        var march = ranking("2026-03");
        assertThat(march.path("errors").isEmpty()).as(march.toString()).isTrue();
        assertThat(march.path("minimumCases").asInt()).isEqualTo(20);
        assertThat(march.path("entries").isEmpty())
                .as("two timed cases in the bureau (one in its section): a person's work in all but name, not ranked")
                .isTrue();

        var april = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            april.append("""
                    {"event_id": "r%1$d-1", "case_id": "R%1$d", "power_item_id": "pi-reg", "unit_id": "zrzy-dj", "kind": "accepted", "at": "2026-04-13T09:00:00+08:00"}
                    {"event_id": "r%1$d-2", "case_id": "R%1$d", "power_item_id": "pi-reg", "unit_id": "zrzy-dj", "kind": "concluded", "at": "2026-04-14T10:00:00+08:00"}
                    """.formatted(i));
        }
        assertThat(SystemFeeds.caseEvents(port, april.toString()).statusCode()).isEqualTo(200);
        evaluation.evaluate(Instant.parse("2026-04-30T04:00:00Z"));
        assertThat(ranking("2026-04").path("entries").isEmpty())
                .as(
                        "twenty cases, all the section clerk's (the post exercising the item): that clerk's rate, not ranked")
                .isTrue();

        var colleagues = new StringBuilder();
        for (int i = 21; i <= 42; i++) {
            var post = i <= 32 ? "zrzy-dj-head" : "zrzy-head";
            var unit = i <= 32 ? "zrzy-dj" : "zrzy";
            colleagues.append("""
                    {"event_id": "r%1$d-1", "case_id": "R%1$d", "power_item_id": "pi-reg", "unit_id": "%2$s", "post_id": "%3$s", "kind": "accepted", "at": "2026-04-13T09:00:00+08:00"}
                    {"event_id": "r%1$d-2", "case_id": "R%1$d", "power_item_id": "pi-reg", "unit_id": "%2$s", "post_id": "%3$s", "kind": "concluded", "at": "2026-04-14T10:00:00+08:00"}
                    """.formatted(i, unit, post));
        }
        assertThat(SystemFeeds.caseEvents(port, colleagues.toString()).statusCode())
                .isEqualTo(200);
        evaluation.evaluate(Instant.parse("2026-04-30T04:00:00Z"));
        assertThat(ranking("2026-04")
                        .path("entries")
                        .valueStream()
                        .map(e ->
                                e.path("rank").asInt() + " " + e.path("unitId").asString() + " "
                                        + e.path("unitName").asString() + " "
                                        + e.path("cases").asInt() + " "
                                        + e.path("onTimeRate").asDouble()))
                .as("forty-two cases from three posts, none with more than half, count for the department; the"
                        + " section itself is never listed")
                .containsExactly("1 zrzy 青山市自然资源局 42 100.0");

        assertThat(anonymous()
                        .post("{ supervisionRanking(month: \"2026-03\") { entries { postId } } }")
                        .firstErrorCode())
                .as("no post-level field exists on the ranking")
                .isNotNull();
        assertThat(anonymous()
                        .post(
                                "query($m: YearMonth!) { supervisionRanking(month: $m) { month } }",
                                Map.of("m", "<b>March</b>"))
                        .firstErrorCode())
                .as("not a YearMonth")
                .isEqualTo("BAD_USER_INPUT");
        var typed = ranking("2101-01");
        assertThat(typed.path("month").isNull()).as("nothing typed is echoed").isTrue();
        assertThat(errors(typed)).containsExactly("month INVALID_MONTH");
        assertThat(typed.toString()).doesNotContain("2101");

        var thisMonth = java.time.YearMonth.now(clock).toString();
        for (var notEnded :
                List.of(thisMonth, java.time.YearMonth.now(clock).plusMonths(1).toString())) {
            var refused = ranking(notEnded);
            assertThat(refused.path("entries").isEmpty()).isTrue();
            assertThat(errors(refused)).as(notEnded).containsExactly("month MONTH_NOT_ENDED");
        }

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

        var march = AppraisedMonth.recomputedAndRead(as("appraiser"), "sv-on-time", "2026-03");
        assertThat(march).containsExactlyInAnyOrder("zrzy 0.00 POOR", "zrzy-dj 100.00 GOOD");
    }

    @Test
    void casesEndedBeforeTheStatisticsAreBackfilledOnce_byTheMigrationAndTheNextEvaluation() throws Exception {
        var before = statistics("inspector", "2026-03", null).toString();
        try (var session = driver.session()) {
            // as the store was before V032: ended cases closed, nothing kept of how they ended
            session.run("""
                            MATCH (c:SupervisedCase) WHERE c.endedAt IS NOT NULL
                            REMOVE c.endedAt, c.concluded, c.endPostId, c.committedDays, c.daysUsed, c.onTime
                            SET c.open = false""").consume();
        }
        var gap = statistics("inspector", "2026-03", null);
        assertThat(gap.path("units")
                        .valueStream()
                        .mapToInt(u -> u.path("figures").path("cases").asInt())
                        .sum())
                .as("without the backfill the ended cases are not counted")
                .isZero();
        long signals = count("SupervisionSignal");
        long inbox = count("Notification");

        for (int run = 1; run <= 2; run++) {
            backfillMigration();
            evaluation.evaluate(Instant.parse("2026-03-20T04:00:00Z"));
            assertThat(statistics("inspector", "2026-03", null).toString())
                    .as("run " + run + ": the same figures as if they had been kept when the cases ended")
                    .isEqualTo(before);
        }
        assertThat(count("SupervisionSignal")).as("no signal stored twice").isEqualTo(signals);
        assertThat(count("Notification")).as("no one told again").isEqualTo(inbox);
        try (var session = driver.session()) {
            assertThat(session.run(
                                    "MATCH (c:SupervisedCase) WHERE c.endedAt IS NOT NULL AND c.open RETURN count(c) AS n")
                            .single()
                            .get("n")
                            .asInt())
                    .as("the backfilled cases are closed again")
                    .isZero();
        }
    }

    /** Runs the shipped migration V035 as the migration runner would. */
    private void backfillMigration() throws Exception {
        String cypher;
        try (var in =
                getClass().getResourceAsStream("/neo4j/migrations/V035__Backfill_supervision_statistics.cypher")) {
            cypher = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var statement =
                cypher.lines().filter(l -> !l.startsWith("//")).collect(java.util.stream.Collectors.joining("\n"));
        try (var session = driver.session()) {
            session.run(statement.replace(";", "")).consume();
        }
    }

    private JsonNode ranking(String month) {
        return anonymous()
                .post(
                        "query($m: YearMonth!) { supervisionRanking(month: $m) { month minimumCases "
                                + "entries { rank unitId unitName cases onTimeRate } errors { field code message } } }",
                        Map.of("m", month))
                .ok()
                .path("supervisionRanking");
    }

    private static List<String> errors(JsonNode payload) {
        return payload.path("errors")
                .valueStream()
                .map(e -> String.join(
                                ".",
                                e.path("field")
                                        .valueStream()
                                        .map(JsonNode::asString)
                                        .toList())
                        + " " + e.path("code").asString())
                .toList();
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
}
