package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A plan leaks to no one: not the units inspected, not other offices, not inspectors who are not on it. */
class ConfidentialityApiTest extends InspectionTestSupport {

    @Test
    void unitStaffAndOtherOfficesSeeNoPlanOrAssignment_inspectorsSeeOnlyTheirOwn_andEveryReadIsAudited() {
        var plan = drawnPlan(List.of("iwin1", "iwin2", "imkt"));
        var planId = plan.path("id").asString();
        var planQuery = "query($id: ID!) { inspectionPlan(id: $id) { id assignments { id } } }";
        var assignmentQuery = "query($id: ID!) { assignment(id: $id) { id } }";

        // neither another office nor an inspector of this office who does not manage the plan
        for (var outsider : List.of("tax-office-chief", "insp-d", "insp-a", "insp-e")) {
            assertThat(as(outsider).post(planQuery, Map.of("id", planId)).ok().path("inspectionPlan").isNull()).isTrue();
            assertThat(as(outsider).post("{ inspectionPlans(first: 500) { edges { node { id } } } }").ok()
                    .path("inspectionPlans").path("edges").valueStream().map(e -> e.path("node").path("id").asString()))
                    .doesNotContain(planId);
            assertThat(as(outsider).post("query($id: ID!) { replayDraw(planId: $id) { matches } }", Map.of("id", planId)).ok()
                    .path("replayDraw").isNull()).isTrue();
            assertThat(as(outsider).post("query($id: ID!) { inspectionAudit(planId: $id) { edges { cursor } } }",
                    Map.of("id", planId)).ok().path("inspectionAudit").path("edges").isEmpty()).isTrue();
        }
        for (var staff : List.of("imkt-staff", "iwin1-staff", "igov-staff")) {
            assertThat(as(staff).post(planQuery, Map.of("id", planId)).firstErrorCode()).isEqualTo("FORBIDDEN");
            assertThat(as(staff).post("{ myAssignments { edges { cursor } } }").firstErrorCode()).isEqualTo("FORBIDDEN");
            assertThat(as(staff).post("{ rectifications(first: 500) { edges { node { findingId } } } }").ok()
                    .path("rectifications").path("edges").isEmpty()).isTrue();
        }

        for (var assignment : plan.path("assignments")) {
            var id = assignment.path("id").asString();
            var on = texts(assignment.path("inspectors"));
            for (var inspector : POOL) {
                var seen = !as(inspector).post(assignmentQuery, Map.of("id", id)).ok().path("assignment").isNull();
                assertThat(seen).as(inspector + " sees " + id).isEqualTo(on.contains(inspector));
                var listed = as(inspector).post("{ myAssignments(first: 500) { edges { node { id } } } }").ok()
                        .path("myAssignments").path("edges").valueStream().anyMatch(e -> e.path("node").path("id").asString().equals(id));
                assertThat(listed).as(inspector + " lists " + id).isEqualTo(on.contains(inspector));
            }
        }

        assertThat(as("eff-manager").post(planQuery, Map.of("id", planId)).ok().path("inspectionPlan").path("assignments"))
                .hasSize(3);
        var audit = as("eff-chief").post("query($id: ID!) { inspectionAudit(planId: $id, first: 500) { edges { node { username action } } } }",
                Map.of("id", planId)).ok().path("inspectionAudit").path("edges");
        var entries = audit.valueStream().map(e -> e.path("node").path("username").asString() + ":" + e.path("node").path("action").asString())
                .toList();
        assertThat(entries).contains("eff-chief:create", "eff-chief:draw");
        var first = plan.path("assignments").path(0);
        assertThat(entries).contains(inspectorOf(first) + ":read-assignment", inspectorOf(first) + ":list-assignments");
    }
}
