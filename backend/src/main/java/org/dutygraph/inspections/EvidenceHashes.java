package org.dutygraph.inspections;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Evidence hashes and the files they name. A hash comes from the phone, so it is checked again here, at the
 * only place a path is built from it, whatever the sync checks let through before (or stored earlier).
 */
final class EvidenceHashes {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private EvidenceHashes() {}

    static boolean valid(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }

    /** The file of a valid hash inside {@code directory}; refuses anything else. */
    static Path file(Path directory, String sha256) {
        if (!valid(sha256)) {
            throw new IllegalArgumentException("Not a SHA-256 in lower-case hex");
        }
        var root = directory.toAbsolutePath().normalize();
        var file = root.resolve(sha256.substring(0, 2)).resolve(sha256).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("Evidence path outside the evidence directory");
        }
        return file;
    }
}
