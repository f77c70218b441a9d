package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A return visit (回马枪) checks the fix after the deadline; before it the unit still has time to answer. */
class ReturnVisitApiTest extends InspectionTestSupport {

    private static final String RETURN_VISIT = """
            mutation($input: RecordReturnVisitInput!) { recordReturnVisit(input: $input) {
              rectification { status closedAt } errors { field code message } } }""";

    @Test
    void aReturnVisitBeforeTheDeadlineIsRefused_neitherClosingNorEscalating_andAfterItNotFixedEscalates() {
        var recorded = recordedFinding("iedu-jd", Map.of());
        var rectifyBy = today().plusDays(9);
        var order = review(
                        "eff-chief",
                        Map.of("id", recorded[0], "decision", "CONFIRM", "rectifyBy", rectifyBy.toString()))
                .path("finding")
                .path("rectification");
        var orderId = order.path("id").asString();

        for (var fixed : new boolean[] {true, false}) {
            for (var who : new String[] {recorded[1], "eff-chief"}) {
                var early = as(who).post(
                                RETURN_VISIT, Map.of("input", Map.of("rectificationId", orderId, "fixed", fixed)))
                        .ok()
                        .path("recordReturnVisit");
                assertThat(early.path("rectification").isNull())
                        .as(early.toString())
                        .isTrue();
                assertThat(early.path("errors").path(0).path("code").asString()).isEqualTo("RETURN_VISIT_NOT_DUE");
                assertThat(early.path("errors").path(0).path("message").asString())
                        .contains(rectifyBy.toString());
            }
        }
        var status = as("iedu-staff")
                .post(
                        "query($id: ID!) { inspectionFinding(id: $id) { rectification { status } } }",
                        Map.of("id", recorded[0]))
                .ok()
                .path("inspectionFinding")
                .path("rectification")
                .path("status")
                .asString();
        assertThat(status).isEqualTo("ORDERED");
        try (var session = driver.session()) {
            assertThat(session.run(
                                    "MATCH (n:Notification {kind: 'RECTIFICATION_ESCALATED', subjectId: $id}) RETURN count(n) AS c",
                                    Map.of("id", orderId))
                            .single()
                            .get("c")
                            .asLong())
                    .isZero();
        }

        // nor can a visit synced from the phone count as the return visit before the deadline
        var returnVisit = as(recorded[1])
                .post("{ myAssignments(first: 500) { edges { node { id kind rectificationId } } } }")
                .ok()
                .path("myAssignments")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("rectificationId").asString("").equals(orderId))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        var earlyVisit = visit("rv-" + orderId, returnVisit);
        var synced = sync(recorded[1], Map.of("visits", java.util.List.of(earlyVisit(earlyVisit))));
        assertThat(synced.path("errors").path(0).path("code").asString()).isEqualTo("RETURN_VISIT_NOT_DUE");
        assertThat(texts(synced.path("errors").path(0).path("field")))
                .containsExactly("input", "visits", "0", "startedAt");

        deadlinePassed(rectifyBy);
        var late = as(recorded[1])
                .post(
                        RETURN_VISIT,
                        Map.of("input", Map.of("rectificationId", orderId, "fixed", false, "note", "逾期未整改")))
                .ok()
                .path("recordReturnVisit");
        assertThat(late.path("errors").isEmpty()).as(late.toString()).isTrue();
        assertThat(late.path("rectification").path("status").asString()).isEqualTo("ESCALATED");
        try (var session = driver.session()) {
            assertThat(session.run(
                                    "MATCH (n:Notification {kind: 'RECTIFICATION_ESCALATED', subjectId: $id}) RETURN n.recipient AS r",
                                    Map.of("id", orderId))
                            .list(r -> r.get("r").asString()))
                    .contains("account:eff-chief");
        }
    }

    /** The fixture's visit, moved to now: before the deadline set above. */
    private static Map<String, Object> earlyVisit(Map<String, Object> visit) {
        var moved = new java.util.HashMap<>(visit);
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).withNano(0);
        moved.put("startedAt", now.minusMinutes(30).toString());
        moved.put("endedAt", now.toString());
        return moved;
    }
}
