package org.dutygraph.cli;

import java.io.BufferedInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dutygraph.conflicts.ConflictAnalysisService;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.org.bundle.BundleSource;
import org.dutygraph.org.bundle.ImportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Imports an org-bundle/1 file into the configured database (the embedded store by default), "
                    + "then runs the conflict analysis. Prints progress, and every problem of a rejected bundle."
        },
        footer = {"", "Exit status: 0 imported, 1 rejected (nothing stored) or failed, 2 unknown option."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<bundle.json>", description = "the bundle to import")
    private Path bundle;

    @Parameters(
            index = "1..*",
            paramLabel = SpringSettings.LABEL,
            converter = SpringSettings.Converter.class,
            description =
                    "Spring settings, e.g. --spring.neo4j.uri=bolt://db:7687 or --dutygraph.embedded.data-directory=...")
    private List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(bundle)) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + bundle);
        }
        var out = spec.commandLine().getOut();
        // the command runs the analysis itself, so that it ends before the context closes
        try (var context = CommandApplication.start(
                        List.of(), settings, List.of("--dutygraph.conflicts.analyze-after-import=false"));
                var in = new BufferedInputStream(Files.newInputStream(bundle), 1 << 20)) {
            var imports = context.getBean(BundleImportService.class);
            var started = System.nanoTime();
            var job = imports.submit(BundleSource.of(in), "command-line");
            ImportJob state;
            do {
                state = imports.await(job.id(), Duration.ofSeconds(10));
                out.printf("%s %s %d/%d%n", state.status(), state.phase(), state.written(), state.total());
            } while (!state.finished());
            if (state.status() == ImportJob.Status.REJECTED) {
                out.printf("Rejected: %d problems, nothing stored%n", state.problemCount());
                state.problems().forEach(p -> out.printf("  %s  %s  %s%n", p.path(), p.code(), p.message()));
                return 1;
            }
            if (state.status() == ImportJob.Status.FAILED) {
                out.println("Failed: " + state.failure());
                return 1;
            }
            out.printf("Imported %d entries in %.1f s%n", state.total(), (System.nanoTime() - started) / 1e9);
            var analysis = context.getBean(ConflictAnalysisService.class);
            var run = analysis.await(analysis.submit().id(), Duration.ofHours(1));
            out.printf(
                    "Conflict analysis %s: %s findings%n", run.status().name().toLowerCase(), run.findings());
            return 0;
        }
    }
}
