package org.dutygraph.conflicts.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One responsibility conflict with what makes it true. The id is derived from what the finding is
 * about (kind and key), not from when it was found, so a finding keeps its id across runs.
 *
 * @param evidence     paths in the graph, written as Cypher-like patterns over bundle ids
 * @param roleEvidence for a role conflict, what made each duty enforcement or oversight (empty otherwise)
 */
@org.springframework.modulith.NamedInterface("findings")
public record Finding(
        String id,
        Kind kind,
        Severity severity,
        List<String> units,
        List<String> posts,
        List<String> duties,
        List<String> powerItems,
        List<String> evidence,
        String explanationZh,
        String explanationEn,
        String arbiterPostId,
        List<RoleEvidence> roleEvidence) {

    public enum Side {
        ENFORCEMENT,
        OVERSIGHT
    }

    public enum Source {
        /** The duty's action concept, or a broader one, has a label containing the word. */
        ACTION_LABEL,
        /** The duty exercises a power item of an enforcing category (行政处罚, 行政强制, 行政检查 ...). */
        POWER_ITEM_CATEGORY,
        /** The duty's wording contains the word. */
        DUTY_TEXT,
        /** The duty has no coded object, and exercises the power item the other duty exercises. */
        SAME_POWER_ITEM,
        /** The duty has no coded object, and its wording names the other duty's object (or a broader one). */
        OBJECT_IN_TEXT
    }

    /**
     * One reason a duty counts as enforcement or as oversight of enforcement.
     *
     * @param subjectId the concept (ACTION_LABEL, OBJECT_IN_TEXT) or power item (POWER_ITEM_CATEGORY,
     *                  SAME_POWER_ITEM); null for DUTY_TEXT
     * @param matched   the word found, the power item's category, or its name (SAME_POWER_ITEM)
     */
    public record RoleEvidence(String dutyId, Side side, Source source, String subjectId, String matched) {}

    public enum Kind {
        OVERLAP,
        CANDIDATE_OVERLAP,
        GAP,
        MULTI_HEAD,
        ROLE_CONFLICT,
        FRAGMENTATION,
        LOAD;

        public String code() {
            return name().toLowerCase();
        }
    }

    public enum Severity {
        HIGH,
        MEDIUM,
        LOW
    }

    /** The finding as the analyze command prints it and the store receives it (snake_case keys). */
    public java.util.Map<String, Object> asRecord() {
        var row = new java.util.LinkedHashMap<String, Object>();
        row.put("id", id);
        row.put("kind", kind.code());
        row.put("severity", severity.name().toLowerCase());
        row.put("units", units);
        row.put("posts", posts);
        row.put("duties", duties);
        row.put("power_items", powerItems);
        row.put("arbiter_post_id", arbiterPostId);
        row.put("explanation", explanationZh);
        row.put("explanation_en", explanationEn);
        row.put("evidence", evidence);
        return row;
    }

    static String idOf(Kind kind, String key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind.code() + "|" + key).getBytes(StandardCharsets.UTF_8));
            return kind.code() + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
