package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the phone app needs and was missing: checklists by reference, an order opened from its push, honest sync answers. */
class InspectorAppApiTest extends InspectionTestSupport {

    private static final String CHECKLIST = """
            query($id: ID!, $version: String!) { checklist(id: $id, version: $version) { id version items { code norm question } } }""";

    @Test
    void assignmentsNameTheirChecklistByIdAndVersion_andTheChecklistIsFetchedOnce_onlyByThoseWhoMayUseIt() {
        var assignment = drawnPlan(List.of("iedu")).path("assignments").path(0);
        var inspector = inspectorOf(assignment);
        var mine = as(inspector)
                .post("""
                query($id: ID!) { assignment(id: $id) { checklistId checklistVersion checklist { code norm question } } }""", Map.of("id", assignment.path("id").asString()))
                .ok()
                .path("assignment");
        assertThat(mine.path("checklistId").asString()).isEqualTo("service-hall");
        var version = mine.path("checklistVersion").asString();
        assertThat(version).isNotBlank();
        var listed = as(inspector)
                .post("{ myAssignments(first: 500) { edges { node { id checklistId checklistVersion } } } }")
                .ok()
                .path("myAssignments")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n ->
                        n.path("id").asString().equals(assignment.path("id").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(listed.path("checklistVersion").asString()).isEqualTo(version);

        var checklist = as(inspector)
                .post(CHECKLIST, Map.of("id", "service-hall", "version", version))
                .ok()
                .path("checklist");
        assertThat(checklist.path("version").asString()).isEqualTo(version);
        assertThat(checklist.path("items")).isEqualTo(mine.path("checklist"));
        assertThat(as(inspector)
                        .post(CHECKLIST, Map.of("id", "service-hall", "version", "0000000000000000"))
                        .ok()
                        .path("checklist")
                        .isNull())
                .isTrue();

        // a plan's own items: its inspectors and managers may fetch them, other inspectors learn nothing
        var input = new HashMap<>(plan(List.of("iedu"), 1.0));
        input.remove("checklistTemplateId");
        input.put("checklist", List.of(Map.of("code", "SEAL_USE", "norm", "印章管理", "question", "公章使用是否登记？")));
        var own = createPlan(input).path("plan");
        var drawn = draw(own.path("id").asString(), "seed-" + UUID.randomUUID())
                .path("plan")
                .path("assignments")
                .path(0);
        var ownRef = as(inspectorOf(drawn))
                .post("""
                query($id: ID!) { assignment(id: $id) { checklistId checklistVersion } }""", Map.of("id", drawn.path("id").asString()))
                .ok()
                .path("assignment");
        assertThat(ownRef.path("checklistId").asString())
                .isEqualTo("plan-" + own.path("id").asString());
        var ref = Map.<String, Object>of(
                "id",
                ownRef.path("checklistId").asString(),
                "version",
                ownRef.path("checklistVersion").asString());
        assertThat(as(inspectorOf(drawn))
                        .post(CHECKLIST, ref)
                        .ok()
                        .path("checklist")
                        .path("items")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("SEAL_USE");
        assertThat(as("eff-manager").post(CHECKLIST, ref).ok().path("checklist").isNull())
                .isFalse();
        var outsider = POOL.stream()
                .filter(i -> !texts(drawn.path("inspectors")).contains(i))
                .findFirst()
                .orElseThrow();
        assertThat(as(outsider).post(CHECKLIST, ref).ok().path("checklist").isNull())
                .isTrue();
        assertThat(as("iedu-staff").post(CHECKLIST, ref).firstErrorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aRectificationPushOpensTheOrder_wholeForItsManagers_withoutThePlanForTheUnit_andSubjectsHaveOneSpelling() {
        var recorded = recordedFinding("iedu", Map.of());
        var order = review(
                        "eff-chief",
                        Map.of(
                                "id",
                                recorded[0],
                                "decision",
                                "CONFIRM",
                                "rectifyBy",
                                today().plusDays(10).toString()))
                .path("finding")
                .path("rectification");
        var orderId = order.path("id").asString();
        var query = """
                query($id: ID!) { rectification(id: $id) { id findingId status rectifyBy overdue returnVisitId unit { id } } }""";

        var asManager = as("eff-chief").post(query, Map.of("id", orderId)).ok().path("rectification");
        assertThat(asManager.path("returnVisitId").asString())
                .isEqualTo(order.path("returnVisitId").asString());
        for (var staff : List.of("iedu-staff", "igov-staff")) {
            var seen = as(staff).post(query, Map.of("id", orderId)).ok().path("rectification");
            assertThat(seen.path("id").asString()).as(staff).isEqualTo(orderId);
            assertThat(seen.path("findingId").asString()).isEqualTo(recorded[0]);
            assertThat(seen.path("unit").path("id").asString()).isEqualTo("iedu");
            assertThat(seen.path("returnVisitId").isNull())
                    .as(staff + " must not learn of the return visit")
                    .isTrue();
        }
        for (var outsider : List.of("imkt-staff", "tax-office-chief", recorded[1])) {
            assertThat(as(outsider)
                            .post(query, Map.of("id", orderId))
                            .ok()
                            .path("rectification")
                            .isNull())
                    .as(outsider)
                    .isTrue();
        }
        assertThat(as("analyst").post(query, Map.of("id", orderId)).firstErrorCode())
                .isEqualTo("FORBIDDEN");
        var planId = as("eff-chief")
                .post("query($id: ID!) { inspectionFinding(id: $id) { planId } }", Map.of("id", recorded[0]))
                .ok()
                .path("inspectionFinding")
                .path("planId")
                .asString();
        assertThat(as("eff-chief")
                        .post(
                                "query($id: ID!) { inspectionAudit(planId: $id, first: 500) { edges { node { username action } } } }",
                                Map.of("id", planId))
                        .ok()
                        .path("inspectionAudit")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("username").asString() + ":"
                                + e.path("node").path("action").asString()))
                .contains("iedu-staff:read-rectification");

        // the push's subject, in one spelling, also for what was stored in the old one
        var pushed = notificationAbout("iedu-staff", "RECTIFICATION_ORDERED", orderId);
        assertThat(pushed.path("subjectKind").asString()).isEqualTo("RECTIFICATION");
        assertThat(pushed.path("subjectType").asString()).isEqualTo("RECTIFICATION");
        var scheduled = notificationAbout(
                recorded[1],
                "RETURN_VISIT_SCHEDULED",
                order.path("returnVisitId").asString());
        assertThat(scheduled.path("subjectKind").asString()).isEqualTo("ASSIGNMENT");
        try (var session = driver.session()) {
            session.run(
                            "MATCH (n:Notification {id: $id}) SET n.subjectType = 'Rectification'",
                            Map.of("id", pushed.path("id").asString()))
                    .consume();
        }
        var old = notificationAbout("iedu-staff", "RECTIFICATION_ORDERED", orderId);
        assertThat(old.path("subjectKind").asString()).isEqualTo("RECTIFICATION");
        assertThat(old.path("subjectType").asString()).isEqualTo("RECTIFICATION");
    }

    private JsonNode notificationAbout(String username, String kind, String subjectId) {
        return as(username)
                .post("{ inbox(first: 200) { edges { node { id kind subjectType subjectKind subjectId } } } }")
                .ok()
                .path("inbox")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("kind").asString().equals(kind)
                        && n.path("subjectId").asString().equals(subjectId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " about " + subjectId + " for " + username));
    }

    @Test
    void aNoteHasNothingToUpload_andAReplayedSyncReportsWhenItWasFirstReceived() throws Exception {
        var assignment = drawnPlan(List.of("iedu-xk")).path("assignments").path(0);
        var inspector = inspectorOf(assignment);
        var day = UUID.randomUUID().toString();
        var input = Map.<String, Object>of(
                "visits",
                List.of(visit(day + "-v", assignment.path("id").asString())),
                "findings",
                List.of(finding(day + "-f", day + "-v", "b".repeat(64))));
        var first = sync(inspector, input);
        assertThat(first.path("errors").isEmpty()).as(first.toString()).isTrue();
        clock.advance(java.time.Duration.ofMinutes(5));
        var replay = sync(inspector, input);
        assertThat(replay.path("findings").path(0).path("outcome").asString()).isEqualTo("ALREADY_SYNCED");
        assertThat(replay.path("receivedAt").asString())
                .isEqualTo(first.path("receivedAt").asString());
        var items = as(inspector).post("""
                mutation($input: SyncInspectorDayInput!) { syncInspectorDay(input: $input) {
                  findings { receivedAt } evidence { receivedAt } } }""", Map.of("input", input)).ok().path("syncInspectorDay");
        assertThat(items.path("findings").path(0).path("receivedAt").asString())
                .isEqualTo(first.path("receivedAt").asString());
        assertThat(items.path("evidence").path(1).path("receivedAt").asString())
                .isEqualTo(first.path("receivedAt").asString());

        var evidence = as(inspector)
                .post(
                        "query($id: ID!) { inspectionFinding(id: $id) { evidence { kind uploaded } } }",
                        Map.of("id", first.path("findings").path(0).path("id").asString()))
                .ok()
                .path("inspectionFinding")
                .path("evidence");
        var uploaded = new HashMap<String, Boolean>();
        evidence.forEach(
                e -> uploaded.put(e.path("kind").asString(), e.path("uploaded").asBoolean()));
        assertThat(uploaded).containsEntry("NOTE", true).containsEntry("PHOTO", false);
    }
}
