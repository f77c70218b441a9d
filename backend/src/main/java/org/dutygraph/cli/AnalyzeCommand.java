package org.dutygraph.cli;

import java.io.BufferedInputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.dutygraph.conflicts.ConflictAnalysisService;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.org.bundle.BundleSource;
import org.dutygraph.org.bundle.ImportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the bundle into a throw-away embedded store in a temporary directory (the store, the complaint pepper
 * and evidence files all go there, so nothing is written where it runs), runs the conflict analysis and prints
 * the findings on standard output; problems and logs go to standard error.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the responsibility conflicts of an org-bundle/1 file, analysed on a throw-away "
                    + "embedded store: no server or database needed, nothing written where it runs."
        },
        footer = {
            "",
            "Exit status: 0 analysed, 1 bundle rejected (problems on standard error) or failed, " + "2 unknown option."
        })
final class AnalyzeCommand implements Callable<Integer> {

    enum Format {
        json,
        csv,
        md
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<bundle.json>", description = "the bundle to analyse")
    private Path bundle;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or md (default: ${DEFAULT-VALUE})")
    private Format format;

    @Parameters(
            index = "1..*",
            paramLabel = SpringSettings.LABEL,
            converter = SpringSettings.Converter.class,
            description =
                    "Spring settings, e.g. --dutygraph.conflicts.overload-factor=4 (the store is always a temporary one)")
    private List<String> settings = new ArrayList<>();

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(bundle)) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + bundle);
        }
        if (settings.stream().map(SpringSettings::name).anyMatch(name -> name.startsWith("spring.neo4j."))) {
            throw new ParameterException(
                    spec.commandLine(),
                    "analyze works on a throw-away embedded store: " + "spring.neo4j.* settings do not apply");
        }
        out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        var temporary = Files.createTempDirectory("dutygraph-analyze");
        try (var context = CommandApplication.start(
                        List.of("--dutygraph.embedded.page-cache=256m"),
                        settings,
                        List.of(
                                "--dutygraph.embedded.data-directory=" + temporary.resolve("neo4j"),
                                "--dutygraph.complaints.pepper-file=" + temporary.resolve("complaint-pepper.key"),
                                "--dutygraph.inspections.evidence-directory=" + temporary.resolve("evidence"),
                                "--dutygraph.demo.load=false",
                                "--dutygraph.conflicts.analyze-after-import=false",
                                "--dutygraph.security.seed-accounts="));
                var in = new BufferedInputStream(Files.newInputStream(bundle), 1 << 20)) {
            var imports = context.getBean(BundleImportService.class);
            var job =
                    imports.await(imports.submit(BundleSource.of(in), "analyze").id(), Duration.ofHours(2));
            if (job.status() != ImportJob.Status.SUCCEEDED) {
                err.printf(
                        "Bundle %s: %s, %d problems%n",
                        job.status().name().toLowerCase(),
                        job.failure() == null ? "nothing analysed" : job.failure(),
                        job.problemCount());
                job.problems().forEach(p -> err.printf("  %s  %s  %s%n", p.path(), p.code(), p.message()));
                return 1;
            }
            var findings = context.getBean(ConflictAnalysisService.class).analyzeNow();
            switch (format) {
                case csv -> csv(findings);
                case md -> markdown(findings);
                case json -> json(findings);
            }
            return 0;
        } finally {
            deleteQuietly(temporary);
        }
    }

    private void json(List<Finding> findings) {
        var rows = findings.stream().map(Finding::asRecord).toList();
        out.println(JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsString(rows));
    }

    private void csv(List<Finding> findings) {
        out.println("id,kind,severity,units,posts,duties,power_items,arbiter_post_id,explanation,explanation_en");
        for (var f : findings) {
            out.println(String.join(
                    ",",
                    cell(f.id()),
                    cell(f.kind().code()),
                    cell(f.severity().name().toLowerCase()),
                    cell(String.join(";", f.units())),
                    cell(String.join(";", f.posts())),
                    cell(String.join(";", f.duties())),
                    cell(String.join(";", f.powerItems())),
                    cell(f.arbiterPostId()),
                    cell(f.explanationZh()),
                    cell(f.explanationEn())));
        }
    }

    private static String cell(String value) {
        if (value == null) return "";
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }

    private void markdown(List<Finding> findings) {
        out.println("# Responsibility conflicts");
        out.println();
        out.println(findings.size() + " findings.");
        for (var kind : Finding.Kind.values()) {
            var ofKind = findings.stream().filter(f -> f.kind() == kind).toList();
            if (ofKind.isEmpty()) continue;
            out.println();
            out.println("## " + kind.code() + " (" + ofKind.size() + ")");
            out.println();
            out.println("| id | severity | units | arbiter | explanation |");
            out.println("|---|---|---|---|---|");
            for (var f : ofKind) {
                out.println("| " + f.id() + " | " + f.severity().name().toLowerCase() + " | "
                        + String.join(", ", f.units()) + " | " + (f.arbiterPostId() == null ? "" : f.arbiterPostId())
                        + " | " + f.explanationZh().replace("|", "\\|") + " |");
            }
        }
    }

    private static void deleteQuietly(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temp directory left behind is harmless
        }
    }
}
