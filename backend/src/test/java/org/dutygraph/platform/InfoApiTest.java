package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * /actuator/info tells an operator which build runs: META-INF/build-info.properties and git.properties, both made by
 * the build.
 */
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

    @Test
    void infoNamesTheCommit() throws Exception {
        assumeTrue(
                Files.exists(Path.of("..", ".git")),
                "built outside a git checkout: the build writes no git.properties");
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/info"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        var git = JsonMapper.builder().build().readTree(response.body()).path("git");
        assertThat(git.path("commit").path("id").asString()).matches("[0-9a-f]{7,40}");
        assertThat(git.path("commit").path("time").asString()).isNotEmpty();
        assertThat(git.has("branch")).isTrue();
    }
}
