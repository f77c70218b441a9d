package org.dutygraph.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dutygraph.support.SpawnedJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backend service of infra/compose.yaml without Docker: the jar as the image holds it (extracted in layers by
 * the Dockerfile's own command, started by its ENTRYPOINT), with exactly the environment and secrets compose gives
 * it, against a Bolt server with the password infra/make-secrets.sh made, until compose's healthcheck passes.
 *
 * <p>Only what a container changes is translated: container paths (/run/secrets, the /data volume, the image's
 * working directory) become temporary directories, the {@code neo4j} host becomes a loopback port, and the HTTP
 * port is a free one (also in the healthcheck command).
 */
class BackendComposeIT {

    private static final Path JAR = Path.of(System.getProperty("production.jar"));
    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path root;

    @Test
    @SuppressWarnings("unchecked")
    void theProdBackendStartsWithComposesEnvironmentAndPassesComposesHealthcheck() throws Exception {
        var backend = InfraFiles.service("backend");
        assertThat(backend.get("restart")).isEqualTo("unless-stopped");
        assertThat((List<String>) backend.get("volumes")).containsExactly("backend-data:/data");

        var made = root.resolve("secrets-made");
        run(
                Duration.ofSeconds(30),
                root,
                "bash",
                InfraFiles.INFRA.resolve("make-secrets.sh").toString(),
                made.toString());
        var secrets = mountSecrets(backend, made);
        var data = Files.createDirectories(root.resolve("data"));
        var app = image();
        var appFilesBefore = files(app);

        try (var neo4j = new BoltServerForTests(
                root.resolve("neo4j-server"),
                Files.readString(made.resolve("neo4j-password")).trim())) {
            int port = freePort();
            var environment = new LinkedHashMap<String, String>();
            ((Map<String, Object>) backend.get("environment"))
                    .forEach((name, value) -> environment.put(
                            name,
                            String.valueOf(value)
                                    .replace("/run/secrets/", secrets + "/")
                                    .replace("/data/", data + "/")
                                    .replace("bolt://neo4j:7687", "bolt://127.0.0.1:" + neo4j.port())));
            assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
            environment.put("SERVER_PORT", String.valueOf(port));

            var entrypoint = new ArrayList<>(InfraFiles.instruction("ENTRYPOINT", "JarLauncher"));
            entrypoint.remove(0);
            entrypoint.addAll(0, SpawnedJvm.java("1g"));
            var out = root.resolve("backend.log");
            var builder = new ProcessBuilder(entrypoint)
                    .directory(app.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv("PATH"));
            builder.environment().putAll(environment);
            var process = builder.start();
            try {
                var healthcheck = healthcheck(backend, port);
                var deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
                while (run(Duration.ofSeconds(10), root, healthcheck) != 0) {
                    assertThat(process.isAlive())
                            .as("the backend stopped:%n%s", Files.readString(out))
                            .isTrue();
                    if (System.nanoTime() > deadline) fail("not ready within 4 minutes:%n%s", Files.readString(out));
                    Thread.sleep(1000);
                }
                var log = Files.readString(out, StandardCharsets.UTF_8);
                assertThat(log).doesNotContain("Starting embedded Neo4j");
                // prod logs are JSON lines (Elastic Common Schema) a log shipper reads without parsing patterns
                var profileLine = log.lines()
                        .filter(line -> line.contains("The following 1 profile is active"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no profile line in:\n" + log));
                var entry = JsonMapper.builder().build().readTree(profileLine);
                assertThat(entry.path("message").asString()).isEqualTo("The following 1 profile is active: \"prod\"");
                var level = entry.has("log.level")
                        ? entry.path("log.level")
                        : entry.path("log").path("level");
                assertThat(level.asString()).isEqualTo("INFO");
                assertThat(entry.path("@timestamp").asString()).isNotEmpty();
                assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
                assertThat(files(app))
                        .as("written outside the volumes, lost with the container")
                        .isEqualTo(appFilesBefore);
            } finally {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
            }
        }
    }

    /** The secrets as compose mounts them: each secret's file under its target name in one directory. */
    @SuppressWarnings("unchecked")
    private Path mountSecrets(Map<String, Object> backend, Path made) throws IOException {
        var topLevel = (Map<String, Map<String, String>>) InfraFiles.compose().get("secrets");
        var mounted = Files.createDirectories(root.resolve("run-secrets"));
        for (var secret : (List<Map<String, String>>) backend.get("secrets")) {
            var file = Path.of(topLevel.get(secret.get("source")).get("file"));
            assertThat(file.getParent()).as("make-secrets.sh creates it").isEqualTo(Path.of("secrets"));
            Files.copy(made.resolve(file.getFileName()), mounted.resolve(secret.get("target")));
        }
        return mounted;
    }

    /** The image's working directory: the jar extracted by the Dockerfile's command, its layers copied in order. */
    private Path image() throws Exception {
        var layers = root.resolve("layers");
        Files.createDirectories(layers);
        Files.copy(JAR, layers.resolve("app.jar"));
        var extract = InfraFiles.instruction("RUN", "jarmode");
        extract.set(0, JAVA);
        assertThat(run(Duration.ofMinutes(2), layers, extract.toArray(String[]::new)))
                .isZero();
        var app = Files.createDirectories(root.resolve("app"));
        var copied = InfraFiles.copiedLayers();
        assertThat(copied).hasSize(4);
        for (var layer : copied) {
            var from = layers.resolve(layer.replaceFirst("^/layers/", ""));
            try (Stream<Path> tree = Files.walk(from)) {
                for (var path : tree.toList()) {
                    var to = app.resolve(from.relativize(path).toString());
                    if (Files.isDirectory(path)) Files.createDirectories(to);
                    else Files.copy(path, to);
                }
            }
        }
        return app;
    }

    @SuppressWarnings("unchecked")
    private static String[] healthcheck(Map<String, Object> backend, int port) {
        var test = (List<String>) ((Map<String, Object>) backend.get("healthcheck")).get("test");
        assertThat(test.get(0)).isEqualTo("CMD");
        return test.subList(1, test.size()).stream()
                .map(word -> word.replace("/8080", "/" + port))
                .toArray(String[]::new);
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> tree = Files.walk(directory)) {
            return tree.map(p -> directory.relativize(p).toString()).sorted().toList();
        }
    }

    private static int run(Duration timeout, Path directory, String... command) throws Exception {
        var process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .inheritIO()
                .start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
