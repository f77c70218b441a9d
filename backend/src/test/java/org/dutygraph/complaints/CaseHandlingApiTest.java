package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dutygraph.notifications.PushDispatcher;
import org.dutygraph.support.FakeFcmForTests;
import org.dutygraph.support.FakeFcmServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/** Who sees which complaint, the audit trail, the lifecycle, its events and pushes, and escalation. */
class CaseHandlingApiTest extends ComplaintTestSupport {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    ComplaintEscalator escalator;

    @Autowired
    WorkingCalendar calendar;

    @Autowired
    PushDispatcher dispatcher;

    @Test
    void unitStaffSeeTheirUnitAndItsSubUnits_theOfficeSeesAll_everyReadIsAudited() {
        var market = file(Map.of("unitId", "cmkt"));
        var marketSection = file(Map.of("unitId", "cmkt-food"));
        var health = file(Map.of("unitId", "chlth"));

        var seenByMarket = ids(as("cmkt-staff")
                .post("{ complaints(first: 500) { edges { node { id } } } }")
                .ok());
        assertThat(seenByMarket).contains(market[0], marketSection[0]).doesNotContain(health[0]);
        assertThat(as("chlth-staff")
                        .post("query($id: ID!) { complaint(id: $id) { id } }", Map.of("id", market[0]))
                        .ok()
                        .path("complaint")
                        .isNull())
                .isTrue();
        assertThat(ids(as("staff")
                        .post("{ complaints(first: 500) { edges { node { id } } } }")
                        .ok()))
                .isEmpty();
        assertThat(ids(as("cgov-staff")
                        .post("{ complaints(first: 500) { edges { node { id } } } }")
                        .ok()))
                .contains(market[0], health[0]);

        as("cmkt-staff")
                .post("query($id: ID!) { complaint(id: $id) { id } }", Map.of("id", market[0]))
                .ok();
        var audit = as("inspector")
                .post(
                        "query($id: ID!) { complaintAudit(id: $id) { edges { node { username action } } } }",
                        Map.of("id", market[0]))
                .ok()
                .path("complaintAudit")
                .path("edges");
        assertThat(audit.valueStream()
                        .map(e -> e.path("node").path("username").asString() + ":"
                                + e.path("node").path("action").asString()))
                .contains("cmkt-staff:read", "cmkt-staff:list", "cgov-staff:list");
        assertThat(as("cmkt-staff")
                        .post(
                                "query($id: ID!) { complaintAudit(id: $id) { edges { cursor } } }",
                                Map.of("id", market[0]))
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void theLifecycleRunsFromReceiptToPublication_concludingEmitsAnEventForAppraisal_theCitizenGetsContentFreePushes() {
        var concluded = new CopyOnWriteArrayList<ComplaintConcluded>();
        ApplicationListener<PayloadApplicationEvent<ComplaintConcluded>> listener = e -> concluded.add(e.getPayload());
        context.addApplicationListener(listener);
        var filed = file(Map.of("unitId", "cmkt"));
        var id = filed[0];
        var token = "citizen-phone-" + id + ":APA91b";
        var follow = citizen()
                .post("""
                mutation($r: String!, $t: String!, $a: Boolean!) { followComplaintPush(input: {receipt: $r, token: $t,
                  platform: ANDROID, acceptLinkRisk: $a}) { following errors { field code } } }""", Map.of("r", filed[1], "t", token, "a", false))
                .ok()
                .path("followComplaintPush");
        assertThat(follow.path("errors").path(0).path("code").asString()).isEqualTo("LINK_RISK_NOT_ACCEPTED");
        assertThat(citizen()
                        .post("""
                mutation($r: String!, $t: String!) { followComplaintPush(input: {receipt: $r, token: $t, platform: ANDROID,
                  acceptLinkRisk: true}) { following } }""", Map.of("r", filed[1], "t", token))
                        .ok()
                        .path("followComplaintPush")
                        .path("following")
                        .asBoolean())
                .isTrue();

        var early = advance("inspector", id, "START_INVESTIGATION", Map.of());
        assertThat(early.path("errors").path(0).path("code").asString()).isEqualTo("INVALID_TRANSITION");
        assertThat(advance("cmkt-staff", id, "REGISTER", Map.of())
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("NOT_ALLOWED");
        assertThat(advance("inspector", id, "REGISTER", Map.of())
                        .path("complaint")
                        .path("status")
                        .asString())
                .isEqualTo("REGISTERED");
        var assigned = advance("inspector", id, "ASSIGN", Map.of("unitId", "cmkt-food"));
        assertThat(assigned.path("complaint").path("handlingUnit").path("id").asString())
                .isEqualTo("cmkt-food");
        advance("cmkt-staff", id, "START_INVESTIGATION", Map.of());
        assertThat(advance("cmkt-staff", id, "CONCLUDE", Map.of())
                        .path("errors")
                        .path(0)
                        .path("field")
                        .toString())
                .isEqualTo("[\"input\",\"conclusion\"]");
        var done = advance("cmkt-staff", id, "CONCLUDE", Map.of("conclusion", "SUBSTANTIATED", "serious", true));
        assertThat(done.path("complaint").path("serious").asBoolean()).isTrue();
        assertThat(concluded).singleElement().satisfies(e -> {
            assertThat(e.complaintId()).isEqualTo(id);
            assertThat(e.unitId()).isEqualTo("cmkt-food");
            assertThat(e.serious()).isTrue();
            assertThat(e.category()).isEqualTo("BUCK_PASSING");
        });
        advance("cmkt-staff", id, "ANSWER", Map.of("answer", "经查属实，已对相关人员批评教育并整改。"));
        assertThat(advance("cmkt-staff", id, "PUBLISH", Map.of())
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("NOT_ALLOWED");
        assertThat(advance("inspector", id, "PUBLISH", Map.of())
                        .path("complaint")
                        .path("status")
                        .asString())
                .isEqualTo("PUBLISHED");

        var citizenView = citizen()
                .post(
                        "query($r: String!) { complaintByReceipt(receipt: $r) { status conclusion answer } }",
                        Map.of("r", filed[1]))
                .ok()
                .path("complaintByReceipt");
        assertThat(citizenView.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(citizenView.path("answer").asString()).contains("整改");
        var history = as("inspector")
                .post("query($id: ID!) { complaint(id: $id) { history { status by } } }", Map.of("id", id))
                .ok()
                .path("complaint")
                .path("history");
        assertThat(history.valueStream().map(h -> h.path("status").asString()))
                .containsExactly(
                        "RECEIVED", "REGISTERED", "ASSIGNED", "INVESTIGATING", "CONCLUDED", "ANSWERED", "PUBLISHED");

        FakeFcmForTests.SERVER.reset();
        while (dispatcher.dispatchDue(Instant.now()) > 0) {
            // drain
        }
        var pushes = FakeFcmForTests.SERVER.received().stream()
                .filter(r -> r.token().equals(token))
                .toList();
        // one per step after the follow: registered, assigned, investigating, concluded, answered, published
        assertThat(pushes).hasSize(6);
        for (FakeFcmServer.Received push : pushes) {
            assertThat(push.body()).isEqualTo("您的投诉有新进展，请打开应用查看。");
            assertThat(push.data()).containsOnlyKeys("messageId", "type", "tag");
        }
    }

    @Test
    void overdueComplaintsGoUpTheChainWithANotification_andShowInTheStatistics() {
        var filed = file(Map.of("unitId", "cmkt"));
        var before = unread("cgov-staff");
        // three working days on, whatever holidays lie between (five calendar days are not enough in Golden Week)
        var escalated = escalator.escalateDue(calendar.due(clock.instant(), 3).plusSeconds(1));
        assertThat(escalated).extracting(ComplaintEscalator.Escalation::id).contains(filed[0]);
        assertThat(escalated)
                .filteredOn(e -> e.id().equals(filed[0]))
                .singleElement()
                .satisfies(e -> assertThat(e.unitId()).isEqualTo("cgov"));
        assertThat(unread("cgov-staff")).isGreaterThan(before);

        var view = as("inspector")
                .post(
                        "query($id: ID!) { complaint(id: $id) { escalations history { by note } } }",
                        Map.of("id", filed[0]))
                .ok()
                .path("complaint");
        assertThat(view.path("escalations").asInt()).isOne();
        assertThat(view.path("history").valueStream().map(h -> h.path("note").asString()))
                .anyMatch(n -> n.contains("已报 cgov 督办"));

        var stats = as("cgov-staff")
                .post("{ complaintStats { edges { node { unit { id } received closed closureRate } } } }")
                .ok()
                .path("complaintStats")
                .path("edges");
        var market = stats.valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("unit").path("id").asString().equals("cmkt"))
                .findFirst()
                .orElseThrow();
        assertThat(market.path("received").asInt()).isPositive();
        assertThat(as("cmkt-staff")
                        .post("{ complaintStats(unitId: \"chlth\") { edges { cursor } } }")
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void handlersActingAtOnceAreSerialised_oneRegistrationWins() throws Exception {
        var id = file(Map.of("unitId", "cmkt"))[0];
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var calls = new java.util.ArrayList<java.util.concurrent.Callable<String>>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> {
                var result = advance("inspector", id, "REGISTER", Map.of());
                return result.path("errors").isEmpty()
                        ? "ok"
                        : result.path("errors").path(0).path("code").asString();
            });
        }
        var outcomes = new java.util.ArrayList<String>();
        for (var f : pool.invokeAll(calls)) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes)
                .containsOnlyOnce("ok")
                .filteredOn(o -> !o.equals("ok"))
                .containsOnly("INVALID_TRANSITION");
        var history = as("inspector")
                .post("query($id: ID!) { complaint(id: $id) { history { status } } }", Map.of("id", id))
                .ok()
                .path("complaint")
                .path("history");
        assertThat(history.valueStream().map(h -> h.path("status").asString()))
                .containsExactly("RECEIVED", "REGISTERED");
    }

    private int unread(String username) {
        return as(username)
                .post("{ unreadNotificationCount }")
                .ok()
                .path("unreadNotificationCount")
                .asInt();
    }

    private static List<String> ids(tools.jackson.databind.JsonNode data) {
        return data.path("complaints")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node").path("id").asString())
                .toList();
    }
}
