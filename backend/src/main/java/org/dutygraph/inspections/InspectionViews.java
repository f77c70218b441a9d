package org.dutygraph.inspections;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.dutygraph.inspections.Checklists.Item;

/** What the inspections API returns; times are UTC, dates are local dates of the service's zone. */
public final class InspectionViews {

    private InspectionViews() {}

    public record PlanView(
            String id,
            String title,
            String method,
            String officeUnitId,
            LocalDate startsOn,
            LocalDate endsOn,
            double samplingRatio,
            int inspectorsPerVisit,
            String status,
            List<String> scopeUnitIds,
            List<Item> checklist,
            String createdBy,
            List<String> managers,
            OffsetDateTime createdAt,
            String key) {}

    public record DrawExclusion(String targetId, String inspector, String reason) {}

    public record DrawView(
            String id,
            String planId,
            String seed,
            String algorithm,
            OffsetDateTime drawnAt,
            String drawnBy,
            List<String> candidateTargetIds,
            List<String> candidateInspectors,
            List<DrawExclusion> exclusions) {}

    public record DrawReplay(DrawView draw, boolean matches) {}

    public record AssignmentView(
            String id,
            String kind,
            String status,
            String planId,
            String method,
            String targetUnitId,
            List<String> inspectors,
            LocalDate dueFrom,
            LocalDate dueBy,
            List<Item> checklist,
            String checklistId,
            String checklistVersion,
            String rectificationId,
            String key) {}

    public record EvidenceView(
            String id,
            String clientId,
            String kind,
            String sha256,
            Long sizeBytes,
            String mimeType,
            OffsetDateTime capturedAt,
            OffsetDateTime receivedAt,
            Object metadata,
            String text,
            boolean uploaded) {
        // uploaded is true for a NOTE: it has no file, so nothing is pending

        /** Without the phone's own data (its client id, the file's metadata with GPS position and device). */
        public EvidenceView asSeenByInspectedUnit() {
            return new EvidenceView(
                    id, null, kind, sha256, sizeBytes, mimeType, capturedAt, receivedAt, null, text, uploaded);
        }
    }

    public record FindingView(
            String id,
            String clientId,
            String planId,
            String assignmentId,
            String targetUnitId,
            String normCode,
            String description,
            OffsetDateTime observedAt,
            OffsetDateTime receivedAt,
            String recordedBy,
            String postId,
            String badgeNumber,
            String status,
            String reviewReason,
            String reviewedBy,
            String key,
            boolean seenByInspectedUnit) {

        /**
         * What the inspected unit must know to rectify (what, where, when, against which post), never who inspected,
         * who reviewed, or how the visit was planned (plan, assignment, the phone's client id).
         */
        public FindingView asSeenByInspectedUnit() {
            return new FindingView(
                    id,
                    null,
                    null,
                    null,
                    targetUnitId,
                    normCode,
                    description,
                    observedAt,
                    receivedAt,
                    null,
                    postId,
                    badgeNumber,
                    status,
                    reviewReason,
                    null,
                    key,
                    true);
        }
    }

    public record RectificationView(
            String id,
            String findingId,
            String planId,
            String unitId,
            String status,
            LocalDate rectifyBy,
            boolean overdue,
            String response,
            OffsetDateTime respondedAt,
            String returnVisitId,
            String returnVisitNote,
            OffsetDateTime closedAt,
            String key) {

        /** Without the plan and the return visit's assignment: a return visit (回马枪) is unannounced. */
        public RectificationView asSeenByInspectedUnit() {
            return new RectificationView(
                    id,
                    findingId,
                    null,
                    unitId,
                    status,
                    rectifyBy,
                    overdue,
                    response,
                    respondedAt,
                    null,
                    returnVisitNote,
                    closedAt,
                    key);
        }
    }

    /** {@code receivedAt}: when the server first stored the item (a replay reports the stored time). */
    public record SyncedItem(String clientId, String id, String outcome, OffsetDateTime receivedAt) {}

    public record PatrolShortfall(String hallId, int patrols, int minimum) {

        /** Fewest patrols first, then by hall. */
        public String key() {
            return String.format("%05d:%s", patrols, hallId);
        }
    }

    public record AuditView(String username, String action, String subjectId, OffsetDateTime at, String key) {}
}
