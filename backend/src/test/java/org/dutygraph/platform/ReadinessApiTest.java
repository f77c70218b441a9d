package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dutygraph.DutygraphApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * While start-up work still runs after the web server listens (here a runner held on a latch, standing for the demo
 * load), readiness says OUT_OF_SERVICE, liveness UP, and GraphQL answers UNAVAILABLE with retryAfterSeconds; once
 * it is done both serve normally.
 */
class ReadinessApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void graphQlAnswersUnavailableUntilStartUpWorkIsDone() throws Exception {
        var store = Files.createTempDirectory("dutygraph-readiness");
        var release = new CountDownLatch(1);
        var port = new CompletableFuture<Integer>();
        var application = new SpringApplicationBuilder(DutygraphApplication.class)
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean(
                                "startUpWorkStillRunning",
                                ApplicationRunner.class,
                                () -> args -> release.await(3, TimeUnit.MINUTES)))
                .listeners(event -> {
                    if (event instanceof WebServerInitializedEvent started)
                        port.complete(started.getWebServer().getPort());
                });
        var running = CompletableFuture.supplyAsync(() -> application.run(
                "--server.port=0",
                "--dutygraph.embedded.data-directory=" + store.resolve("neo4j"),
                "--dutygraph.embedded.page-cache=64m",
                "--dutygraph.complaints.pepper-file=" + store.resolve("pepper.key"),
                "--dutygraph.inspections.evidence-directory=" + store.resolve("evidence")));
        ConfigurableApplicationContext context = null;
        try {
            int http = port.get(3, TimeUnit.MINUTES);

            var early = graphQl(http);
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.headers().firstValue("Retry-After")).contains("5");
            var error = JSON.readTree(early.body()).path("errors").path(0);
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("UNAVAILABLE");
            assertThat(error.path("extensions").path("retryAfterSeconds").asInt())
                    .isEqualTo(5);
            assertThat(get(http, "/actuator/health/readiness").statusCode()).isEqualTo(503);
            assertThat(get(http, "/actuator/health/liveness").statusCode()).isEqualTo(200);

            release.countDown();
            context = running.get(1, TimeUnit.MINUTES);

            var ready = graphQl(http);
            assertThat(ready.statusCode()).isEqualTo(200);
            JsonNode data = JSON.readTree(ready.body()).path("data");
            assertThat(data.path("__typename").asString()).isEqualTo("Query");
            assertThat(get(http, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        } finally {
            release.countDown();
            if (context == null) context = running.get(1, TimeUnit.MINUTES);
            context.close();
        }
    }

    private static HttpResponse<String> graphQl(int port) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
