package org.dutygraph.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The commands of the backend jar. Each has its {@code --help}; exit status 0 done, 1 failed (a bundle rejected,
 * the database unreachable), 2 unknown command or option (usage on standard error).
 */
@Command(
        name = "java -jar backend.jar",
        mixinStandardHelpOptions = true,
        versionProvider = Commands.Version.class,
        subcommands = {
            ImportCommand.class,
            ExportCommand.class,
            GenerateCommand.class,
            AnalyzeCommand.class,
            CompareCommand.class,
            SuperviseCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            HelpCommand.class
        },
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Without a command, or with Spring settings only (" + SpringSettings.LABEL
                    + ", e.g. --spring.profiles.active=prod), serves GraphQL (see README)."
        },
        footer = {
            "",
            "Exit status: 0 done, 1 failed (e.g. a bundle rejected), 2 unknown command or option.",
            "The embedded store is used by one process at a time: stop the server first, or pass --spring.neo4j.uri=bolt://..."
        })
public final class Commands implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Runs a command line; returns its exit status. The result goes to {@code out}, usage errors and problems to {@code err}. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        var commandLine = new CommandLine(new Commands())
                .setUnmatchedOptionsArePositionalParams(true)
                .setOut(utf8(out))
                .setErr(utf8(err))
                .setParameterExceptionHandler(Commands::usageError)
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    if (e instanceof IOException || e instanceof UncheckedIOException) {
                        command.getErr().println("Failed: " + e.getMessage());
                    } else {
                        e.printStackTrace(command.getErr());
                    }
                    return CommandLine.ExitCode.SOFTWARE;
                });
        var status = commandLine.execute(args);
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return status;
    }

    /** The problem, picocli's suggestion for a mistyped name, and always the usage. */
    private static int usageError(ParameterException e, String[] args) {
        var command = e.getCommandLine();
        command.getErr().println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, command.getErr());
        command.usage(command.getErr());
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    private static PrintWriter utf8(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            var version = Commands.class.getPackage().getImplementationVersion();
            return new String[] {"dutygraph backend " + (version == null ? "(development)" : version)};
        }
    }
}
