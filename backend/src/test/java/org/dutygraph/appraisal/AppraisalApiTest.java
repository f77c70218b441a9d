package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Schemes saved from the templates, scores entered, a year recomputed, results read by whom may read them. */
class AppraisalApiTest extends AppraisalTestSupport {

    private static final int YEAR = 2031;

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void accounts() {
        for (var a : List.of(
                List.of("ap-head", "adept", "AP-HEAD"),
                List.of("ap-clerk", "adept", "AP-1"),
                List.of("aw-2", "awin", "AW-2"))) {
            try (var session = driver.session()) {
                session.run(
                                """
                        MERGE (a:Account {username: $u}) ON CREATE SET a.passwordHash = $hash, a.roles = ['UNIT_STAFF'],
                              a.unitId = $unit, a.personId = $person""",
                                Map.of(
                                        "u",
                                        a.get(0),
                                        "hash",
                                        passwords.encode(a.get(0) + "-demo"),
                                        "unit",
                                        a.get(1),
                                        "person",
                                        a.get(2)))
                        .consume();
            }
        }
    }

    private JsonNode save(String id, Object definition) {
        return as("appraiser").post("""
                mutation($id: ID!, $d: JSON!) { saveAppraisalScheme(input: {id: $id, validFrom: "2031-01", definition: $d}) {
                  scheme { id version subject subjectKind period periodKind } errors { field code message } } }""", Map.of("id", id, "d", definition)).ok().path("saveAppraisalScheme");
    }

    private JsonNode recompute() {
        var job = as("appraiser")
                .post("mutation { recomputeAppraisal(input: {year: " + YEAR + ", waitSeconds: 60}) { "
                        + "job { id status state phase step steps summary { results ties } } } }")
                .ok()
                .path("recomputeAppraisal")
                .path("job");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("step").asInt()).isEqualTo(job.path("steps").asInt());
        assertThat(as("appraiser")
                        .post(
                                "query($id: ID!) { appraisalJob(id: $id) { status } }",
                                Map.of("id", job.path("id").asString()))
                        .ok()
                        .path("appraisalJob")
                        .path("status")
                        .asString())
                .isEqualTo("SUCCEEDED");
        return job.path("summary");
    }

    private JsonNode mine(String username) {
        return as(username).post("""
                { myAppraisal(year: 2031) { edges { node { schemeId periods { period score publishedScore grade rank
                  payoutMultiplier flags } } } } }""").ok().path("myAppraisal");
    }

    @Test
    void
            linkedScoresFollowTheDepartment_aViolationWithholdsTheWindowColleaguesBonus_andResultsAreSeenOnlyByWhomTheyConcern() {
        var unitMonthly = save("unit-monthly", template("unit-monthly"));
        assertThat(unitMonthly.path("errors").isEmpty()).isTrue();
        assertThat(unitMonthly.path("scheme").path("subjectKind").asString())
                .isEqualTo("UNIT")
                .isEqualTo(unitMonthly.path("scheme").path("subject").asString());
        assertThat(unitMonthly.path("scheme").path("periodKind").asString())
                .isEqualTo("MONTH")
                .isEqualTo(unitMonthly.path("scheme").path("period").asString());
        assertThat(save("staff-monthly", template("staff-monthly"))
                        .path("errors")
                        .isEmpty())
                .isTrue();
        var bad = save(
                "broken",
                Map.of(
                        "name",
                        "x",
                        "subject",
                        "PERSON",
                        "period",
                        "MONTH",
                        "indicators",
                        List.of(Map.of("code", "a", "weight", "70", "input", Map.of())),
                        "grades",
                        List.of(Map.of("grade", "A"))));
        assertThat(bad.path("errors")
                        .valueStream()
                        .map(e -> e.path("field").path(2).asString()))
                .contains("$.indicators", "$.grades");

        for (var month : List.of("2031-03", "2031-04", "2031-05")) {
            enter(
                    month,
                    List.of(
                            List.of("adept", "citizen-service", "90"),
                            List.of("adept", "other-business", "80"),
                            List.of("adept", "team-building", "100"),
                            List.of("AP-1", "post", "80"),
                            List.of("AP-1", "other-work", "70"),
                            List.of("AW-1", "post", "100"),
                            List.of("AW-2", "post", "100"),
                            List.of("AW-3", "post", "100"),
                            List.of("AW-1", "other-work", "100"),
                            List.of("AW-2", "other-work", "100"),
                            List.of("AW-3", "other-work", "100")));
        }
        var typo = as("appraiser").post("""
                mutation { enterAppraisalScores(input: {period: "2031-03", scores: [{subjectId: "AP-1", code: "psot", value: "80"},
                  {subjectId: "nobody", code: "post", value: "80"}, {subjectId: "AP-1", code: "post", value: "eighty"}]}) {
                  entered errors { field code } } }""").ok().path("enterAppraisalScores");
        assertThat(typo.path("entered").asInt()).isZero();
        assertThat(typo.path("errors")
                        .valueStream()
                        .map(e -> String.join(".", texts(e.path("field"))) + ":"
                                + e.path("code").asString()))
                .contains(
                        "input.scores.0.code:UNKNOWN_INDICATOR",
                        "input.scores.1.subjectId:UNKNOWN_SUBJECT",
                        "input.scores.2.value:NOT_A_NUMBER");
        assertThat(as("appraiser")
                        .post("""
                mutation { recordAppraisalEvent(input: {subjectId: "AW-1", period: "2031-03", kind: "VIOLATION", months: 2}) {
                  recorded } }""")
                        .ok()
                        .path("recordAppraisalEvent")
                        .path("recorded")
                        .asBoolean())
                .isTrue();
        recompute();

        // department: 50% x 90 + 40% x 80 + 10% x 100 = 87; clerk: 30% x 87 + 60% x 80 + 10% x 70 = 81.1
        var clerk = period(mine("ap-clerk"), "staff-monthly", "2031-03");
        assertThat(clerk.path("score").asString()).isEqualTo("81.1");
        assertThat(clerk.path("grade").asString()).isEqualTo("COMPETENT");
        var explained = as("ap-clerk").post("""
                { myAppraisal(year: 2031) { edges { node { schemeId periods { period breakdown { path value points missing } } } } } }""").ok().path("myAppraisal");
        var lines = period(explained, "staff-monthly", "2031-03").path("breakdown");
        assertThat(lines.valueStream()
                        .map(l -> l.path("path").asString() + "="
                                + l.path("value").asString() + "/"
                                + l.path("points").asString()))
                .containsExactly("department=87/26.1", "post=80/48", "other-work=70/7");
        // the window is no department: its staff's department indicator is missing (flagged), 70 points, BASIC pays 80%
        var colleague = mine("aw-2");
        for (var month : List.of("2031-03", "2031-04")) {
            assertThat(period(colleague, "staff-monthly", month)
                            .path("payoutMultiplier")
                            .asString())
                    .isEqualTo("0");
            assertThat(texts(period(colleague, "staff-monthly", month).path("flags")))
                    .contains("BUNDLED_PENALTY:AW-1@2031-03");
        }
        var may = period(colleague, "staff-monthly", "2031-05");
        assertThat(may.path("grade").asString()).isEqualTo("BASIC");
        assertThat(texts(may.path("flags"))).contains("MISSING:department");
        assertThat(may.path("payoutMultiplier").asString()).isEqualTo("0.8");

        // the department's score changes (87 -> 77): the linked score follows, with nothing re-entered for the clerk
        enter("2031-03", List.of(List.of("adept", "citizen-service", "70")));
        recompute();
        assertThat(period(mine("ap-clerk"), "staff-monthly", "2031-03")
                        .path("score")
                        .asString())
                .isEqualTo("78.1");

        var query =
                "{ appraisalResults(schemeId: \"staff-monthly\", year: 2031, first: 100) { edges { node { subjectId } } } }";
        var led = as("ap-head")
                .post(query)
                .ok()
                .path("appraisalResults")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node").path("subjectId").asString())
                .toList();
        // the staff scheme appraises staff, not the principal (issue 14 item 2)
        assertThat(led).contains("AP-1").doesNotContain("AP-HEAD", "AW-1", "AW-2");
        assertThat(as("ap-clerk")
                        .post(query)
                        .ok()
                        .path("appraisalResults")
                        .path("edges")
                        .isEmpty())
                .isTrue();
        assertThat(as("appraiser")
                        .post(query)
                        .ok()
                        .path("appraisalResults")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("subjectId").asString()))
                .contains("AW-1", "AP-1");
        assertThat(mine("appraiser").path("edges").isEmpty())
                .as("an account that belongs to no person")
                .isTrue();
    }

    /**
     * Holding a post is one definition for every question appraisal asks (issue 15 item 3): a leader appointed from a
     * later day leads nothing yet. Before it, the results scope read any holding not ended, started or not.
     */
    @Test
    void aLeaderReadsTheResultsOfTheUnitTheyLeadOnlyOnceTheirPostHasStarted() {
        try (var session = driver.session()) {
            session.run("""
                    MERGE (p:Person {id: 'AP-NEXT'}) SET p.name = '候任局长'
                    WITH p MATCH (post:Post {id: 'adept-head'}) MERGE (p)-[:HOLDS {startDate: '2099-01-01'}]->(post)
                    MERGE (a:Account {username: 'ap-next'}) ON CREATE SET a.passwordHash = $hash, a.roles = ['UNIT_STAFF'],
                          a.unitId = 'adept', a.personId = 'AP-NEXT'""", Map.of("hash", passwords.encode("ap-next-demo"))).consume();
        }
        save(
                "scope-staff",
                "2036-01",
                Map.of(
                        "name",
                        "范围",
                        "subject",
                        "PERSON",
                        "period",
                        "MONTH",
                        "population",
                        Map.of("postRoles", List.of("staff")),
                        "indicators",
                        List.of(Map.of("code", "scope-post", "weight", "100", "input", Map.of())),
                        "grades",
                        List.of(Map.of("grade", "GOOD", "min", "60"), Map.of("grade", "POOR"))));
        enter("2036-03", List.of(List.of("AP-1", "scope-post", "80")));
        var job = as("appraiser")
                .post("mutation { recomputeAppraisal(input: {year: 2036, waitSeconds: 60}) { job { status } } }")
                .ok()
                .path("recomputeAppraisal")
                .path("job");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");

        var query =
                "{ appraisalResults(schemeId: \"scope-staff\", year: 2036, first: 100) { edges { node { subjectId } } } }";
        assertThat(as("ap-head")
                        .post(query)
                        .ok()
                        .path("appraisalResults")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("subjectId").asString()))
                .contains("AP-1");
        assertThat(as("ap-next")
                        .post(query)
                        .ok()
                        .path("appraisalResults")
                        .path("edges")
                        .isEmpty())
                .as("appointed from 2099, not leading the department today")
                .isTrue();
    }

    private static List<String> texts(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }
}
