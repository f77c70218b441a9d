package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** An appraiser's calls on the appraisal fixture city: save a scheme, enter scores, record an event, recompute, read. */
abstract class AppraisalCityCalls extends AppraisalTestSupport {

    void record(String subjectId, String month, String kind, int months) {
        var recorded = as("appraiser")
                .post("""
                mutation($s: ID!, $p: YearMonth!, $k: String!, $m: Int!) {
                  recordAppraisalEvent(input: {subjectId: $s, month: $p, kind: $k, months: $m}) { recorded errors { code } } }""", Map.of("s", subjectId, "p", month, "k", kind, "m", months))
                .ok()
                .path("recordAppraisalEvent");
        assertThat(recorded.path("recorded").asBoolean())
                .as(recorded.toString())
                .isTrue();
    }

    void recompute(int year) {
        var job = as("appraiser")
                .post("mutation { recomputeAppraisal(input: {year: " + year + ", waitSeconds: 60}) { "
                        + "job { status failure } } }")
                .ok()
                .path("recomputeAppraisal")
                .path("job");
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    }

    /** "subject period" -> that period's result under the scheme, for the year (appraiser's view). */
    Map<String, JsonNode> results(String schemeId, int year) {
        var results = new TreeMap<String, JsonNode>();
        as("appraiser")
                .post("""
                query($s: ID!, $y: Int!) { appraisalResults(schemeId: $s, year: $y, first: 100) { edges { node { subjectId
                  periods { period score grade payoutMultiplier flags } } } } }""", Map.of("s", schemeId, "y", year))
                .ok()
                .path("appraisalResults")
                .path("edges")
                .forEach(e -> {
                    for (var p : e.path("node").path("periods")) {
                        results.put(
                                e.path("node").path("subjectId").asString() + " "
                                        + p.path("period").asString(),
                                p);
                    }
                });
        return results;
    }

    static List<String> flags(JsonNode result) {
        var list = new ArrayList<String>();
        result.path("flags").forEach(n -> list.add(n.asString()));
        return list;
    }

    /** A person scheme over {@code subjects}: one input out of 100; 90 or more excellent (pays 1.2). */
    static Map<String, Object> simple(
            String name, Map<String, Object> population, List<Map<String, Object>> indicators) {
        var scheme = new java.util.LinkedHashMap<String, Object>();
        scheme.put("name", name);
        scheme.put("subject", "PERSON");
        scheme.put("period", "MONTH");
        scheme.put("population", population);
        scheme.put("indicators", indicators);
        scheme.put(
                "grades",
                List.of(
                        Map.of("grade", "EXCELLENT", "min", "90"),
                        Map.of("grade", "COMPETENT", "min", "60"),
                        Map.of("grade", "BASIC")));
        scheme.put("payouts", List.of(Map.of("grade", "EXCELLENT", "multiplier", "1.2")));
        return scheme;
    }
}
