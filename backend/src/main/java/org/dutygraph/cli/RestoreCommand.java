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
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Restores a backup made by 'backup' into the configured embedded store and evidence directory, which",
            "must not exist yet or be empty (restore into new directories; nothing is overwritten). Checks that the",
            "restored graph holds as many nodes and relationships as the backup's manifest says. Copies the pepper",
            "file back when the backup holds one and no pepper is set."
        },
        footer = {"", "Exit status: 0 restored, 1 failed (a store already there, a damaged backup), 2 usage."})
final class RestoreCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<directory>", description = "a directory written by 'backup'")
    private Path directory;

    @Parameters(
            index = "1..*",
            paramLabel = SpringSettings.LABEL,
            converter = SpringSettings.Converter.class,
            description = "Spring settings, e.g. --dutygraph.embedded.data-directory=/srv/dutygraph/neo4j")
    private List<String> settings = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        var where = StoreSettings.resolve(settings);
        if (where.serverConfigured()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "spring.neo4j.uri is set: restore a Neo4j server or cluster with neo4j-admin (infra/neo4j-cluster)");
        }
        var manifest = BackupFiles.readManifest(directory);
        var err = spec.commandLine().getErr();
        if (Files.exists(where.evidence()) && !BackupFiles.isEmptyDirectory(where.evidence())) {
            err.println("Failed: the evidence directory " + where.evidence() + " is not empty");
            return 1;
        }
        var restoresPepper = manifest.pepper() && where.pepperFile() != null;
        if (restoresPepper && Files.exists(where.pepperFile())) {
            err.println("Failed: a pepper file already exists at " + where.pepperFile());
            return 1;
        }
        var counts = EmbeddedDumpStore.load(directory.resolve(BackupFiles.DUMP), where.store());
        if (!counts.equals(manifest.counts())) {
            err.println("Failed: the restored graph holds " + counts + ", the backup " + manifest.counts());
            return 1;
        }
        var evidence = BackupFiles.copyTree(directory.resolve(BackupFiles.EVIDENCE), where.evidence());
        if (restoresPepper) {
            BackupFiles.copySecret(directory.resolve(BackupFiles.PEPPER), where.pepperFile());
        }
        spec.commandLine()
                .getOut()
                .println("Restored " + counts.nodes() + " nodes, " + counts.relationships() + " relationships and "
                        + evidence + " evidence files into " + where.store());
        return 0;
    }
}
