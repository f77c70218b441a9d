package org.dutygraph.supervision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks a system's HTTP Basic credentials against {@code dutygraph.supervision.systems} (id and the SHA-256 of its
 * secret): the secret itself is never configured or stored. Unknown ids cost the same hash and comparison.
 */
@Component
public class SystemCredentials {

    private static final byte[] NOBODY = new byte[32];

    private final SupervisionSettings settings;

    SystemCredentials(SupervisionSettings settings) {
        this.settings = settings;
    }

    /** The system id, when the header carries a configured system's id and secret. */
    public Optional<String> system(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) return Optional.empty();
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) return Optional.empty();
        var id = decoded.substring(0, colon);
        var given = sha256(decoded.substring(colon + 1));
        var system = settings.systems().stream().filter(s -> id.equals(s.id())).findFirst();
        var expected = system.map(s -> parse(s.secretSha256())).orElse(NOBODY);
        boolean match = MessageDigest.isEqual(given, expected);
        return system.isPresent() && match ? Optional.of(id) : Optional.empty();
    }

    private static byte[] parse(String hex) {
        try {
            return HexFormat.of().parseHex(hex.trim());
        } catch (RuntimeException e) {
            return NOBODY;
        }
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
