package org.dutygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dutygraph.support.SpawnedJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar as a command-line tool, each run in a process of its own started in an empty working
 * directory: exit codes, standard output carrying only the result, logs on standard error, nothing left behind.
 *
 * <p>That Spring settings alone start the service is {@code CommandLineTest.springSettingsAloneMeanTheService}
 * (the launcher's decision) and {@code BackendComposeIT} (the packaged service started as the image starts it):
 * a third start of the whole service here cost 36 s of a suite kept under 15 minutes.
 */
class CommandLineIT {

    private static final Path JAR = Path.of(System.getProperty("production.jar"));

    @TempDir
    Path workingDirectory;

    @TempDir
    Path elsewhere;

    private record Run(int exitCode, String out, String err) {}

    @Test
    void anUnknownCommandExitsWithUsageInsteadOfStartingTheService() throws Exception {
        var run = run(Duration.ofSeconds(60), Map.of(), "imprt", "city.json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("imprt").contains("Usage:");
        assertThat(run.out()).isEmpty();
        assertThat(workingDirectoryEntries()).isEmpty();
    }

    @Test
    void anUnknownOptionExitsWithTheCommandsUsage() throws Exception {
        var run = run(Duration.ofSeconds(120), Map.of(), "analyze", bundle().toString(), "--colour", "red");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--colour").contains("Usage:").contains("analyze");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpIsTheResultAndGoesToStandardOutput() throws Exception {
        var general = run(Duration.ofSeconds(60), Map.of(), "--help");
        assertThat(general.exitCode()).isZero();
        assertThat(general.out())
                .contains("import")
                .contains("export")
                .contains("generate")
                .contains("analyze");

        var analyze = run(Duration.ofSeconds(60), Map.of(), "analyze", "--help");
        assertThat(analyze.exitCode()).isZero();
        assertThat(analyze.out()).contains("--format").contains("Exit status");
    }

    @Test
    void analyzePrintsOnlyTheFindingsLogsOnStandardErrorAndLeavesTheWorkingDirectoryAlone() throws Exception {
        // an operator who turned logging up (as in a container) must still get JSON alone on standard output
        var run = run(
                Duration.ofMinutes(3),
                Map.of("LOGGING_LEVEL_ORG_DUTYGRAPH", "INFO"),
                "analyze",
                bundle().toString(),
                "--format",
                "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var findings = JsonMapper.builder().build().readTree(run.out());
        assertThat(findings.isArray()).isTrue();
        assertThat(findings.valueStream().map(f -> f.path("kind").asString())).contains("overlap", "gap");
        assertThat(run.err()).contains("Starting embedded Neo4j");
        assertThat(workingDirectoryEntries()).isEmpty();
    }

    @Test
    void comparePrintsOnlyTheComparisonAndARejectedBundleExitsWithOne() throws Exception {
        var before = restructuring("before.json");
        var after = restructuring("after.json");
        var run = run(
                Duration.ofMinutes(2), Map.of(), "compare", before.toString(), after.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var comparison = JsonMapper.builder().build().readTree(run.out());
        assertThat(comparison.propertyNames())
                .containsExactly(
                        "before",
                        "after",
                        "resolved",
                        "created",
                        "persisting",
                        "duties_moved",
                        "duties_dropped",
                        "duties_added",
                        "staffing");
        assertThat(comparison
                        .path("resolved")
                        .valueStream()
                        .map(f -> f.path("kind").asString()))
                .contains("overlap");
        assertThat(workingDirectoryEntries()).isEmpty();

        var broken = Files.writeString(
                elsewhere.resolve("broken.json"),
                "{\"format\": \"org-bundle/1\", "
                        + "\"duties\": [{\"id\": \"d\", \"holder_id\": \"nobody\", \"text\": \"x\"}]}");
        var rejected = run(Duration.ofMinutes(2), Map.of(), "compare", before.toString(), broken.toString());
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.out()).isEmpty();
        assertThat(rejected.err()).contains("$.duties[0].holder_id");
    }

    private Path restructuring(String name) throws IOException {
        var file = elsewhere.resolve(name);
        try (var in = getClass().getResourceAsStream("/bundles/restructuring/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path bundle() throws IOException {
        var bundle = elsewhere.resolve("conflicts.json");
        if (Files.notExists(bundle)) {
            try (var in = getClass().getResourceAsStream("/bundles/conflicts.bundle.json")) {
                Files.copy(in, bundle);
            }
        }
        return bundle;
    }

    private List<String> workingDirectoryEntries() throws IOException {
        try (var entries = Files.list(workingDirectory)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }

    private record Started(Process process, Path out, Path err) {}

    private Started start(Map<String, String> environment, String... args) throws IOException {
        var command = new ArrayList<>(SpawnedJvm.java("1g"));
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        var out = Files.createTempFile(elsewhere, "out", ".txt");
        var err = Files.createTempFile(elsewhere, "err", ".txt");
        var builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        return new Started(builder.start(), out, err);
    }

    private Run run(Duration timeout, Map<String, String> environment, String... args) throws Exception {
        var started = start(environment, args);
        if (!started.process().waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            started.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            fail("still running after %s: %s%n%s", timeout, String.join(" ", args), Files.readString(started.out()));
        }
        return new Run(
                started.process().exitValue(),
                Files.readString(started.out(), StandardCharsets.UTF_8),
                Files.readString(started.err(), StandardCharsets.UTF_8));
    }
}
