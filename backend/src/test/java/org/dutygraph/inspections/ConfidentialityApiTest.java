package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan leaks to no one: not the units inspected, not other offices, not inspectors who are not on it. */
class ConfidentialityApiTest extends InspectionTestSupport {

    @Test
    void unitStaffAndOtherOfficesSeeNoPlanOrAssignment_inspectorsSeeOnlyTheirOwn_andEveryReadIsAudited() {
        var ordersQuery = "{ rectifications(first: 500) { edges { node { id } } } }";
        var ordersBefore = new java.util.HashMap<String, String>();
        for (var staff : List.of("imkt-staff", "iwin1-staff", "igov-staff")) {
            ordersBefore.put(
                    staff,
                    as(staff).post(ordersQuery).ok().path("rectifications").toString());
        }
        var plan = drawnPlan(List.of("iwin1", "iwin2", "imkt"));
        var planId = plan.path("id").asString();
        var planQuery = "query($id: ID!) { inspectionPlan(id: $id) { id assignments { id } } }";
        var assignmentQuery = "query($id: ID!) { assignment(id: $id) { id } }";

        // neither another office nor an inspector of this office who does not manage the plan
        for (var outsider : List.of("tax-office-chief", "insp-d", "insp-a", "insp-e")) {
            assertThat(as(outsider)
                            .post(planQuery, Map.of("id", planId))
                            .ok()
                            .path("inspectionPlan")
                            .isNull())
                    .isTrue();
            assertThat(as(outsider)
                            .post("{ inspectionPlans(first: 500) { edges { node { id } } } }")
                            .ok()
                            .path("inspectionPlans")
                            .path("edges")
                            .valueStream()
                            .map(e -> e.path("node").path("id").asString()))
                    .doesNotContain(planId);
            assertThat(as(outsider)
                            .post("query($id: ID!) { replayDraw(planId: $id) { matches } }", Map.of("id", planId))
                            .ok()
                            .path("replayDraw")
                            .isNull())
                    .isTrue();
            assertThat(as(outsider)
                            .post(
                                    "query($id: ID!) { inspectionAudit(planId: $id) { edges { cursor } } }",
                                    Map.of("id", planId))
                            .ok()
                            .path("inspectionAudit")
                            .path("edges")
                            .isEmpty())
                    .isTrue();
        }
        for (var staff : List.of("imkt-staff", "iwin1-staff", "igov-staff")) {
            assertThat(as(staff).post(planQuery, Map.of("id", planId)).firstErrorCode())
                    .isEqualTo("FORBIDDEN");
            assertThat(as(staff).post("{ myAssignments { edges { cursor } } }").firstErrorCode())
                    .isEqualTo("FORBIDDEN");
            assertThat(as(staff).post(ordersQuery).ok().path("rectifications").toString())
                    .isEqualTo(ordersBefore.get(staff));
        }

        for (var assignment : plan.path("assignments")) {
            var id = assignment.path("id").asString();
            var on = texts(assignment.path("inspectors"));
            for (var inspector : POOL) {
                var seen = !as(inspector)
                        .post(assignmentQuery, Map.of("id", id))
                        .ok()
                        .path("assignment")
                        .isNull();
                assertThat(seen).as(inspector + " sees " + id).isEqualTo(on.contains(inspector));
                var listed = as(inspector)
                        .post("{ myAssignments(first: 500) { edges { node { id } } } }")
                        .ok()
                        .path("myAssignments")
                        .path("edges")
                        .valueStream()
                        .anyMatch(e -> e.path("node").path("id").asString().equals(id));
                assertThat(listed).as(inspector + " lists " + id).isEqualTo(on.contains(inspector));
            }
        }

        assertThat(as("eff-manager")
                        .post(planQuery, Map.of("id", planId))
                        .ok()
                        .path("inspectionPlan")
                        .path("assignments"))
                .hasSize(3);
        var audit = as("eff-chief")
                .post(
                        "query($id: ID!) { inspectionAudit(planId: $id, first: 500) { edges { node { username action } } } }",
                        Map.of("id", planId))
                .ok()
                .path("inspectionAudit")
                .path("edges");
        var entries = audit.valueStream()
                .map(e -> e.path("node").path("username").asString() + ":"
                        + e.path("node").path("action").asString())
                .toList();
        assertThat(entries).contains("eff-chief:create", "eff-chief:draw");
        var first = plan.path("assignments").path(0);
        assertThat(entries).contains(inspectorOf(first) + ":read-assignment", inspectorOf(first) + ":list-assignments");
    }

    @Test
    void afterConfirmationTheInspectedUnitSeesWhatToRectify_neverWhoInspectedNorHowTheVisitWasPlanned() {
        var plan = drawnPlan(List.of("ihall2"));
        var assignment = plan.path("assignments").path(0);
        var inspector = inspectorOf(assignment);
        var day = java.util.UUID.randomUUID().toString();
        var synced = sync(
                inspector,
                Map.of(
                        "visits",
                        List.of(visit(day + "-v", assignment.path("id").asString())),
                        "findings",
                        List.of(finding(day + "-f", day + "-v", "c".repeat(64)))));
        var id = synced.path("findings").path(0).path("id").asString();
        var order = as("eff-chief")
                .post(
                        """
                mutation($input: ReviewInspectionFindingInput!) { reviewInspectionFinding(input: $input) {
                  finding { rectification { id } } errors { code } } }""",
                        Map.of(
                                "input",
                                Map.of(
                                        "id",
                                        id,
                                        "decision",
                                        "CONFIRM",
                                        "rectifyBy",
                                        java.time.LocalDate.now().plusDays(7).toString())))
                .ok()
                .path("reviewInspectionFinding")
                .path("finding")
                .path("rectification")
                .path("id")
                .asString();
        var fields = """
                id clientId planId assignmentId recordedBy reviewedBy normCode description observedAt badgeNumber status
                evidence(first: 20) { clientId kind text metadata capturedAt } rectification { id rectifyBy returnVisitId }""";

        var seenByUnit = as("igov-staff")
                .post("query($id: ID!) { inspectionFinding(id: $id) { " + fields + " } }", Map.of("id", id))
                .ok()
                .path("inspectionFinding");
        var listedByUnit = as("igov-staff")
                .post("{ inspectionFindings(first: 100) { edges { node { " + fields + " } } } }")
                .ok()
                .path("inspectionFindings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        for (var finding : List.of(seenByUnit, listedByUnit)) {
            assertThat(finding.path("description").asString()).isNotBlank();
            assertThat(finding.path("badgeNumber").asString()).isEqualTo("IB001");
            assertThat(finding.path("rectification").path("rectifyBy").isNull()).isFalse();
            for (var hidden : List.of("clientId", "planId", "assignmentId", "recordedBy", "reviewedBy")) {
                assertThat(finding.path(hidden).isNull()).as(hidden).isTrue();
            }
            assertThat(finding.path("rectification").path("returnVisitId").isNull())
                    .isTrue();
            assertThat(finding.path("evidence")).isNotEmpty().allSatisfy(e -> {
                assertThat(e.path("metadata").isNull())
                        .as("evidence metadata (GPS, device)")
                        .isTrue();
                assertThat(e.path("clientId").isNull()).isTrue();
            });
            assertThat(finding.toString())
                    .doesNotContain(inspector, "eff-chief", plan.path("id").asString(), "Huawei", "GPS");
        }
        var orders = as("igov-staff")
                .post("{ rectifications(first: 500) { edges { node { id returnVisitId } } } }")
                .ok()
                .path("rectifications")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("id").asString().equals(order))
                .toList();
        assertThat(orders)
                .singleElement()
                .satisfies(n -> assertThat(n.path("returnVisitId").isNull()).isTrue());
        var responded = as("igov-staff")
                .post("""
                mutation($input: RespondToRectificationInput!) { respondToRectification(input: $input) {
                  rectification { id returnVisitId } errors { code } } }""", Map.of("input", Map.of("id", order, "response", "已整改")))
                .ok()
                .path("respondToRectification");
        assertThat(responded.path("rectification").path("returnVisitId").isNull())
                .isTrue();
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (n:Notification) WHERE n.recipient = 'account:igov-staff' RETURN n", Map.of())
                            .list(r -> r.get("n").asMap().toString()))
                    .allSatisfy(n -> assertThat(n).doesNotContain(inspector));
        }

        // those who run the plan still see it all
        var seenByOffice = as("eff-chief")
                .post("query($id: ID!) { inspectionFinding(id: $id) { " + fields + " } }", Map.of("id", id))
                .ok()
                .path("inspectionFinding");
        assertThat(seenByOffice.path("recordedBy").asString()).isEqualTo(inspector);
        assertThat(seenByOffice.path("planId").asString())
                .isEqualTo(plan.path("id").asString());
        assertThat(seenByOffice.path("rectification").path("returnVisitId").isNull())
                .isFalse();
        assertThat(seenByOffice
                        .path("evidence")
                        .valueStream()
                        .anyMatch(e -> !e.path("metadata").isNull()))
                .isTrue();
    }
}
