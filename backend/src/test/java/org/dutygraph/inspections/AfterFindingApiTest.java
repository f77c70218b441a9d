package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

class AfterFindingApiTest extends InspectionTestSupport {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    InspectionReminders reminders;

    @Test
    void theUnitSeesNothingUntilAFindingIsConfirmed_thenGetsAnOrder_respondsAndTheReturnVisitClosesIt() {
        var confirmed = new CopyOnWriteArrayList<InspectionFindingConfirmed>();
        ApplicationListener<PayloadApplicationEvent<InspectionFindingConfirmed>> listener =
                e -> confirmed.add(e.getPayload());
        context.addApplicationListener(listener);
        var recorded = recordedFinding("iwin1", Map.of());
        var id = recorded[0];
        var findingQuery = "query($id: ID!) { inspectionFinding(id: $id) { id status } }";
        assertThat(as("iwin1-staff")
                        .post(findingQuery, Map.of("id", id))
                        .ok()
                        .path("inspectionFinding")
                        .isNull())
                .isTrue();
        assertThat(as("ihall-staff")
                        .post("{ inspectionFindings(first: 100) { edges { node { id } } } }")
                        .ok()
                        .path("inspectionFindings")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("id").asString()))
                .doesNotContain(id);

        var tooEarly = review("eff-chief", Map.of("id", id, "decision", "CONFIRM", "rectifyBy", today().toString()));
        assertThat(tooEarly.path("errors").path(0).path("code").asString()).isEqualTo("INVALID_DEADLINE");
        assertThat(review(
                                "tax-office-chief",
                                Map.of(
                                        "id",
                                        id,
                                        "decision",
                                        "CONFIRM",
                                        "rectifyBy",
                                        today().plusDays(7).toString()))
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("NOT_FOUND");
        var rectifyBy = today().plusDays(7);
        var reviewed = review("eff-chief", Map.of("id", id, "decision", "CONFIRM", "rectifyBy", rectifyBy.toString()));
        assertThat(reviewed.path("finding").path("status").asString()).isEqualTo("CONFIRMED");
        var order = reviewed.path("finding").path("rectification");
        assertThat(order.path("status").asString()).isEqualTo("ORDERED");
        assertThat(review("eff-chief", Map.of("id", id, "decision", "REJECT", "reason", "x"))
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("ALREADY_REVIEWED");
        assertThat(confirmed).anySatisfy(e -> {
            assertThat(e.findingId()).isEqualTo(id);
            assertThat(e.postId()).isEqualTo("iwin1-1");
            assertThat(e.targetUnitId()).isEqualTo("iwin1");
        });
        context.removeApplicationListener(listener);

        // now issued: the unit (and the hall above it) sees the finding and the order
        assertThat(as("iwin1-staff")
                        .post(findingQuery, Map.of("id", id))
                        .ok()
                        .path("inspectionFinding")
                        .path("status")
                        .asString())
                .isEqualTo("CONFIRMED");
        var orders = as("ihall-staff")
                .post("{ rectifications(first: 100) { edges { node { id status unit { id } } } } }")
                .ok()
                .path("rectifications")
                .path("edges");
        assertThat(orders.valueStream().map(e -> e.path("node").path("id").asString()))
                .contains(order.path("id").asString());
        assertThat(as("imkt-staff")
                        .post("{ rectifications(first: 100) { edges { node { id } } } }")
                        .ok()
                        .path("rectifications")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("id").asString()))
                .doesNotContain(order.path("id").asString());
        try (var session = driver.session()) {
            assertThat(session.run(
                                    "MATCH (n:Notification {kind: 'RECTIFICATION_ORDERED', subjectId: $id}) RETURN n.recipient AS r",
                                    Map.of("id", order.path("id").asString()))
                            .list(r -> r.get("r").asString()))
                    .contains("account:iwin1-staff");
        }

        var respond = """
                mutation($input: RespondToRectificationInput!) { respondToRectification(input: $input) {
                  rectification { status response } errors { field code } } }""";
        assertThat(as("imkt-staff")
                        .post(
                                respond,
                                Map.of("input", Map.of("id", order.path("id").asString(), "response", "已整改")))
                        .ok()
                        .path("respondToRectification")
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("NOT_FOUND");
        var responded = as("iwin1-staff")
                .post(
                        respond,
                        Map.of("input", Map.of("id", order.path("id").asString(), "response", "已对当事人批评教育，窗口手机统一保管")))
                .ok()
                .path("respondToRectification");
        assertThat(responded.path("rectification").path("status").asString()).isEqualTo("RESPONDED");

        // the return visit is on the same inspector's phone, due after the deadline
        var inspector = recorded[1];
        var mine = as(inspector)
                .post("{ myAssignments(first: 500) { edges { node { id kind rectificationId dueFrom } } } }")
                .ok()
                .path("myAssignments")
                .path("edges");
        assertThat(mine.valueStream()
                        .map(e -> e.path("node"))
                        .filter(n -> n.path("kind").asString().equals("RETURN_VISIT")
                                && n.path("rectificationId")
                                        .asString()
                                        .equals(order.path("id").asString()))
                        .map(n -> n.path("dueFrom").asString()))
                .containsExactly(rectifyBy.plusDays(1).toString());
        var sent = reminders.remindDue(rectifyBy.plusDays(1));
        assertThat(sent.returnVisits()).isPositive();
        deadlinePassed(rectifyBy);

        var returned = as(inspector)
                .post(
                        """
                mutation($input: RecordReturnVisitInput!) { recordReturnVisit(input: $input) {
                  rectification { status closedAt } errors { code } } }""",
                        Map.of(
                                "input",
                                Map.of("rectificationId", order.path("id").asString(), "fixed", true, "note", "复查已整改")))
                .ok()
                .path("recordReturnVisit");
        assertThat(returned.path("rectification").path("status").asString()).isEqualTo("CLOSED");
        assertThat(returned.path("rectification").path("closedAt").isNull()).isFalse();
    }

    @Test
    void notFixedOnTheReturnVisitEscalatesToTheUnitAbove_andRejectingNeedsAReason() {
        var id = recordedFinding("iwin2", Map.of())[0];
        var rectifyBy = today().plusDays(3);
        var order = review("eff-chief", Map.of("id", id, "decision", "CONFIRM", "rectifyBy", rectifyBy.toString()))
                .path("finding")
                .path("rectification");
        deadlinePassed(rectifyBy);
        var escalated = as("eff-chief")
                .post(
                        """
                mutation($input: RecordReturnVisitInput!) { recordReturnVisit(input: $input) { rectification { status } } }""",
                        Map.of(
                                "input",
                                Map.of("rectificationId", order.path("id").asString(), "fixed", false)))
                .ok()
                .path("recordReturnVisit")
                .path("rectification");
        assertThat(escalated.path("status").asString()).isEqualTo("ESCALATED");
        try (var session = driver.session()) {
            assertThat(session.run(
                                    "MATCH (n:Notification {kind: 'RECTIFICATION_ESCALATED', subjectId: $id}) RETURN n.recipient AS r",
                                    Map.of("id", order.path("id").asString()))
                            .list(r -> r.get("r").asString()))
                    .contains("account:ihall-staff", "account:eff-chief");
        }

        var other = recordedFinding("iwin3", Map.of())[0];
        assertThat(review("eff-chief", Map.of("id", other, "decision", "REJECT"))
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("REASON_REQUIRED");
        var rejected = review("eff-chief", Map.of("id", other, "decision", "REJECT", "reason", "照片显示为午休时间"));
        assertThat(rejected.path("finding").path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("finding").path("rectification").isNull()).isTrue();
    }

    @Test
    void theAccountabilityChainRunsFromThePostToThePrincipalLeader_andMeasuresAreRecordedOnIt() {
        var id = recordedFinding("imkt-lic", Map.of("badgeNumber", "IB002"))[0];
        var chainQuery = """
                query($id: ID!) { accountabilityChain(findingId: $id) { postId links { role post { id } measures { measure } } } }""";
        var measure = """
                mutation($input: RecordAccountabilityMeasureInput!) { recordAccountabilityMeasure(input: $input) {
                  chain { links { role post { id } measures { measure note recordedBy } } } errors { field code } } }""";
        assertThat(as("eff-chief")
                        .post(
                                measure,
                                Map.of(
                                        "input",
                                        Map.of("findingId", id, "postId", "imkt-lic-1", "measure", "REMINDER_TALK")))
                        .ok()
                        .path("recordAccountabilityMeasure")
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("NOT_CONFIRMED");
        review(
                "eff-chief",
                Map.of(
                        "id",
                        id,
                        "decision",
                        "CONFIRM",
                        "rectifyBy",
                        today().plusDays(5).toString()));

        var chain = as("eff-chief").post(chainQuery, Map.of("id", id)).ok().path("accountabilityChain");
        assertThat(chain.path("postId").asString()).isEqualTo("imkt-lic-1");
        assertThat(chain.path("links")
                        .valueStream()
                        .map(l -> l.path("role").asString() + ":"
                                + l.path("post").path("id").asString())
                        .limit(4))
                .containsExactly(
                        "POST_HOLDER:imkt-lic-1",
                        "SECTION_HEAD:imkt-lic-head",
                        "IN_CHARGE_SUPERVISOR:imkt-deputy",
                        "PRINCIPAL_LEADER:imkt-head");

        var recorded = as("eff-chief")
                .post(
                        measure,
                        Map.of(
                                "input",
                                Map.of(
                                        "findingId",
                                        id,
                                        "postId",
                                        "imkt-lic-head",
                                        "measure",
                                        "ADMONISHMENT_TALK",
                                        "note",
                                        "管理失职")))
                .ok()
                .path("recordAccountabilityMeasure");
        assertThat(recorded.path("errors").isEmpty()).isTrue();
        var head = recorded.path("chain")
                .path("links")
                .valueStream()
                .filter(l -> l.path("post").path("id").asString().equals("imkt-lic-head"))
                .findFirst()
                .orElseThrow();
        assertThat(head.path("measures").path(0).path("measure").asString()).isEqualTo("ADMONISHMENT_TALK");
        assertThat(head.path("measures").path(0).path("recordedBy").asString()).isEqualTo("eff-chief");
        assertThat(as("eff-chief")
                        .post(
                                measure,
                                Map.of("input", Map.of("findingId", id, "postId", "iwin1-1", "measure", "TRANSFER")))
                        .ok()
                        .path("recordAccountabilityMeasure")
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("NOT_ON_CHAIN");
        assertThat(as("tax-office-chief")
                        .post(chainQuery, Map.of("id", id))
                        .ok()
                        .path("accountabilityChain")
                        .isNull())
                .isTrue();
    }
}
