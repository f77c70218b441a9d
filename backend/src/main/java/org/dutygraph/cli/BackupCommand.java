package org.dutygraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dutygraph.platform.neo4j.EmbeddedDumpStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Backs up the embedded store into a new directory: the graph as a Neo4j dump (neo4j.dump, loadable by",
            "neo4j-admin too), the evidence files (evidence/), the complaint pepper when it is kept in a file",
            "(complaint-pepper.key) and a manifest (backup.properties). Stop the service first: the copy is consistent",
            "because nothing writes while it is made (a short pause; Neo4j community has no online backup).",
            "A pepper given as a setting (the prod secret) is not copied: keep it with the backup yourself, or every",
            "receipt citizens hold stops working after a restore. Servers and clusters: neo4j-admin (infra/)."
        },
        footer = {"", "Exit status: 0 backed up, 1 failed (the store in use, the directory not empty), 2 usage."})
final class BackupCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<directory>", description = "where to write the backup (new or empty)")
    private Path directory;

    @Parameters(
            index = "1..*",
            paramLabel = SpringSettings.LABEL,
            converter = SpringSettings.Converter.class,
            description = "Spring settings, e.g. --spring.profiles.active=prod --dutygraph.embedded.data-directory=...")
    private List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        var where = StoreSettings.resolve(settings);
        if (where.serverConfigured()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "spring.neo4j.uri is set: back up a Neo4j server or cluster with neo4j-admin (infra/neo4j-cluster)");
        }
        if (Files.exists(directory) && !BackupFiles.isEmptyDirectory(directory)) {
            spec.commandLine().getErr().println("Failed: " + directory + " exists and is not empty");
            return 1;
        }
        Files.createDirectories(directory);
        var counts = EmbeddedDumpStore.dump(where.store(), directory.resolve(BackupFiles.DUMP));
        var evidence = BackupFiles.copyTree(where.evidence(), directory.resolve(BackupFiles.EVIDENCE));
        var pepper = where.pepperFile() != null && Files.isRegularFile(where.pepperFile());
        if (pepper) {
            BackupFiles.copySecret(where.pepperFile(), directory.resolve(BackupFiles.PEPPER));
        }
        BackupFiles.writeManifest(directory, counts, evidence, pepper);
        var out = spec.commandLine().getOut();
        out.println("Backed up " + counts.nodes() + " nodes, " + counts.relationships() + " relationships and "
                + evidence + " evidence files to " + directory);
        if (!pepper) {
            out.println("The complaint pepper is a setting, not a file: keep it with this backup (receipts need it).");
        }
        return 0;
    }
}
