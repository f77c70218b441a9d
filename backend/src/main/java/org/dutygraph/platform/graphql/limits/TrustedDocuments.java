package org.dutygraph.platform.graphql.limits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app's own operations, from the persisted-query manifests mobile-contracts' build publishes (Apollo's
 * {@code apollo-persisted-query-manifest} format): the current one and those of released app versions, which old
 * apps in citizens' hands still send. Keyed by the SHA-256 of each document as the app sends it.
 */
@Component
public class TrustedDocuments {

    static final String CURRENT = "classpath*:persisted-queries/manifest.json";
    static final String RELEASES = "classpath*:persisted-queries/releases/*.json";
    private static final Logger log = LoggerFactory.getLogger(TrustedDocuments.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> byHash = new HashMap<>();

    TrustedDocuments() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            var current = resolver.getResources(CURRENT);
            if (current.length == 0) {
                throw new IllegalStateException(
                        "No persisted-query manifest on the classpath (" + CURRENT + "): build mobile-contracts first");
            }
            for (var manifest : current) {
                load(manifest);
            }
            for (var release : resolver.getResources(RELEASES)) {
                load(release);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("{} trusted documents from the persisted-query manifests", size());
    }

    private void load(Resource manifest) throws IOException {
        var root = JSON.readTree(manifest.getContentAsString(StandardCharsets.UTF_8));
        if (!"apollo-persisted-query-manifest".equals(root.path("format").asString(null))) {
            throw new IllegalStateException(manifest + " is not an apollo-persisted-query-manifest");
        }
        for (var operation : root.path("operations")) {
            var body = operation.path("body").asString();
            var id = operation.path("id").asString();
            if (!sha256(body).equals(id)) {
                throw new IllegalStateException(manifest + ": the id of "
                        + operation.path("name").asString() + " is not the SHA-256 of its body");
            }
            byHash.put(id, body);
        }
    }

    /** Whether this text is one of the app's operations (surrounding whitespace aside). */
    public boolean trusted(String document) {
        return document != null
                && (byHash.containsKey(sha256(document)) || byHash.containsKey(sha256(document.strip())));
    }

    /** Whether a persisted-query id names one of the app's operations. */
    public boolean known(String sha256) {
        return sha256 != null && byHash.containsKey(sha256);
    }

    public Optional<String> byHash(String sha256) {
        return Optional.ofNullable(sha256 == null ? null : byHash.get(sha256));
    }

    public Map<String, String> all() {
        return Map.copyOf(byHash);
    }

    public int size() {
        return byHash.size();
    }

    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
