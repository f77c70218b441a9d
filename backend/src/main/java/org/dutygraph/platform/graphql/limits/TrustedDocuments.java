package org.dutygraph.platform.graphql.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The app's own operations (mobile-contracts {@code operations/}), by their text and by the SHA-256 of it as the
 * app sends it (what Apollo's persisted-query manifests key on). Anonymous callers in prod run only these.
 */
@Component
public class TrustedDocuments {

    private final Map<String, String> byHash = new HashMap<>();

    TrustedDocuments() {
        try {
            for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:operations/**/*.graphql")) {
                var text = resource.getContentAsString(StandardCharsets.UTF_8);
                byHash.put(sha256(text), text);
                byHash.put(sha256(text.strip()), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this text is one of the app's operations (surrounding whitespace aside). */
    public boolean trusted(String document) {
        return document != null && byHash.containsKey(sha256(document.strip()));
    }

    public Optional<String> byHash(String sha256) {
        return Optional.ofNullable(sha256 == null ? null : byHash.get(sha256));
    }

    public int size() {
        return (int) byHash.values().stream().distinct().count();
    }

    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
