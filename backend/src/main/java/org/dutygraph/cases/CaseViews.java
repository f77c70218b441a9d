package org.dutygraph.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Cases as the API shows them. Names and labels are those of the day of the act, stored with the case. */
public final class CaseViews {

    private CaseViews() {}

    /** Who is looking: decides what of a case they see. */
    public enum Audience {
        OFFICE,
        APPEAL_BOARD,
        LEADER,
        CONCERNED
    }

    /** Where the case came from: a link to the source (its id and reference), never a copy of it. */
    public record Source(String kind, String id, String reference, String channel) {}

    public record Named(String id, String name) {}

    public record SituationRef(
            int catalogueVersion,
            String code,
            String area,
            String wording,
            String measureFrom,
            String measureTo,
            boolean suspendFirst) {}

    public record ChainLink(String role, String postId, String postLabel, String personId, String personName) {}

    public record Decision(
            String measure, boolean inRange, String reason, String outOfRangeReason, OffsetDateTime decidedAt) {}

    public record Appeal(
            String grounds,
            OffsetDateTime submittedAt,
            String outcome,
            String measure,
            String reason,
            OffsetDateTime decidedAt) {}

    public record Step(
            String caseId, String action, String status, String by, OffsetDateTime at, String note, String key) {

        Step withoutActor() {
            return new Step(caseId, action, status, null, at, note, key);
        }
    }

    public record Statement(String caseId, String text, OffsetDateTime submittedAt, String key) {}

    public record CaseView(
            String id,
            String number,
            String status,
            Source source,
            String summary,
            Named unit,
            Named post,
            Named person,
            LocalDate actDate,
            SituationRef situation,
            List<ChainLink> chain,
            String openedBy,
            OffsetDateTime openedAt,
            OffsetDateTime suspendedAt,
            OffsetDateTime investigationDueAt,
            boolean investigationOverdue,
            Decision decision,
            OffsetDateTime notifiedAt,
            OffsetDateTime appealDueAt,
            Appeal appeal,
            OffsetDateTime executedAt,
            String executionNote,
            OffsetDateTime closedAt,
            String dismissReason,
            String key,
            List<String> jointRules,
            LocalDate unitMissedDeadline,
            boolean registered,
            Audience audience) {

        /** What this audience sees: only the office sees who opened the case and who took each step. */
        CaseView seenBy(Audience who) {
            return new CaseView(
                    id,
                    number,
                    status,
                    source,
                    summary,
                    unit,
                    post,
                    person,
                    actDate,
                    situation,
                    chain,
                    who == Audience.OFFICE ? openedBy : null,
                    openedAt,
                    suspendedAt,
                    investigationDueAt,
                    investigationOverdue,
                    decision,
                    notifiedAt,
                    appealDueAt,
                    appeal,
                    executedAt,
                    executionNote,
                    closedAt,
                    dismissReason,
                    key,
                    jointRules,
                    unitMissedDeadline,
                    registered,
                    who);
        }

        String personId() {
            return person == null ? null : person.id();
        }

        String unitId() {
            return unit == null ? null : unit.id();
        }
    }
}
