package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * /actuator/prometheus is for ADMIN only and shows GraphQL latency per operation and errors by extensions.code, the
 * push outbox (waiting, oldest age, dead letters), the complaint writer's queue and job durations by kind.
 */
class MetricsApiTest extends ApiTest {

    @Test
    void prometheusShowsOperationsAndErrorCodesToAdminsOnly() throws Exception {
        var admin = token("admin", "admin-demo");
        as("analyst").post("query MetricsProbe { __typename }").ok();
        as("analyst").post("query MetricsBadInput { noSuchField }");
        assertThat(as("analyst")
                        .post("mutation { runAnalysis(input: {waitSeconds: 60}) { analysisJob { status } } }")
                        .ok()
                        .path("runAnalysis")
                        .path("analysisJob")
                        .path("status")
                        .asString())
                .isEqualTo("SUCCEEDED");

        assertThat(get(null).statusCode()).isEqualTo(401);
        assertThat(get(token("analyst", "analyst-demo")).statusCode()).isEqualTo(403);
        var scrape = get(admin);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern(
                        "dutygraph_graphql_operation_seconds_count\\{[^}]*operation=\"MetricsProbe\"[^}]*outcome=\"SUCCESS\"")
                .containsPattern(
                        "dutygraph_graphql_errors_total\\{code=\"GRAPHQL_VALIDATION_FAILED\",[^}]*operation=\"MetricsBadInput\"")
                .containsPattern("dutygraph_push_outbox_waiting(\\{[^}]*})? \\d")
                .containsPattern("dutygraph_push_outbox_dead(\\{[^}]*})? \\d")
                .containsPattern("dutygraph_push_outbox_oldest_age_seconds(\\{[^}]*})? \\d")
                .containsPattern("dutygraph_complaints_submission_queue(\\{[^}]*})? \\d")
                .containsPattern("dutygraph_jobs_duration_seconds_count\\{[^}]*kind=\"import\"")
                .containsPattern("dutygraph_jobs_duration_seconds_count\\{[^}]*kind=\"appraisal\"")
                .containsPattern("dutygraph_jobs_duration_seconds_count\\{[^}]*kind=\"analysis\"[^}]*} [1-9]");

        // every series infra/grafana's dashboard plots is in the scrape
        var dashboard =
                java.nio.file.Files.readString(java.nio.file.Path.of("..", "infra", "grafana", "dutygraph.json"));
        var series = java.util.regex.Pattern.compile("\\b((?:dutygraph|jvm)_[a-z_]+)")
                .matcher(dashboard)
                .results()
                .map(m -> m.group(1))
                .distinct()
                .toList();
        assertThat(series).isNotEmpty();
        assertThat(series).allSatisfy(name -> assertThat(scrape.body()).containsPattern("(?m)^" + name + "[{ ]"));
    }

    private String token(String username, String password) {
        return anonymous()
                .post(
                        "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }",
                        Map.of("u", username, "p", password))
                .ok()
                .path("login")
                .path("token")
                .asString();
    }

    private HttpResponse<String> get(String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
