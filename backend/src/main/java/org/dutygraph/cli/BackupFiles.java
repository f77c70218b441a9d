package org.dutygraph.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.dutygraph.platform.neo4j.EmbeddedDumpStore;

/** The layout of a backup directory and its manifest. */
final class BackupFiles {

    static final String DUMP = "neo4j.dump";
    static final String EVIDENCE = "evidence";
    static final String PEPPER = "complaint-pepper.key";
    static final String MANIFEST = "backup.properties";

    record Manifest(EmbeddedDumpStore.Counts counts, long evidenceFiles, boolean pepper) {}

    private BackupFiles() {}

    static boolean isEmptyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Copies the files under {@code from} (absent: none) to {@code to}; answers how many. */
    static long copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        if (!Files.isDirectory(from)) {
            return 0;
        }
        long copied = 0;
        try (var files = Files.walk(from)) {
            for (var file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                var target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                copied++;
            }
        }
        return copied;
    }

    /** Copies a secret, readable by its owner only. */
    static void copySecret(Path from, Path to) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        Files.copy(from, to);
        try {
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL applies
        }
    }

    static void writeManifest(Path directory, EmbeddedDumpStore.Counts counts, long evidence, boolean pepper)
            throws IOException {
        var p = new Properties();
        p.setProperty("format", "dutygraph-backup/1");
        p.setProperty("nodes", Long.toString(counts.nodes()));
        p.setProperty("relationships", Long.toString(counts.relationships()));
        p.setProperty("evidenceFiles", Long.toString(evidence));
        p.setProperty("pepper", Boolean.toString(pepper));
        try (var out = Files.newBufferedWriter(directory.resolve(MANIFEST))) {
            p.store(out, "dutygraph backup: neo4j.dump (Neo4j 5.26 dump), evidence/, complaint-pepper.key if kept");
        }
    }

    static Manifest readManifest(Path directory) throws IOException {
        var file = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(file) || !Files.isRegularFile(directory.resolve(DUMP))) {
            throw new IOException(directory + " is not a backup (no " + MANIFEST + " and " + DUMP + ")");
        }
        var p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        if (!"dutygraph-backup/1".equals(p.getProperty("format"))) {
            throw new IOException(file + " is not a dutygraph-backup/1 manifest");
        }
        try {
            return new Manifest(
                    new EmbeddedDumpStore.Counts(
                            Long.parseLong(p.getProperty("nodes")), Long.parseLong(p.getProperty("relationships"))),
                    Long.parseLong(p.getProperty("evidenceFiles")),
                    Boolean.parseBoolean(p.getProperty("pepper")));
        } catch (NumberFormatException | NullPointerException e) {
            throw new IOException(file + " is damaged", e);
        }
    }
}
