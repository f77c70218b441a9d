package org.dutygraph.complaints;

import java.time.OffsetDateTime;
import java.util.List;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.dutygraph.platform.i18n.Text;

/** What the API shows of complaints. */
public final class ComplaintViews {

    private ComplaintViews() {}

    public record MessageView(String id, String author, String body, OffsetDateTime at) {}

    /**
     * What the citizen sees of their case. {@code id} and {@code routedUnitId} are for resolving the other fields,
     * never shown; {@code conclusion} and {@code answer} are the current round's (null after a reopen until given again).
     */
    public record CitizenView(
            String id,
            String number,
            String category,
            String status,
            OffsetDateTime receivedAt,
            String handlingUnitName,
            String routedUnitId,
            String description,
            String place,
            List<String> photoIds,
            OffsetDateTime dueAt,
            String conclusion,
            String answer,
            List<MessageView> messages) {}

    /** A step of the case as the citizen sees it: a change of status, when. */
    public record TimelineStep(String status, OffsetDateTime at) {}

    /** An earlier round's outcome, replaced when the case was reopened. */
    public record SupersededOutcome(
            String conclusion,
            OffsetDateTime concludedAt,
            String answer,
            OffsetDateTime answeredAt,
            OffsetDateTime supersededAt) {}

    /** The handling unit as the citizen sees it: names only. */
    public record CitizenUnit(String name, String parentName) {

        /** Parent and unit, a space between: "发展和改革委员会 办公室" (many units are called 办公室). */
        public String fullName() {
            return parentName == null ? name : parentName + " " + name;
        }
    }

    /** A photo the citizen attached, with a link that works without an account until {@code urlExpiresAt}. */
    public record PhotoLink(String id, String url, OffsetDateTime urlExpiresAt) {}

    /** A step of a case; the note is a handler's words, or the system's in the reader's language. */
    public record StepView(String status, String by, Text note, OffsetDateTime at) {}

    public record ContactView(String name, String phone) {}

    public record HandlerView(
            String id,
            String number,
            String category,
            String status,
            String description,
            OffsetDateTime occurredAt,
            String place,
            String areaId,
            ComplaintTarget target,
            ContactView contact,
            List<String> photoIds,
            String routedUnitId,
            Text routing,
            String findingId,
            List<String> suggestedUnitIds,
            String conclusion,
            boolean serious,
            String answer,
            OffsetDateTime receivedAt,
            OffsetDateTime dueAt,
            boolean overdue,
            int escalations,
            String key) {}

    public record AuditView(String username, String action, OffsetDateTime at, String key) {}

    public record StatsView(String unitId, int received, int closed, Double closureRate, int overdue) {}
}
