package org.dutygraph.conflicts;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored finding with its triage state, as the API shows it. */
public record FindingView(
        String id,
        String kind,
        String severity,
        String status,
        boolean regression,
        boolean active,
        boolean stale,
        String reason,
        String triagedBy,
        String explanationZh,
        String explanationEn,
        List<String> evidence,
        List<org.dutygraph.conflicts.engine.Finding.RoleEvidence> roleEvidence,
        List<String> unitIds,
        List<String> postIds,
        List<String> dutyIds,
        List<String> powerItemIds,
        String arbiterPostId,
        OffsetDateTime firstSeenAt,
        OffsetDateTime lastSeenAt) {}
