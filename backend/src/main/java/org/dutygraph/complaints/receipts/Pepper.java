package org.dutygraph.complaints.receipts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server secret that keys receipt hashes and seals. It lives outside the database (a setting or a
 * file), so that a dump of the graph alone reveals no receipt.
 */
public final class Pepper {

    private final byte[] key;

    private Pepper(byte[] key) {
        if (key.length < 32) {
            throw new IllegalStateException("The complaint pepper must be at least 32 bytes");
        }
        this.key = key.clone();
    }

    public static Pepper of(byte[] key) {
        return new Pepper(key);
    }

    /** From base64 when given, else from the file, which is created with a random pepper if missing. */
    public static Pepper load(String base64, String file) {
        if (base64 != null && !base64.isBlank()) {
            return new Pepper(Base64.getDecoder().decode(base64.trim()));
        }
        var path = Path.of(file);
        try {
            if (Files.notExists(path)) {
                var bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                if (path.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(path.toAbsolutePath().getParent());
                }
                Files.writeString(path, Base64.getEncoder().encodeToString(bytes));
                try {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // best effort on file systems without POSIX permissions
                }
            }
            return new Pepper(Base64.getDecoder().decode(Files.readString(path).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the complaint pepper at " + path, e);
        }
    }

    byte[] key() {
        return key.clone();
    }
}
