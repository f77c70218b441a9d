package org.dutygraph.platform.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The store's directory is readable by its owner only: Neo4j writes its files world-readable, and they hold
 * password hashes, complaints and contact details, which the Bolt password alone would not protect from other
 * local users.
 */
final class OwnerOnly {

    private OwnerOnly() {}

    static void directory(Path directory) {
        try {
            Files.createDirectories(directory);
            if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict the store directory " + directory, e);
        }
    }
}
