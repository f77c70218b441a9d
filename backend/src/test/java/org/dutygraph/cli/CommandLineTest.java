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

/** The analyst's command line: generate, import (accepted and rejected), export, on an embedded store. */
class CommandLineTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        output.reset();
        return new CommandLine(new PrintStream(output, true, StandardCharsets.UTF_8)).run(args);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generateImportExportAndRejectFromTheCommandLine() throws Exception {
        var store = "--dutygraph.embedded.data-directory=" + work.resolve("store");
        var bundle = work.resolve("generated.json");
        assertThat(run("generate", bundle.toString(), "--units", "30", "--posts", "120", "--duties", "400", "--seed", "3")).isZero();

        assertThat(run("import", bundle.toString(), store, "--dutygraph.embedded.page-cache=32m")).isZero();
        assertThat(printed()).contains("SUCCEEDED").contains("Imported");

        var broken = work.resolve("broken.json");
        Files.writeString(broken, """
                {"format": "org-bundle/1", "duties": [{"id": "x", "holder_id": "nobody", "text": "负责"}]}""");
        assertThat(run("import", broken.toString(), store, "--dutygraph.embedded.page-cache=32m")).isEqualTo(1);
        assertThat(printed()).contains("Rejected: 1 problems").contains("$.duties[0].holder_id");

        var exported = work.resolve("exported.json");
        assertThat(run("export", exported.toString(), store, "--dutygraph.embedded.page-cache=32m")).isZero();
        var json = JsonMapper.builder().build();
        var original = json.readTree(bundle.toFile());
        var copy = json.readTree(exported.toFile());
        for (var section : new String[] {"organizations", "posts", "persons", "memberships", "supervision", "power_items", "duties"}) {
            assertThat(copy.path(section).size()).as(section).isEqualTo(original.path(section).size());
        }
    }

    @Test
    void unknownUsageShowsHelp() throws Exception {
        assertThat(run("import")).isEqualTo(2);
        assertThat(printed()).contains("java -jar backend.jar import");
    }
}
