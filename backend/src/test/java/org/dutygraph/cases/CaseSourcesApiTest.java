package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.supervision.SupervisionRedCard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Cases from other features, opened through effects in the transaction of the change: a substantiated complaint (a
 * draft, by the shipped catalogue) and a confirmed spot-check finding (registered at once). The complaint is linked by
 * id and number; its complainant's name and phone are reachable from no part of the case.
 */
class CaseSourcesApiTest extends CaseTestSupport {

    private static final String PHONE = "13912345678";
    private static final String NAME = "投诉人王某";

    @Test
    void aSubstantiatedComplaintOpensADraft_linkedByNumber_withNothingOfTheComplainant() {
        var complaint = concludedComplaint("COLD", "SUBSTANTIATED", PHONE, NAME);
        var drafts = casesOf("COMPLAINT", complaint[0]);
        assertThat(drafts).hasSize(1);
        var draft = drafts.get(0);
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("source").path("reference").asString()).isEqualTo(complaint[1]);
        assertThat(draft.path("situation").path("code").asString())
                .as("category COLD")
                .isEqualTo("window.language");
        assertThat(draft.path("person").path("id").asString()).isEqualTo("ZB002");
        assertThat(draft.path("openedBy").asString()).isEqualTo("system");

        var confirmed = step(draft.path("id").asString(), "CONFIRM", Map.of());
        assertThat(confirmed.path("status").asString()).isEqualTo("REGISTERED");
        assertThat(confirmed.path("chain").path(0).path("personId").asString()).isEqualTo("ZB002");

        // every field of the case, as the office, the leader and the person concerned see it
        for (var who : List.of(OFFICE, "case-zb005", "case-zb002")) {
            var json = caseAs(who, draft.path("id").asString()).toString();
            assertThat(json).as(who).doesNotContain(PHONE).doesNotContain(NAME);
        }
        try (var session = driver.session()) {
            var props = session.run(
                            "MATCH (c:AccountabilityCase {sourceId: $id}) RETURN properties(c) AS p",
                            Map.of("id", complaint[0]))
                    .single()
                    .get("p")
                    .asMap()
                    .toString();
            assertThat(props).doesNotContain(PHONE).doesNotContain(NAME);
        }
    }

    @Autowired
    Effects effects;

    @Autowired
    GraphTransactions graph;

    @Test
    void anESupervisionRedCardOpensAnEfficiencyDraftAgainstTheResponsiblePost_once() {
        var signalId = "sig-" + UUID.randomUUID();
        var raised = clock.instant();
        var card = new SupervisionRedCard(
                signalId,
                "not_cleared",
                "SP-2026-000123",
                "pi-approval",
                "zedu-xk",
                "zedu-xk-1",
                raised,
                raised.minusSeconds(86_400));
        effects.deliver(graph.write(() -> effects.record(card)));
        effects.deliver(graph.write(() -> effects.record(card)));

        var cases = casesOf("E_SUPERVISION", signalId);
        assertThat(cases).as("a card delivered twice opens one case").hasSize(1);
        var draft = cases.get(0);
        assertThat(draft.path("status").asString())
                .as("red cards open drafts for the office")
                .isEqualTo("DRAFT");
        assertThat(draft.path("situation").path("code").asString())
                .as("rule NOT_CLEARED")
                .isEqualTo("window.time-limit");
        assertThat(draft.path("source").path("reference").asString()).isEqualTo("SP-2026-000123");
        assertThat(draft.path("post").path("id").asString()).isEqualTo("zedu-xk-1");
        assertThat(draft.path("person").path("id").asString()).isEqualTo("ZB002");
        assertThat(draft.path("openedBy").asString()).isEqualTo("system");
    }

    /**
     * Issue 20: an evaluation's red cards reach cases delivered together (one transaction and one number allocation
     * per batch, not per card): each card still opens its draft once, the same card twice in a batch included, and
     * delivering the batch again opens nothing.
     */
    @Test
    void redCardsDeliveredTogetherOpenADraftEach_withConsecutiveNumbers_once() {
        var raised = clock.instant();
        var signals = java.util.stream.IntStream.range(0, 30)
                .mapToObj(i -> "sig-batch-" + UUID.randomUUID())
                .toList();
        var ids = graph.write(() -> {
            var recorded = new java.util.ArrayList<String>();
            for (var signalId : signals) {
                recorded.addAll(effects.record(new SupervisionRedCard(
                        signalId,
                        "not_cleared",
                        "SP-" + signalId,
                        "pi-approval",
                        "zedu-xk",
                        "zedu-xk-1",
                        raised,
                        raised.minusSeconds(86_400))));
            }
            recorded.addAll(effects.record(new SupervisionRedCard(
                    signals.get(0),
                    "not_cleared",
                    "SP-again",
                    "pi-approval",
                    "zedu-xk",
                    "zedu-xk-1",
                    raised,
                    raised.minusSeconds(86_400))));
            return recorded;
        });
        assertThat(effects.deliver(ids).values()).containsOnly(Effects.Outcome.DELIVERED);

        var numbers = new java.util.ArrayList<Integer>();
        for (var signalId : signals) {
            var cases = casesOf("E_SUPERVISION", signalId);
            assertThat(cases).as(signalId).hasSize(1);
            assertThat(cases.get(0).path("status").asString()).isEqualTo("DRAFT");
            assertThat(cases.get(0).path("person").path("id").asString()).isEqualTo("ZB002");
            var number = cases.get(0).path("number").asString();
            numbers.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
        }
        java.util.Collections.sort(numbers);
        assertThat(numbers.get(numbers.size() - 1) - numbers.get(0))
                .as("one allocation: consecutive numbers")
                .isEqualTo(signals.size() - 1);

        try (var session = driver.session()) {
            session.run("MATCH (e:Effect) WHERE e.id IN $ids SET e.state = 'PENDING'", Map.of("ids", ids))
                    .consume();
        }
        effects.deliver(ids);
        assertThat(signals.stream()
                        .mapToInt(s -> casesOf("E_SUPERVISION", s).size())
                        .sum())
                .as("delivered again: nothing more")
                .isEqualTo(signals.size());
    }

    @Test
    void aComplaintNotSubstantiatedOpensNoCase() {
        var complaint = concludedComplaint("COLD", "UNSUBSTANTIATED", PHONE, NAME);
        assertThat(casesOf("COMPLAINT", complaint[0])).isEmpty();
    }

    @Test
    void aConfirmedSpotCheckFindingOpensARegisteredCase_once() {
        var findingId = confirmedFinding();
        var cases = casesOf("SPOT_CHECK", findingId);
        assertThat(cases).hasSize(1);
        var c = cases.get(0);
        assertThat(c.path("status").asString()).as("openDirectly: SPOT_CHECK").isEqualTo("REGISTERED");
        assertThat(c.path("situation").path("code").asString()).isEqualTo("window.language");
        assertThat(c.path("source").path("reference").asString()).isEqualTo("WINDOW_LANGUAGE");
        assertThat(c.path("post").path("id").asString()).isEqualTo("zedu-xk-1");
        assertThat(c.path("person").path("id").asString()).isEqualTo("ZB002");
        assertThat(c.path("chain")
                        .valueStream()
                        .map(l -> l.path("role").asString())
                        .toList())
                .containsExactly("POST_HOLDER", "SECTION_HEAD", "IN_CHARGE_SUPERVISOR", "PRINCIPAL_LEADER");
    }

    private List<JsonNode> casesOf(String kind, String sourceId) {
        return as(OFFICE)
                .post("""
                query($kind: String) { accountabilityCases(filter: {sourceKind: $kind}, first: 500) {
                  edges { node { id source { id } } } } }""", Map.of("kind", kind))
                .ok()
                .path("accountabilityCases")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("source").path("id").asString().equals(sourceId))
                .map(n -> caseAs(OFFICE, n.path("id").asString()))
                .toList();
    }
}
