package org.dutygraph.cli;

import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dutygraph.org.bundle.BundleExportStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Writes the configured database (the embedded store by default) as an org-bundle/1 file.",
        footer = {"", "Exit status: 0 exported, 1 failed, 2 unknown option."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<bundle.json>", description = "the file to write (replaced if it exists)")
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
        try (var context = CommandApplication.start(List.of(), settings, List.of());
                var stream = new BufferedOutputStream(Files.newOutputStream(bundle), 1 << 20)) {
            context.getBean(BundleExportStore.class).export(stream, "dutygraph export");
        }
        spec.commandLine().getOut().println("Exported to " + bundle);
        return 0;
    }
}
