package org.dutygraph.inspections;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dutygraph.inspections.Checklists.Item;
import org.dutygraph.inspections.InspectionViews.AssignmentView;
import org.dutygraph.inspections.InspectionViews.EvidenceView;
import org.dutygraph.inspections.InspectionViews.FindingView;
import org.dutygraph.inspections.InspectionViews.PlanView;
import org.dutygraph.inspections.InspectionViews.RectificationView;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inspection nodes converted to views, once, at the stores' boundary; checklists, answers and evidence metadata are
 * stored as JSON text.
 */
final class InspectionRows {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private InspectionRows() {
    }

    static String json(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    static List<Item> items(String json) {
        return JSON.readValue(json, new TypeReference<List<Item>>() {
        });
    }

    static PlanView plan(Node n) {
        return new PlanView(str(n, "id"), str(n, "title"), str(n, "method"), str(n, "officeUnitId"),
                LocalDate.parse(str(n, "startsOn")), LocalDate.parse(str(n, "endsOn")), n.get("samplingRatio").asDouble(),
                n.get("inspectorsPerVisit").asInt(), str(n, "status"), n.get("scopeUnitIds").asList(Value::asString),
                items(str(n, "checklist")), str(n, "createdBy"),
                n.get("managers").asList(Value::asString), TimeKeys.utc(n.get("createdAt").asLong()), str(n, "key"));
    }

    /** Assignments drawn before checklists had ids name their plan's own (the version is always the items' hash). */
    static AssignmentView assignment(Node n) {
        var checklist = items(str(n, "checklist"));
        var checklistId = str(n, "checklistId") == null ? Checklists.idOf(null, str(n, "planId")) : str(n, "checklistId");
        return new AssignmentView(str(n, "id"), str(n, "kind"), str(n, "status"), str(n, "planId"), str(n, "method"),
                str(n, "targetUnitId"), n.get("inspectors").asList(Value::asString), LocalDate.parse(str(n, "dueFrom")),
                LocalDate.parse(str(n, "dueBy")), checklist, checklistId, Checklists.version(checklist),
                str(n, "rectificationId"), str(n, "key"));
    }

    static FindingView finding(Node n) {
        return new FindingView(str(n, "id"), str(n, "clientId"), str(n, "planId"), str(n, "assignmentId"),
                str(n, "targetUnitId"), str(n, "normCode"), str(n, "description"), utc(n, "observedAt"), utc(n, "receivedAt"),
                str(n, "recordedBy"), str(n, "postId"), str(n, "badgeNumber"), str(n, "status"), str(n, "reviewReason"),
                str(n, "reviewedBy"), str(n, "key"), false);
    }

    static EvidenceView evidence(Node n) {
        var metadata = str(n, "metadata");
        return new EvidenceView(str(n, "id"), str(n, "clientId"), str(n, "kind"), str(n, "sha256"),
                n.get("sizeBytes").isNull() ? null : n.get("sizeBytes").asLong(), str(n, "mimeType"), utc(n, "capturedAt"),
                utc(n, "receivedAt"), metadata == null ? null : JSON.readValue(metadata, Object.class), str(n, "text"),
                "NOTE".equals(str(n, "kind")) || !n.get("uploadedAt").isNull());
    }

    static RectificationView rectification(Node n, LocalDate today) {
        var rectifyBy = LocalDate.parse(str(n, "rectifyBy"));
        var status = str(n, "status");
        return new RectificationView(str(n, "id"), str(n, "findingId"), str(n, "planId"), str(n, "unitId"), status,
                rectifyBy, status.equals("ORDERED") && today.isAfter(rectifyBy), str(n, "response"), utc(n, "respondedAt"),
                str(n, "returnVisitId"), str(n, "returnVisitNote"), utc(n, "closedAt"), str(n, "key"));
    }

    static String str(Node n, String key) {
        var v = n.get(key);
        return v.isNull() ? null : v.asString();
    }

    private static java.time.OffsetDateTime utc(Node n, String key) {
        var v = n.get(key);
        return v.isNull() ? null : TimeKeys.utc(v.asLong());
    }

    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }
}
