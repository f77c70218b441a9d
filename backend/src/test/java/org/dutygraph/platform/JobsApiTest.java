package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.dutygraph.complaints.ComplaintEscalator;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * /actuator/jobs (ADMIN only) shows how each job's latest run went, not only the appraisal recomputation's
 * progress: a periodic job (complaint escalation) while it keeps its lease, a conflict analysis once it has given
 * its lease up.
 */
class JobsApiTest extends ApiTest {

    private static final String OUTCOME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ, [\\d,]+ ms, ok";

    @Autowired
    ComplaintEscalator escalator;

    @Test
    void aPeriodicJobAndAnAnalysisShowTheirLastRunToAdminsOnly() throws Exception {
        assertThat(escalator.runIfLeaseHeld()).isTrue();
        assertThat(as("analyst")
                        .post("mutation { runAnalysis(input: {waitSeconds: 60}) { analysisJob { status } } }")
                        .ok()
                        .path("runAnalysis")
                        .path("analysisJob")
                        .path("status")
                        .asString())
                .isEqualTo("SUCCEEDED");

        var response = get(token("admin"));
        assertThat(response.statusCode()).isEqualTo(200);
        var body = GraphQl.JSON.readTree(response.body());
        var escalation = find(body.path("running"), escalator.leaseName());
        assertThat(escalation.path("thisInstance").asBoolean()).isTrue();
        assertThat(escalation.path("lastRun").asString()).matches(OUTCOME);
        var analysis = find(body.path("idle"), "conflict-analysis");
        assertThat(analysis.path("lastRun").asString()).matches(OUTCOME);
        assertThat(body.path("running").valueStream().map(r -> r.path("job").asString()))
                .doesNotContain("conflict-analysis");

        assertThat(get(null).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(get(token("analyst")).statusCode()).as("analyst").isEqualTo(403);
    }

    private static JsonNode find(JsonNode jobs, String name) {
        return jobs.valueStream()
                .filter(job -> job.path("job").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + jobs));
    }

    private HttpResponse<String> get(String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/jobs"));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
