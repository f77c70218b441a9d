package org.dutygraph.complaints;

import java.time.OffsetDateTime;
import java.util.List;

import org.dutygraph.complaints.routing.ComplaintTarget;

/** What the API shows of complaints. */
public final class ComplaintViews {

    private ComplaintViews() {
    }

    public record MessageView(String id, String author, String body, OffsetDateTime at) {
    }

    public record CitizenView(String number, String category, String status, OffsetDateTime receivedAt,
                              String handlingUnitName, String conclusion, String answer, List<MessageView> messages) {
    }

    public record StepView(String status, String by, String note, OffsetDateTime at) {
    }

    public record ContactView(String name, String phone) {
    }

    public record HandlerView(String id, String number, String category, String status, String description,
                              OffsetDateTime occurredAt, String place, String areaId, ComplaintTarget target,
                              ContactView contact, List<String> photoIds, String routedUnitId, String routing,
                              String findingId, List<String> suggestedUnitIds, String conclusion, boolean serious,
                              String answer, OffsetDateTime receivedAt, OffsetDateTime dueAt, boolean overdue,
                              int escalations, String key) {
    }

    public record AuditView(String username, String action, OffsetDateTime at, String key) {
    }

    public record StatsView(String unitId, int received, int closed, Double closureRate, int overdue) {
    }
}
