package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** What an appraiser does through the API in these tests, whichever city they run on. */
abstract class AppraiserCalls extends ApiTest {

    JsonNode template(String id) {
        for (var edge : as("appraiser")
                .post("{ appraisalTemplates(first: 50) { edges { node { id definition } } } }")
                .ok()
                .path("appraisalTemplates")
                .path("edges")) {
            if (edge.path("node").path("id").asString().equals(id)) {
                return edge.path("node").path("definition");
            }
        }
        throw new AssertionError("no template " + id);
    }

    /** Saves a scheme version in force from {@code from} (a month), failing the test on any error. */
    void save(String id, String from, Object definition) {
        var saved = as("appraiser")
                .post("""
                mutation($id: ID!, $from: String!, $d: JSON!) { saveAppraisalScheme(input: {id: $id, validFrom: $from, definition: $d}) {
                  scheme { id version } errors { field code message } } }""", Map.of("id", id, "from", from, "d", definition))
                .ok()
                .path("saveAppraisalScheme");
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();
    }

    /** Enters [subjectId, code, value] rows for a period, failing the test on any error. */
    void enter(String period, List<List<String>> scores) {
        var list = new ArrayList<Map<String, Object>>();
        scores.forEach(s -> list.add(Map.of("subjectId", s.get(0), "code", s.get(1), "value", s.get(2))));
        var result =
                as("appraiser").post("""
                mutation($p: AppraisalPeriod!, $s: [AppraisalScoreInput!]!) { enterAppraisalScores(input: {appraisalPeriod: $p, scores: $s}) {
                  entered errors { field code message } } }""", Map.of("p", period, "s", list)).ok().path("enterAppraisalScores");
        assertThat(result.path("errors").isEmpty()).as(result.toString()).isTrue();
    }

    /** One period's result under one scheme, from a myAppraisal answer. */
    static JsonNode period(JsonNode results, String scheme, String period) {
        for (var edge : results.path("edges")) {
            if (edge.path("node").path("schemeId").asString().equals(scheme)) {
                for (var p : edge.path("node").path("periods")) {
                    if (p.path("period").asString().equals(period)) {
                        return p;
                    }
                }
            }
        }
        throw new AssertionError("no " + scheme + " " + period + " in " + results);
    }
}
