package org.dutygraph.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dutygraph.DutygraphApplication;
import org.dutygraph.conflicts.ConflictAnalysisService;
import org.dutygraph.org.bundle.BundleExportStore;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.org.bundle.BundleSource;
import org.dutygraph.org.bundle.ImportJob;
import org.dutygraph.org.generator.BundleGenerator;
import org.neo4j.driver.Driver;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Commands of the backend jar, besides serving:
 * <pre>
 *   import &lt;bundle.json&gt;         import into the configured database (embedded store by default)
 *   export &lt;bundle.json&gt;         export the configured database
 *   analyze &lt;bundle.json&gt; [--format json|csv|md]   print the conflicts of a bundle
 *   generate &lt;bundle.json&gt; [--units N --posts N --duties N --overlap-rate R --seed S]
 *   benchmark [--units N --posts N --duties N]   import and unit-page benchmark (see README)
 *   benchmark-push [--notifications N]   push outbox benchmark (see README)
 *   benchmark-complaints [--rate N --seconds N]   complaint submission benchmark (see README)
 *   benchmark-inspections [--days N --findings N]   inspector's day sync benchmark (see README)
 *   benchmark-appraisal [--staff N --units N]   a year of monthly appraisal recomputed (see README)
 * </pre>
 * Spring options such as {@code --spring.neo4j.uri=...} or {@code --dutygraph.embedded.data-directory=...} may follow.
 */
public final class CommandLine {

    private final PrintStream out;

    public CommandLine(PrintStream out) {
        this.out = out;
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && Arrays.asList("import", "export", "generate", "analyze", "benchmark", "benchmark-conflicts", "benchmark-push", "benchmark-complaints", "benchmark-inspections", "benchmark-appraisal", "help", "--help").contains(args[0]);
    }

    /** Runs a command; returns the process exit code. */
    public int run(String[] args) throws Exception {
        var command = args[0];
        if (command.equals("benchmark")) {
            return new ImportBenchmark(out).run(options(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (command.equals("benchmark-conflicts")) {
            return new ConflictBenchmark(out).run(options(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (command.equals("benchmark-push")) {
            return new PushBenchmark(out).run(options(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (command.equals("benchmark-complaints")) {
            return new ComplaintBenchmark(out).run(options(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (command.equals("benchmark-inspections")) {
            return new InspectionBenchmark(out).run(options(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (command.equals("benchmark-appraisal")) {
            return new AppraisalBenchmark(out).run(options(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (command.equals("help") || command.equals("--help") || args.length < 2) {
            out.println(usage());
            return command.startsWith("help") || command.equals("--help") ? 0 : 2;
        }
        var file = Path.of(args[1]);
        var rest = Arrays.copyOfRange(args, 2, args.length);
        if (command.equals("analyze")) {
            return new AnalyzeCommand(out, System.err).run(file, options(rest).getOrDefault("format", "json"));
        }
        return switch (command) {
            case "generate" -> generate(file, options(rest));
            case "import" -> withContext(rest, context -> importBundle(context, file));
            case "export" -> withContext(rest, context -> export(context, file));
            default -> 2;
        };
    }

    private int importBundle(ConfigurableApplicationContext context, Path file) throws IOException {
        var imports = context.getBean(BundleImportService.class);
        var started = System.nanoTime();
        try (var in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            var job = imports.submit(BundleSource.of(in), "command-line");
            ImportJob state;
            do {
                state = imports.await(job.id(), Duration.ofSeconds(10));
                out.printf("%s %s %d/%d%n", state.status(), state.phase(), state.written(), state.total());
            } while (!state.finished());
            var seconds = (System.nanoTime() - started) / 1e9;
            if (state.status() == ImportJob.Status.REJECTED) {
                out.printf("Rejected: %d problems, nothing stored%n", state.problemCount());
                state.problems().forEach(p -> out.printf("  %s  %s  %s%n", p.path(), p.code(), p.message()));
                return 1;
            }
            if (state.status() == ImportJob.Status.FAILED) {
                out.println("Failed: " + state.failure());
                return 1;
            }
            out.printf("Imported %d entries in %.1f s%n", state.total(), seconds);
            var analysis = context.getBean(ConflictAnalysisService.class);
            var run = analysis.await(analysis.submit().id(), Duration.ofHours(1));
            out.printf("Conflict analysis %s: %s findings%n", run.status().name().toLowerCase(), run.findings());
            return 0;
        }
    }

    private int export(ConfigurableApplicationContext context, Path file) throws IOException {
        try (var stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            context.getBean(BundleExportStore.class).export(stream, "dutygraph export");
        }
        out.println("Exported to " + file);
        return 0;
    }

    private int generate(Path file, Map<String, String> options) throws IOException {
        var parameters = new BundleGenerator.Parameters(
                Long.parseLong(options.getOrDefault("seed", "42")),
                Integer.parseInt(options.getOrDefault("units", "5000")),
                Integer.parseInt(options.getOrDefault("posts", "100000")),
                Integer.parseInt(options.getOrDefault("duties", "1000000")),
                Double.parseDouble(options.getOrDefault("overlap-rate", "0.01")));
        try (var stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            var planted = new BundleGenerator(parameters).write(stream);
            out.printf("Wrote %s: %s, %d planted overlaps%n", file, parameters, planted.size());
        }
        return 0;
    }

    private interface ContextCommand {
        int run(ConfigurableApplicationContext context) throws IOException;
    }

    private static int withContext(String[] springArgs, ContextCommand command) throws IOException {
        // The import command runs the analysis itself, so that it ends before the context closes.
        var args = new java.util.ArrayList<>(List.of("--dutygraph.demo.load=false", "--spring.main.banner-mode=off",
                "--dutygraph.conflicts.analyze-after-import=false"));
        args.addAll(List.of(springArgs));
        try (var context = new SpringApplicationBuilder(DutygraphApplication.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new))) {
            return command.run(context);
        }
    }

    static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected an option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static String usage() {
        return """
                dutygraph backend
                  java -jar backend.jar                      serve GraphQL (see README)
                  java -jar backend.jar import <bundle.json> import an org-bundle/1 file into the configured database
                  java -jar backend.jar export <bundle.json> export the configured database
                  java -jar backend.jar analyze <bundle.json> [--format json|csv|md]   conflicts of a bundle, on a throw-away store
                  java -jar backend.jar generate <bundle.json> [--units 5000 --posts 100000 --duties 1000000 --overlap-rate 0.01 --seed 42]
                  java -Xmx4g -jar backend.jar benchmark [same options]   import + unit page benchmark on a fresh store
                  java -Xmx4g -jar backend.jar benchmark-conflicts [same options]   conflict analysis benchmark
                  java -jar backend.jar benchmark-push [--notifications N --per-transaction N --fcm-latency-ms N]   push outbox benchmark
                  java -jar backend.jar benchmark-complaints [--rate N --seconds N]   anonymous complaint submissions
                  java -jar backend.jar benchmark-inspections [--days N --findings N]   an inspector's day synced in one batch
                  java -Xmx4g -jar backend.jar benchmark-appraisal [--staff N --units N]   a year of appraisal recomputed
                The embedded store can be used by one process at a time: stop the server first, or pass --spring.neo4j.uri=bolt://...""";
    }
}
