package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A recomputation replaces the year's run: once it is current, the run it replaced is gone from the graph, the new one is
 * complete, and another year's run is left as it was (issue 22 goal 5: the replaced run is deleted through the Java API
 * when the store is in this JVM, in batches, instead of with Cypher).
 */
class AppraisalRunReplacementApiTest extends AppraisalCityCalls {

    @Test
    void theReplacedRunsResultsAreGone_theNewRunIsComplete_andAnotherYearsRunIsKept() {
        save(
                "replace-monthly",
                "2061-01",
                simple(
                        "替换运行",
                        Map.of("subjects", List.of("AW-1", "AW-2")),
                        List.of(Map.of("code", "r-post", "weight", "100", "input", Map.of()))));
        for (var month : List.of("2061-03", "2061-04", "2062-03")) {
            enter(month, List.of(List.of("AW-1", "r-post", "80"), List.of("AW-2", "r-post", "95")));
        }
        recompute(2061);
        recompute(2062);
        var replaced = current(2061);
        var kept = current(2062);
        long resultsOf2061 = count("MATCH (r:AppraisalResult {year: 2061}) RETURN count(r) AS n", Map.of());
        long resultsOf2062 = count("MATCH (r:AppraisalResult {year: 2062}) RETURN count(r) AS n", Map.of());
        assertThat(resultsOf2061).isPositive();
        assertThat(count("MATCH (r:AppraisalResult {runId: $run}) RETURN count(r) AS n", Map.of("run", replaced)))
                .isEqualTo(resultsOf2061);
        assertThat(results("replace-monthly", 2061)
                        .get("AW-1 2061-03")
                        .path("grade")
                        .asString())
                .isEqualTo("COMPETENT");

        enter("2061-03", List.of(List.of("AW-1", "r-post", "91")));
        recompute(2061);

        var replacing = current(2061);
        assertThat(replacing).isNotEqualTo(replaced);
        assertThat(count("MATCH (r:AppraisalResult {runId: $run}) RETURN count(r) AS n", Map.of("run", replaced)))
                .as("the replaced run's results")
                .isZero();
        assertThat(count("MATCH (r:AppraisalResult {year: 2061}) RETURN count(r) AS n", Map.of()))
                .as("the year's results: the new run's, as many as the run it replaced")
                .isEqualTo(resultsOf2061)
                .isEqualTo(count(
                        "MATCH (r:AppraisalResult {runId: $run}) RETURN count(r) AS n", Map.of("run", replacing)));
        assertThat(count(
                        "MATCH (r:AppraisalResult {runId: $run}) WHERE size(r.periods) <> size(r.scores) "
                                + "OR size(r.periods) <> size(r.grades) OR size(r.periods) <> size(r.ranks) "
                                + "OR size(r.periods) <> size(r.versions) OR size(r.periods) <> size(r.multipliers) "
                                + "OR size(r.periods) <> size(r.flags) RETURN count(r) AS n",
                        Map.of("run", replacing)))
                .as("each result's period lists side by side")
                .isZero();
        assertThat(current(2062)).isEqualTo(kept);
        assertThat(count("MATCH (r:AppraisalResult {year: 2062}) RETURN count(r) AS n", Map.of()))
                .isEqualTo(resultsOf2062);

        var read = results("replace-monthly", 2061);
        assertThat(read.get("AW-1 2061-03").path("score").asString()).isEqualTo("91");
        assertThat(read.get("AW-1 2061-03").path("grade").asString()).isEqualTo("EXCELLENT");
        assertThat(read.get("AW-1 2061-04").path("grade").asString()).isEqualTo("COMPETENT");
        assertThat(read.get("AW-2 2061-03").path("grade").asString()).isEqualTo("EXCELLENT");
        assertThat(results("replace-monthly", 2062)
                        .get("AW-1 2062-03")
                        .path("score")
                        .asString())
                .isEqualTo("80");
    }

    private String current(int year) {
        try (var session = driver.session()) {
            return session.run("MATCH (run:AppraisalRun {year: $y}) RETURN run.current AS c", Map.of("y", year))
                    .single()
                    .get("c")
                    .asString();
        }
    }

    private long count(String query, Map<String, Object> params) {
        try (var session = driver.session()) {
            return session.run(query, params).single().get("n").asLong();
        }
    }
}
