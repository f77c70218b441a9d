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
import org.springframework.context.SmartLifecycle;
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

    /**
     * One start for two stages of start-up work: first a bean that starts after the web server (as the periodic jobs
     * do) is still starting, then a runner (standing for the demo load) still runs. In both the process is alive
     * (liveness UP) but not ready (readiness OUT_OF_SERVICE, GraphQL UNAVAILABLE with retryAfterSeconds); once both
     * are done everything serves normally. Liveness once answered 503 in the first stage: Spring Boot marks the
     * process live only when the whole context has started. (Two tests with a start each before: 21 s, now one.)
     */
    @Test
    void livenessIsUpAsSoonAsTheServerListens_andGraphQlAnswersUnavailableUntilStartUpWorkIsDone() throws Exception {
        var store = Files.createTempDirectory("dutygraph-readiness");
        var releaseStarter = new CountDownLatch(1);
        var runnerRunning = new CountDownLatch(1);
        var releaseRunner = new CountDownLatch(1);
        var port = new CompletableFuture<Integer>();
        var application = new SpringApplicationBuilder(DutygraphApplication.class)
                .initializers(context -> {
                    var beans = (GenericApplicationContext) context;
                    beans.registerBean("lateStarter", SmartLifecycle.class, () -> new LateStarter(releaseStarter));
                    beans.registerBean("startUpWorkStillRunning", ApplicationRunner.class, () -> args -> {
                        runnerRunning.countDown();
                        releaseRunner.await(3, TimeUnit.MINUTES);
                    });
                })
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
            // a late-starting bean holds the context's start
            var liveness = get(http, "/actuator/health/liveness");
            assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
            assertThat(get(http, "/actuator/health/readiness").statusCode()).isEqualTo(503);
            assertThat(graphQl(http).statusCode()).isEqualTo(503);

            // the context has started; a runner (start-up work) holds the application's start
            releaseStarter.countDown();
            assertThat(runnerRunning.await(1, TimeUnit.MINUTES)).isTrue();
            var early = graphQl(http);
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.headers().firstValue("Retry-After")).contains("5");
            var error = JSON.readTree(early.body()).path("errors").path(0);
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("UNAVAILABLE");
            assertThat(error.path("extensions").path("retryAfterSeconds").asInt())
                    .isEqualTo(5);
            // the same endpoint spelt as the server also maps it (it answered before), and the other endpoints that
            // write: a citizen's Open311 request and a system's case events are told to come back too
            assertThat(post(http, "/%67raphql", "application/json", "{\"query\":\"{ __typename }\"}")
                            .statusCode())
                    .isEqualTo(503);
            var open311 = post(
                    http,
                    "/open311/v2/requests.json",
                    "application/x-www-form-urlencoded",
                    "service_code=BUCK_PASSING&description=x");
            assertThat(open311.statusCode()).isEqualTo(503);
            assertThat(open311.headers().firstValue("Retry-After")).contains("5");
            assertThat(JSON.readTree(open311.body()).path(0).path("code").asInt())
                    .isEqualTo(503);
            assertThat(post(http, "/supervision/events", "application/x-ndjson", "{}")
                            .statusCode())
                    .isEqualTo(503);
            assertThat(get(http, "/actuator/health/readiness").statusCode()).isEqualTo(503);
            assertThat(get(http, "/actuator/health/liveness").statusCode()).isEqualTo(200);

            releaseRunner.countDown();
            context = running.get(1, TimeUnit.MINUTES);

            var ready = graphQl(http);
            assertThat(ready.statusCode()).isEqualTo(200);
            JsonNode data = JSON.readTree(ready.body()).path("data");
            assertThat(data.path("__typename").asString()).isEqualTo("Query");
            assertThat(get(http, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(get(http, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        } finally {
            releaseStarter.countDown();
            releaseRunner.countDown();
            if (context == null) context = running.get(1, TimeUnit.MINUTES);
            context.close();
        }
    }

    /** Starts after the web server, and only once released. */
    private static final class LateStarter implements SmartLifecycle {
        private final CountDownLatch release;
        private volatile boolean running;

        LateStarter(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void start() {
            try {
                release.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * With the demo load asked for, a poller asks readiness and then GraphQL, over and over, from the moment the web
     * server listens until the application has started: once readiness says UP, GraphQL must not answer UNAVAILABLE
     * (readiness once went UP while the demo city was still being imported); afterwards the demo city is there.
     */
    @Test
    void readinessStaysOutOfServiceUntilTheDemoLoadIsDone() throws Exception {
        var store = Files.createTempDirectory("dutygraph-readiness-demo");
        var port = new CompletableFuture<Integer>();
        var application = new SpringApplicationBuilder(DutygraphApplication.class).listeners(event -> {
            if (event instanceof WebServerInitializedEvent started)
                port.complete(started.getWebServer().getPort());
        });
        var running = CompletableFuture.supplyAsync(() -> application.run(
                "--server.port=0",
                "--dutygraph.demo.load=true",
                "--dutygraph.embedded.data-directory=" + store.resolve("neo4j"),
                "--dutygraph.embedded.page-cache=64m",
                "--dutygraph.complaints.pepper-file=" + store.resolve("pepper.key"),
                "--dutygraph.inspections.evidence-directory=" + store.resolve("evidence")));
        ConfigurableApplicationContext context = null;
        try {
            int http = port.get(3, TimeUnit.MINUTES);
            var readyThenUnavailable = new java.util.ArrayList<String>();
            int polls = 0;
            boolean sawNotReady = false;
            while (!running.isDone()) {
                var readiness = get(http, "/actuator/health/readiness");
                var answer = graphQl(http);
                polls++;
                sawNotReady |= readiness.statusCode() == 503;
                if (readiness.statusCode() == 200 && answer.statusCode() == 503) {
                    readyThenUnavailable.add(
                            "poll " + polls + ": readiness " + readiness.body() + ", GraphQL " + answer.body());
                }
                Thread.sleep(100);
            }
            context = running.get();
            assertThat(sawNotReady)
                    .as("readiness was asked while the demo city loaded")
                    .isTrue();
            assertThat(readyThenUnavailable)
                    .as("readiness UP while GraphQL still answered UNAVAILABLE")
                    .isEmpty();
            assertThat(get(http, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(graphQl(http).statusCode()).isEqualTo(200);
        } finally {
            if (context == null) context = running.get(5, TimeUnit.MINUTES);
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

    private static HttpResponse<String> post(int port, String path, String type, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
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
