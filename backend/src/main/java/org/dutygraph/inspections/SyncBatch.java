package org.dutygraph.inspections;

import java.time.OffsetDateTime;
import java.util.List;

/** What an inspector's phone uploads: a day (or any part of one) recorded offline, each item with its client id. */
public record SyncBatch(List<VisitIn> visits, List<FindingIn> findings, List<PatrolIn> patrols) {

    public SyncBatch {
        visits = visits == null ? List.of() : visits;
        findings = findings == null ? List.of() : findings;
        patrols = patrols == null ? List.of() : patrols;
    }

    public record AnswerIn(String code, String result, String note) {}

    public record VisitIn(
            String clientId,
            String assignmentId,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            Double latitude,
            Double longitude,
            Double accuracyMeters,
            List<AnswerIn> answers) {}

    public record EvidenceIn(
            String clientId,
            String kind,
            String sha256,
            Long sizeBytes,
            String mimeType,
            OffsetDateTime capturedAt,
            Object metadata,
            String text) {}

    public record FindingIn(
            String clientId,
            String visitClientId,
            String normCode,
            String description,
            OffsetDateTime observedAt,
            String postId,
            String badgeNumber,
            List<EvidenceIn> evidence) {

        public FindingIn {
            evidence = evidence == null ? List.of() : evidence;
        }
    }

    public record PatrolIn(String clientId, String hallId, OffsetDateTime at, String note) {}

    int size() {
        return visits.size()
                + findings.size()
                + patrols.size()
                + findings.stream().mapToInt(f -> f.evidence().size()).sum();
    }
}
