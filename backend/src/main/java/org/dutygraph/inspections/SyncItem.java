package org.dutygraph.inspections;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One item of an inspector's sync, to store once: keyed by the inspector and the phone's client id
 * ({@code clientKey}), with the hash of its content, so that a replay finds the stored item and a client id sent
 * again with other content is told apart. {@code id} is used only if the item is new; {@code path} names the
 * item's client id in the input.
 */
record SyncItem<C extends SyncItem.Content>(
        C content, String clientKey, String id, String contentHash, long receivedAt, List<String> path) {

    /** Keys in order, so that equal content always hashes alike. */
    static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** What the phone recorded: stored as the node's properties and hashed. */
    sealed interface Content permits Visit, Finding, Evidence, Patrol {

        String clientId();

        /** The properties by name, absent ones null; the hash covers exactly these (changing them breaks replays). */
        SortedMap<String, Object> properties();
    }

    record Visit(
            String clientId,
            String assignmentId,
            String planId,
            String targetUnitId,
            Long startedAt,
            Long endedAt,
            Double latitude,
            Double longitude,
            Double accuracyMeters,
            String answers)
            implements Content {

        @Override
        public SortedMap<String, Object> properties() {
            var p = new TreeMap<String, Object>();
            p.put("clientId", clientId);
            p.put("assignmentId", assignmentId);
            p.put("planId", planId);
            p.put("targetUnitId", targetUnitId);
            p.put("startedAt", startedAt);
            p.put("endedAt", endedAt);
            p.put("latitude", latitude);
            p.put("longitude", longitude);
            p.put("accuracyMeters", accuracyMeters);
            p.put("answers", answers);
            return p;
        }
    }

    record Finding(
            String clientId,
            String visitClientId,
            String assignmentId,
            String planId,
            String targetUnitId,
            String normCode,
            String description,
            Long observedAt,
            String postId,
            String badgeNumber)
            implements Content {

        @Override
        public SortedMap<String, Object> properties() {
            var p = new TreeMap<String, Object>();
            p.put("clientId", clientId);
            p.put("visitClientId", visitClientId);
            p.put("assignmentId", assignmentId);
            p.put("planId", planId);
            p.put("targetUnitId", targetUnitId);
            p.put("normCode", normCode);
            p.put("description", description);
            p.put("observedAt", observedAt);
            p.put("postId", postId);
            p.put("badgeNumber", badgeNumber);
            return p;
        }
    }

    /** {@code metadata}: the file's own metadata as canonical JSON. */
    record Evidence(
            String clientId,
            String findingClientKey,
            String kind,
            String sha256,
            Long sizeBytes,
            String mimeType,
            Long capturedAt,
            String metadata,
            String text)
            implements Content {

        @Override
        public SortedMap<String, Object> properties() {
            var p = new TreeMap<String, Object>();
            p.put("clientId", clientId);
            p.put("findingClientKey", findingClientKey);
            p.put("kind", kind);
            p.put("sha256", sha256);
            p.put("sizeBytes", sizeBytes);
            p.put("mimeType", mimeType);
            p.put("capturedAt", capturedAt);
            p.put("metadata", metadata);
            p.put("text", text);
            return p;
        }
    }

    /** {@code day}: the local day of {@code at} in the service's zone. */
    record Patrol(String clientId, String hallId, Long at, String day, String note) implements Content {

        @Override
        public SortedMap<String, Object> properties() {
            var p = new TreeMap<String, Object>();
            p.put("clientId", clientId);
            p.put("hallId", hallId);
            p.put("at", at);
            p.put("day", day);
            p.put("note", note);
            return p;
        }
    }

    /** @param kind names the kind of item in its client key ({@code visit}, {@code finding}, ...) */
    static <C extends Content> SyncItem<C> of(String inspector, String kind, C content, long now, String... path) {
        var fieldPath = new ArrayList<>(List.of(path));
        fieldPath.add("clientId");
        return new SyncItem<>(
                content,
                clientKey(inspector, kind, content.clientId()),
                UUID.randomUUID().toString(),
                hash(content),
                now,
                List.copyOf(fieldPath));
    }

    static String clientKey(String inspector, String kind, String clientId) {
        return inspector + "/" + kind + "/" + clientId;
    }

    String clientId() {
        return content.clientId();
    }

    private static String hash(Content content) {
        try {
            var json = CANONICAL.writeValueAsString(content.properties()).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
