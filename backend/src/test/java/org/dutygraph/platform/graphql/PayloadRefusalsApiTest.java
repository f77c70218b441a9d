package org.dutygraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Mutations that can be refused say why in their payload's {@code errors} (field path, code, message), like every
 * other payload: runAnalysis and recomputeAppraisal out of range start nothing, a rejected bundle lists its problems.
 * Documents reading the deprecated non-null {@code job} get the refusal as a BAD_USER_INPUT error, as before.
 */
class PayloadRefusalsApiTest extends ApiTest {

    @BeforeEach
    void emptyGraph() {
        wipeGraph();
    }

    private static List<String> refusals(JsonNode payload) {
        return payload.path("errors")
                .valueStream()
                .map(e -> e.path("code").asString() + " at "
                        + String.join(
                                ".",
                                e.path("field")
                                        .valueStream()
                                        .map(JsonNode::asString)
                                        .toList()))
                .toList();
    }

    @Test
    void aRefusedAnalysisSaysWhyInItsPayloadAndStartsNoAnalysis() throws InterruptedException {
        // a finished run first: the graph records it, and no other run is under way
        var started = as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: 60}) { analysisJob { status } errors { code } } }")
                .ok()
                .path("runAnalysis");
        assertThat(started.path("analysisJob").path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(started.path("errors").isEmpty()).isTrue();
        var lastRun = lastAnalysisRun();
        assertThat(lastRun).isNotNull();

        var refused = as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: 61}) { analysisJob { id } "
                        + "errors { field code message } } }")
                .ok()
                .path("runAnalysis");
        assertThat(refused.path("analysisJob").isNull()).isTrue();
        assertThat(refusals(refused)).containsExactly("OUT_OF_RANGE at input.waitSeconds");
        assertThat(refused.path("errors").path(0).path("message").asString()).isNotBlank();
        Thread.sleep(1_000); // a run started anyway would have recorded itself by now (an empty graph takes ms)
        assertThat(lastAnalysisRun()).isEqualTo(lastRun);
    }

    private String lastAnalysisRun() {
        try (var session = driver.session()) {
            var rows = session.run("MATCH (m:AnalysisMarker {name: 'conflicts'}) RETURN m.runId AS r")
                    .list();
            return rows.isEmpty() ? null : rows.get(0).get("r").asString();
        }
    }

    @Test
    void theDeprecatedJobAnswersARefusalAsBeforeNamingTheField() {
        var error = as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: -1}) { job { id } } }")
                .errors()
                .get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("extensions").path("field").asString()).isEqualTo("input.waitSeconds");
    }

    @Test
    void aRefusedRecomputationNamesEveryFieldAndStartsNothing() {
        var refused = as("appraiser")
                .post("mutation { recomputeAppraisal(input: {year: 1999, waitSeconds: 500}) { appraisalJob { id } "
                        + "errors { field code message } } }")
                .ok()
                .path("recomputeAppraisal");
        assertThat(refused.path("appraisalJob").isNull()).isTrue();
        assertThat(refusals(refused))
                .containsExactly("OUT_OF_RANGE at input.year", "OUT_OF_RANGE at input.waitSeconds");
        var started = as("appraiser")
                .post("mutation { recomputeAppraisal(input: {year: 2031, waitSeconds: 60}) { appraisalJob { state } "
                        + "errors { code } } }")
                .ok()
                .path("recomputeAppraisal");
        assertThat(started.path("appraisalJob").path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(started.path("errors").isEmpty()).isTrue();
    }

    @Test
    void aRejectedBundleListsEveryProblemInErrorsNamingItsPathInTheBundle() {
        var rejected = importBundle(resource("bundles/twenty-errors.bundle.json"));
        assertThat(rejected.path("job").path("status").asString()).isEqualTo("REJECTED");
        assertThat(refusals(rejected))
                .hasSize(20)
                .contains("UNSUPPORTED_FORMAT at input.bundle.$.format", "DUPLICATE_ID at input.bundle.$.areas[1].id");
        assertThat(count("Organization")).isZero();
        // a stored bundle answers no errors: PartialDatesApiTest (a successful import starts an analysis, kept out of
        // here)
    }
}
