package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** /actuator/info tells an operator which build runs (from META-INF/build-info.properties, made by the build). */
class InfoApiTest extends ApiTest {

    @Test
    void infoNamesTheBuild() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/info"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var build = JsonMapper.builder().build().readTree(response.body()).path("build");
        assertThat(build.path("artifact").asString()).isEqualTo("backend");
        assertThat(build.path("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(build.path("time").asString()).isNotEmpty();
    }
}
