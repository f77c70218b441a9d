package org.dutygraph.cli;

import java.io.BufferedInputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.dutygraph.DutygraphApplication;
import org.dutygraph.conflicts.ConflictAnalysisService;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.org.bundle.BundleSource;
import org.dutygraph.org.bundle.ImportJob;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code analyze <bundle.json> [--format json|csv|md]}: imports the bundle into a throw-away embedded
 * store, runs the conflict analysis and prints the findings on standard output (problems and logs on
 * standard error). Exit status: 0 analysed, 1 bundle rejected, 2 bad usage.
 */
final class AnalyzeCommand {

    private final PrintStream out;
    private final PrintStream err;

    AnalyzeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Path bundle, String format) throws Exception {
        if (!List.of("json", "csv", "md").contains(format)) {
            err.println("--format must be json, csv or md");
            return 2;
        }
        var store = Files.createTempDirectory("dutygraph-analyze");
        try (var context = new SpringApplicationBuilder(DutygraphApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run("--dutygraph.embedded.data-directory=" + store, "--dutygraph.embedded.page-cache=256m",
                        "--dutygraph.demo.load=false", "--dutygraph.conflicts.analyze-after-import=false",
                        "--dutygraph.security.seed-accounts=", "--spring.main.banner-mode=off", "--logging.level.root=off");
             var in = new BufferedInputStream(Files.newInputStream(bundle), 1 << 20)) {
            var imports = context.getBean(BundleImportService.class);
            var job = imports.await(imports.submit(BundleSource.of(in), "analyze").id(), Duration.ofHours(2));
            if (job.status() != ImportJob.Status.SUCCEEDED) {
                err.printf("Bundle %s: %s, %d problems%n", job.status().name().toLowerCase(),
                        job.failure() == null ? "nothing analysed" : job.failure(), job.problemCount());
                job.problems().forEach(p -> err.printf("  %s  %s  %s%n", p.path(), p.code(), p.message()));
                return 1;
            }
            var findings = context.getBean(ConflictAnalysisService.class).analyzeNow();
            switch (format) {
                case "csv" -> csv(findings);
                case "md" -> markdown(findings);
                default -> json(findings);
            }
            return 0;
        } finally {
            deleteQuietly(store);
        }
    }

    private void json(List<Finding> findings) {
        var rows = findings.stream().map(Finding::asRecord).toList();
        out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(rows));
    }

    private void csv(List<Finding> findings) {
        out.println("id,kind,severity,units,posts,duties,power_items,arbiter_post_id,explanation,explanation_en");
        for (var f : findings) {
            out.println(String.join(",", cell(f.id()), cell(f.kind().code()), cell(f.severity().name().toLowerCase()),
                    cell(String.join(";", f.units())), cell(String.join(";", f.posts())), cell(String.join(";", f.duties())),
                    cell(String.join(";", f.powerItems())), cell(f.arbiterPostId()), cell(f.explanationZh()),
                    cell(f.explanationEn())));
        }
    }

    private static String cell(String value) {
        if (value == null) return "";
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
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
                out.println("| " + f.id() + " | " + f.severity().name().toLowerCase() + " | " + String.join(", ", f.units())
                        + " | " + (f.arbiterPostId() == null ? "" : f.arbiterPostId()) + " | " + f.explanationZh().replace("|", "\\|") + " |");
            }
        }
    }

    private static void deleteQuietly(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception ignored) {
            // a temp directory left behind is harmless
        }
    }
}
