package org.dutygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analyst's command line in this process: generate, import (accepted and rejected), export, analyze on an
 * embedded store, and usage errors. CommandLineIT runs the packaged jar as a process.
 */
class CommandLineTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    private int run(String... args) {
        output.reset();
        errors.reset();
        return Commands.execute(
                new PrintStream(output, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8),
                args);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private String errorOutput() {
        return errors.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generateImportExportAndRejectFromTheCommandLine() throws Exception {
        var store = "--dutygraph.embedded.data-directory=" + work.resolve("store");
        var bundle = work.resolve("generated.json");
        assertThat(run(
                        "generate",
                        bundle.toString(),
                        "--units",
                        "30",
                        "--posts",
                        "120",
                        "--duties",
                        "400",
                        "--seed",
                        "3"))
                .isZero();

        assertThat(run("import", bundle.toString(), store, "--dutygraph.embedded.page-cache=32m"))
                .isZero();
        assertThat(printed()).contains("SUCCEEDED").contains("Imported").contains("Conflict analysis succeeded");

        var broken = work.resolve("broken.json");
        Files.writeString(broken, """
                {"format": "org-bundle/1", "duties": [{"id": "x", "holder_id": "nobody", "text": "负责"}]}""");
        assertThat(run("import", broken.toString(), store, "--dutygraph.embedded.page-cache=32m"))
                .isEqualTo(1);
        assertThat(printed()).contains("Rejected: 1 problems").contains("$.duties[0].holder_id");

        var exported = work.resolve("exported.json");
        assertThat(run("export", exported.toString(), store, "--dutygraph.embedded.page-cache=32m"))
                .isZero();
        var json = JsonMapper.builder().build();
        var original = json.readTree(bundle.toFile());
        var copy = json.readTree(exported.toFile());
        for (var section :
                new String[] {"organizations", "posts", "persons", "memberships", "supervision", "power_items", "duties"
                }) {
            assertThat(copy.path(section).size())
                    .as(section)
                    .isEqualTo(original.path(section).size());
        }
    }

    @Test
    void analyzePrintsTheFindingsOfABundleAsJsonCsvAndMarkdown() throws Exception {
        var bundle = work.resolve("conflicts.json");
        Files.writeString(
                bundle,
                new String(
                        getClass()
                                .getResourceAsStream("/bundles/conflicts.bundle.json")
                                .readAllBytes(),
                        StandardCharsets.UTF_8));

        assertThat(run("analyze", bundle.toString(), "--format", "json")).isZero();
        var findings = JsonMapper.builder().build().readTree(printed());
        assertThat(findings.isArray()).isTrue();
        assertThat(findings.valueStream().map(f -> f.path("kind").asString()).distinct())
                .contains(
                        "overlap", "candidate_overlap", "gap", "multi_head", "role_conflict", "fragmentation", "load");
        var overlap = findings.valueStream()
                .filter(f -> f.path("units").toString().equals("[\"A\",\"B\"]"))
                .findFirst()
                .orElseThrow();
        assertThat(overlap.path("arbiter_post_id").asString()).isEqualTo("gov-vm1");
        assertThat(overlap.path("duties").toString()).isEqualTo("[\"d-A-1\",\"d-B-1\"]");
        assertThat(overlap.path("power_items").toString()).isEqualTo("[\"pi-noncoal\"]");
        assertThat(overlap.path("id").asString()).startsWith("overlap-");
        assertThat(overlap.path("severity").asString()).isEqualTo("high");
        assertThat(overlap.path("explanation").asString()).contains("甲局");

        assertThat(run("analyze", bundle.toString(), "--format", "csv")).isZero();
        assertThat(printed().lines().findFirst().orElseThrow())
                .isEqualTo(
                        "id,kind,severity,units,posts,duties,power_items,arbiter_post_id,explanation,explanation_en");
        assertThat(printed()).contains(",overlap,high,A;B,");

        assertThat(run("analyze", bundle.toString(), "--format", "md")).isZero();
        assertThat(printed()).contains("## overlap (2)").contains("| gov-vm1 |");
    }

    @Test
    void unknownCommandsOptionsAndMissingArgumentsAreUsageErrors() {
        assertThat(run("imprt", "city.json")).isEqualTo(2);
        assertThat(errorOutput()).contains("imprt").contains("Usage: java -jar backend.jar");
        assertThat(printed()).isEmpty();

        assertThat(run("import")).isEqualTo(2);
        assertThat(errorOutput()).contains("<bundle.json>").contains("Usage: java -jar backend.jar import");

        assertThat(run("generate", work.resolve("g.json").toString(), "--unit", "30"))
                .isEqualTo(2);
        assertThat(errorOutput()).contains("--unit").contains("--units");
        assertThat(work.resolve("g.json")).doesNotExist();

        assertThat(run("export", work.resolve("e.json").toString(), "--store", "elsewhere"))
                .isEqualTo(2);
        assertThat(errorOutput()).contains("--store").contains("Usage: java -jar backend.jar export");

        assertThat(run("analyze", work.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(errorOutput()).contains("Cannot read");

        assertThat(run("analyze", work.resolve("missing.json").toString(), "--format", "xml"))
                .isEqualTo(2);
        assertThat(errorOutput()).contains("--format").contains("json, csv, md");
        assertThat(printed()).isEmpty();
    }

    @Test
    void everyCommandHasItsHelpOnStandardOutput() {
        assertThat(run("--help")).isZero();
        assertThat(printed())
                .contains("import")
                .contains("export")
                .contains("generate")
                .contains("analyze")
                .contains("Exit status");
        for (var command : new String[] {"import", "export", "generate", "analyze"}) {
            assertThat(run(command, "--help")).isZero();
            assertThat(printed())
                    .startsWith("Usage: java -jar backend.jar " + command)
                    .contains("Exit status");
            assertThat(run("help", command)).isZero();
            assertThat(printed()).startsWith("Usage: java -jar backend.jar " + command);
        }
        assertThat(errorOutput()).isEmpty();
    }

    @Test
    void springSettingsAloneMeanTheService() {
        assertThat(SpringSettings.only(new String[0])).isTrue();
        assertThat(SpringSettings.only(new String[] {
                    "--spring.profiles.active=prod",
                    "--dutygraph.demo.load=true",
                    "--dutygraph.security.seed-accounts[0].username=x",
                    "--debug"
                }))
                .isTrue();
        assertThat(SpringSettings.only(new String[] {"--spring.profiles.active=prod", "import"}))
                .isFalse();
        assertThat(SpringSettings.only(new String[] {"--port=8080"})).isFalse();
        assertThat(SpringSettings.only(new String[] {"--help"})).isFalse();
    }

    @Test
    void analyzeRefusesAnotherDatabase() throws Exception {
        var bundle = Files.writeString(work.resolve("empty.json"), "{\"format\": \"org-bundle/1\"}");
        assertThat(run("analyze", bundle.toString(), "--spring.neo4j.uri=bolt://db:7687"))
                .isEqualTo(2);
        assertThat(errorOutput()).contains("spring.neo4j");
    }
}
