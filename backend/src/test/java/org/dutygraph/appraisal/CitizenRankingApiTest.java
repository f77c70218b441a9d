package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Citizens rate; appraisers draw and publish the worst list; anyone reads it once published. */
class CitizenRankingApiTest extends AppraisalTestSupport {

    private void rate(String unit, String level, List<String> indicators) {
        var accepted = anonymous()
                .post("""
                mutation($n: String!, $u: ID!, $l: SatisfactionLevel!, $i: [ServiceIndicator!]) {
                  rateService(input: {serviceCaseNumber: $n, unitId: $u, level: $l, indicators: $i}) { accepted } }""", Map.of("n", "BJ" + UUID.randomUUID(), "u", unit, "l", level, "i", indicators))
                .ok()
                .path("rateService")
                .path("accepted")
                .asBoolean();
        assertThat(accepted).isTrue();
    }

    @Test
    void theWorstUnitByDrawnBallotsIsListed_publishedListsArePublic_andTheDrawReplays() {
        for (int i = 0; i < 7; i++) {
            rate("adept", i < 5 ? "VERY_DISSATISFIED" : "DISSATISFIED", List.of("COLD", "BUCK_PASSING"));
            rate("awin", "VERY_SATISFIED", List.of());
        }
        rate("actr", "VERY_DISSATISFIED", List.of("GREEDY"));
        var today = LocalDate.now(clock);
        var quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        var drawn = as("appraiser").post("""
                mutation($p: String!) { drawCitizenRanking(input: {period: $p, worst: 1, ballotsPerUnit: 5, minBallots: 5,
                  seed: "lottery-2031-07"}) {
                  ranking { id status state seed entries { rank unit { id } ballots averageScore
                    indicators { indicator serviceIndicator count } } }
                  errors { field code message } } }""", Map.of("p", quarter)).ok().path("drawCitizenRanking");
        assertThat(drawn.path("errors").isEmpty()).as(drawn.toString()).isTrue();
        var ranking = drawn.path("ranking");
        assertThat(ranking.path("status").asString()).isEqualTo("DRAFT");
        assertThat(ranking.path("state").asString()).isEqualTo("DRAFT");
        assertThat(ranking.path("entries").path(0).path("indicators").valueStream())
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.path("serviceIndicator").asString())
                        .isEqualTo(i.path("indicator").asString()));
        // actr has one ballot (fewer than 5): not ranked; adept is the worst; five ballots drawn from its seven
        assertThat(ranking.path("entries")).hasSize(1);
        var worst = ranking.path("entries").path(0);
        assertThat(worst.path("unit").path("id").asString()).isEqualTo("adept");
        assertThat(worst.path("ballots").asInt()).isEqualTo(5);
        assertThat(worst.path("indicators")
                        .valueStream()
                        .filter(i -> i.path("indicator").asString().equals("COLD"))
                        .findFirst()
                        .orElseThrow()
                        .path("count")
                        .asInt())
                .isEqualTo(5);

        var id = ranking.path("id").asString();
        var publicList = "{ citizenRankings(first: 50) { edges { node { id entries { unit { id } } } } } }";
        assertThat(anonymous()
                        .post(publicList)
                        .ok()
                        .path("citizenRankings")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("id").asString()))
                .doesNotContain(id);
        assertThat(as("appraiser")
                        .post("query($id: ID!) { replayCitizenRanking(id: $id) }", Map.of("id", id))
                        .ok()
                        .path("replayCitizenRanking")
                        .asBoolean())
                .isTrue();
        assertThat(as("staff")
                        .post(
                                "mutation($id: ID!) { publishCitizenRanking(input: {id: $id}) { errors { code } } }",
                                Map.of("id", id))
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
        var published = as("appraiser")
                .post(
                        "mutation($id: ID!) { publishCitizenRanking(input: {id: $id}) { ranking { status state } } }",
                        Map.of("id", id))
                .ok()
                .path("publishCitizenRanking")
                .path("ranking");
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("state").asString()).isEqualTo("PUBLISHED");
        assertThat(anonymous()
                        .post(publicList)
                        .ok()
                        .path("citizenRankings")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("id").asString()))
                .contains(id);
        var entry = anonymous()
                .post("{ citizenRankings(first: 50) { edges { node { id entries { unit { id name } } } } } }")
                .ok()
                .path("citizenRankings")
                .path("edges")
                .valueStream()
                .filter(e -> e.path("node").path("id").asString().equals(id))
                .findFirst()
                .orElseThrow()
                .path("node")
                .path("entries")
                .path(0)
                .path("unit");
        assertThat(entry.path("id").asString()).isEqualTo("adept");
        assertThat(entry.path("name").asString()).isNotBlank();
        // the public list is a dead end: no walk from a ranked unit to its posts, holders or supervisors
        for (var walk : List.of(
                "posts(first: 5) { edges { node { id } } }",
                "supervisors { id }",
                "children { edges { node { id } } }")) {
            assertThat(anonymous()
                            .post("{ citizenRankings { edges { node { entries { unit { id " + walk + " } } } } } }")
                            .firstErrorCode())
                    .as(walk)
                    .isEqualTo("GRAPHQL_VALIDATION_FAILED");
        }
        try (var session = driver.session()) {
            assertThat(session.run(
                                    "MATCH (e:AppraisalEvent {subjectId: 'adept', kind: 'CITIZEN_WORST_RANKED', sourceId: $id}) "
                                            + "RETURN e.months AS m",
                                    Map.of("id", id))
                            .single()
                            .get("m")
                            .asInt())
                    .isEqualTo(3);
        }
    }
}
