package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Appraisal on the demo city (sections under departments, principals, deputies, section heads and staff),
 * where the demo account {@code staff} is p-0011, a clerk in section fgw-bgs of department fgw. Each test
 * uses a year of its own; schemes are saved from that year's January on.
 */
abstract class AppraisalDemoCityTest extends AppraiserCalls {

    @BeforeEach
    void demoCity() {
        boolean present;
        try (var session = driver.session()) {
            present = session.run("MATCH (o:Organization {id: 'fgw-bgs'}) RETURN count(o) > 0 AS e")
                    .single()
                    .get("e")
                    .asBoolean();
        }
        if (!present) {
            wipeGraph();
            assertThat(importBundle(resource("demo/qingshan-city.bundle.json"))
                            .path("problems")
                            .isEmpty())
                    .isTrue();
        }
    }

    void save(String id, int year, Object definition) {
        save(id, year + "-01", definition);
    }

    JsonNode recompute(int year) {
        var job = as("appraiser")
                .post("mutation { recomputeAppraisal(input: {year: " + year + ", waitSeconds: 120}) { "
                        + "job { status failure summary { results ties } } } }")
                .ok()
                .path("recomputeAppraisal")
                .path("job");
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job.path("summary");
    }

    JsonNode mine(String username, int year) {
        return mine(username, year, "");
    }

    /** With {@code more} fields of each period. */
    JsonNode mine(String username, int year, String more) {
        return as(username).post("""
                query($y: Int!) { myAppraisal(year: $y) { edges { node { schemeId periods { period score publishedScore grade
                  rank payoutMultiplier flags %s } } } } }""".formatted(more), Map.of("y", year)).ok().path("myAppraisal");
    }

    /** subjectId -> the period's result, under a scheme (appraiser's view, one page of 100). */
    Map<String, JsonNode> results(String schemeId, int year, String period) {
        var bySubject = new java.util.TreeMap<String, JsonNode>();
        as("appraiser")
                .post("""
                query($s: ID!, $y: Int!) { appraisalResults(schemeId: $s, year: $y, first: 100) { edges { node { subjectId
                  periods { period score grade rank payoutMultiplier flags } } } } }""", Map.of("s", schemeId, "y", year))
                .ok()
                .path("appraisalResults")
                .path("edges")
                .forEach(e -> {
                    for (var p : e.path("node").path("periods")) {
                        if (p.path("period").asString().equals(period)) {
                            bySubject.put(e.path("node").path("subjectId").asString(), p);
                        }
                    }
                });
        return bySubject;
    }

    static boolean has(JsonNode results, String scheme) {
        return results.path("edges")
                .valueStream()
                .anyMatch(e -> e.path("node").path("schemeId").asString().equals(scheme));
    }

    static List<String> texts(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }
}
