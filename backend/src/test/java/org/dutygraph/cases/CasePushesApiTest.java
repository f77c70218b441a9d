package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.notifications.PushDispatcher;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.supervision.SupervisionRedCard;
import org.dutygraph.support.FakeFcmForTests;
import org.dutygraph.support.FakeFcmServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The person concerned is told when their case is registered, decided and when their appeal is decided: a push that
 * carries an opaque id only (nothing of the case, not even that it is one), and an inbox entry naming the step.
 */
class CasePushesApiTest extends CaseTestSupport {

    @Autowired
    PushDispatcher dispatcher;

    @Autowired
    Effects effects;

    @Autowired
    GraphTransactions graph;

    @Test
    void registeredDecidedAndAppealDecided_eachAContentFreePushToThePersonConcernedOnly() {
        drain("none"); // what earlier tests left pending goes out before these devices exist
        var mine = device("case-zb001");
        var colleague = device("case-zb006");
        var opened = open(clue(Map.of()));
        var id = opened.path("accountabilityCase").path("id").asString();
        var number = opened.path("accountabilityCase").path("number").asString();
        step(id, "START_INVESTIGATION", Map.of());
        step(id, "DECIDE", Map.of("measure", "REMINDER_TALK", "reason", "首问不答"));
        step(id, "NOTIFY", Map.of());
        var appealed = as("case-zb001")
                .post("""
                mutation($input: AppealAccountabilityCaseInput!) { appealAccountabilityCase(input: $input) { errors { code } } }""", Map.of("input", Map.of("caseId", id, "grounds", "处理过重")))
                .ok()
                .path("appealAccountabilityCase");
        assertThat(appealed.path("errors").isEmpty()).as(appealed.toString()).isTrue();
        var decided = advance(APPEALS, id, "DECIDE_APPEAL", Map.of("outcome", "UPHELD", "reason", "事实清楚"));
        assertThat(decided.path("errors").isEmpty()).as(decided.toString()).isTrue();

        var pushes = drain(mine);
        assertThat(pushes).as("registered, decided, appeal decided").hasSize(3);
        for (var push : pushes) {
            assertThat(push.title()).isNull();
            assertThat(push.body()).isNull();
            assertThat(push.data()).containsOnlyKeys("messageId", "type", "ref");
            assertThat(push.data().toString())
                    .doesNotContain(id)
                    .doesNotContain(number)
                    .doesNotContain("ZB001")
                    .doesNotContain("zedu")
                    .doesNotContain("window");
        }
        assertThat(drain(colleague)).as("nobody else is told").isEmpty();

        var inbox = as("case-zb001")
                .post("{ inbox(first: 50) { edges { node { kind title body subjectKind subjectId } } } }")
                .ok()
                .path("inbox")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> id.equals(n.path("subjectId").asString()))
                .toList();
        assertThat(inbox)
                .extracting(n -> n.path("kind").asString())
                .containsExactlyInAnyOrder(
                        "ACCOUNTABILITY_CASE_REGISTERED",
                        "ACCOUNTABILITY_CASE_DECIDED",
                        "ACCOUNTABILITY_CASE_APPEAL_DECIDED");
        assertThat(inbox).allSatisfy(n -> {
            assertThat(n.path("subjectKind").asString()).isEqualTo("ACCOUNTABILITY_CASE");
            assertThat(n.toString()).doesNotContain(number).doesNotContain("推诿").doesNotContain("REMINDER_TALK");
        });
    }

    @Test
    void aDraftTellsNobody_confirmingItRegistersAndTells() {
        drain("none");
        var mine = device("case-zb002");
        var signalId = "sig-" + UUID.randomUUID();
        var raised = clock.instant();
        effects.deliver(graph.write(() -> effects.record(new SupervisionRedCard(
                signalId, "not_cleared", "SP-PUSH-1", "pi-approval", "zedu-xk", "zedu-xk-1", raised, raised))));
        var draft = as(OFFICE)
                .post("""
                { accountabilityCases(filter: {sourceKind: "E_SUPERVISION", statuses: [DRAFT]}, first: 500) {
                  edges { node { id source { id } } } } }""")
                .ok()
                .path("accountabilityCases")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("source").path("id").asString().equals(signalId))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        assertThat(drain(mine)).as("a draft is the office's, not yet a case").isEmpty();

        step(draft, "CONFIRM", Map.of());
        assertThat(drain(mine)).hasSize(1);
    }

    private String device(String username) {
        var token = username + "-" + UUID.randomUUID() + ":APA91b";
        var registered = as(username).post("""
                mutation($t: String!) { registerDevice(input: {token: $t, platform: ANDROID, locale: "zh-CN"}) { errors { code } } }""", Map.of("t", token)).ok().path("registerDevice");
        assertThat(registered.path("errors").isEmpty())
                .as(registered.toString())
                .isTrue();
        return token;
    }

    private List<FakeFcmServer.Received> drain(String token) {
        while (dispatcher.dispatchDue(Instant.now()) > 0) {
            // drain
        }
        return FakeFcmForTests.SERVER.received().stream()
                .filter(r -> r.token().equals(token))
                .toList();
    }
}
