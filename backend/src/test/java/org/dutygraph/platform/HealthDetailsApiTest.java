package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;

/**
 * The health endpoint and its probe groups tell anyone whether the service is up, and only an ADMIN what it is made
 * of (the store's disk path, the database's address and version), in every profile: the development profile once
 * showed the details to anonymous callers.
 */
class HealthDetailsApiTest extends ApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anAnonymousCallerSeesTheStatusAlone() throws Exception {
        for (var path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
            var health = get(path, null);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            var body = GraphQl.JSON.readTree(health.body());
            assertThat(body.path("status").asString()).as(path).isEqualTo("UP");
            // the names of the probe groups are public knowledge; components and details are not
            assertThat(body.properties()).as(path).extracting(Map.Entry::getKey).isSubsetOf("status", "groups");
            assertThat(health.body()).as(path).doesNotContain("components", "details", "path");
        }
    }

    @Test
    void aSignedInCallerOtherThanAnAdminSeesTheStatusAlone() throws Exception {
        var health = get("/actuator/health", token("analyst"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).doesNotContain("components", "diskSpace", "neo4j");
    }

    @Test
    void anAdminSeesTheComponentsAndTheirDetails() throws Exception {
        var health = get("/actuator/health", token("admin"));
        assertThat(health.statusCode()).isEqualTo(200);
        var components = GraphQl.JSON.readTree(health.body()).path("components");
        assertThat(components.path("neo4j").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("diskSpace").path("details").path("path").isMissingNode())
                .isFalse();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
