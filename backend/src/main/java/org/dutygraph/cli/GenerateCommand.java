package org.dutygraph.cli;

import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dutygraph.org.generator.BundleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = "Writes a generated org-bundle/1 file with planted overlaps (for tests and benchmarks); "
                + "no database is opened.",
        footer = {"", "Exit status: 0 written, 1 failed, 2 unknown option."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<bundle.json>", description = "the file to write (replaced if it exists)")
    private Path bundle;

    @Option(names = "--units", defaultValue = "5000", description = "organisations")
    private int units;

    @Option(names = "--posts", defaultValue = "100000")
    private int posts;

    @Option(names = "--duties", defaultValue = "1000000")
    private int duties;

    @Option(names = "--overlap-rate", defaultValue = "0.01", description = "share of duties planted as overlaps")
    private double overlapRate;

    @Option(names = "--seed", defaultValue = "42", description = "the same seed writes the same bundle")
    private long seed;

    @Override
    public Integer call() throws Exception {
        var parameters = new BundleGenerator.Parameters(seed, units, posts, duties, overlapRate);
        try (var stream = new BufferedOutputStream(Files.newOutputStream(bundle), 1 << 20)) {
            var planted = new BundleGenerator(parameters).write(stream);
            spec.commandLine()
                    .getOut()
                    .printf("Wrote %s: %s, %d planted overlaps%n", bundle, parameters, planted.size());
        }
        return 0;
    }
}
