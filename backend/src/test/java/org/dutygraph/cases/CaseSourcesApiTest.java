package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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

    /** A spot check of the approval section finding ZB002 breaking the language norm, confirmed by the office. */
    private String confirmedFinding() {
        var pool = List.of("case-insp-" + UUID.randomUUID(), "case-insp-" + UUID.randomUUID());
        pool.forEach(u -> account(u, "INSPECTOR", "xnb", null));
        var plan = new HashMap<String, Object>();
        plan.put("title", "审批科暗访 " + UUID.randomUUID());
        plan.put("method", "UNDERCOVER");
        plan.put("scopeUnitIds", List.of("zedu-xk"));
        plan.put("startsOn", LocalDate.now(clock).toString());
        plan.put("endsOn", LocalDate.now(clock).plusDays(14).toString());
        plan.put("samplingRatio", 1.0);
        plan.put("inspectorPool", pool);
        plan.put("checklistTemplateId", "window-norms");
        var planId = ok(as(OFFICE).post("""
                mutation($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { plan { id } errors { code message } } }""", Map.of("input", plan)).ok().path("createInspectionPlan"))
                .path("plan")
                .path("id")
                .asString();
        var drawn = ok(as(OFFICE)
                .post("""
                mutation($input: DrawInspectionInput!) { drawInspection(input: $input) {
                  plan { assignments { id inspectors } } errors { code message } } }""", Map.of("input", Map.of("planId", planId, "seed", "case-" + UUID.randomUUID())))
                .ok()
                .path("drawInspection"));
        var assignment = drawn.path("plan").path("assignments").path(0);
        var inspector = assignment.path("inspectors").path(0).asString();
        var day = UUID.randomUUID().toString();
        var visit = Map.<String, Object>of(
                "clientId",
                day + "-v",
                "assignmentId",
                assignment.path("id").asString(),
                "startedAt",
                "2026-11-20T09:15:00+08:00",
                "endedAt",
                "2026-11-20T09:55:00+08:00",
                "answers",
                List.of(Map.of("code", "WINDOW_LANGUAGE", "result", "FAIL", "note", "态度生硬")));
        var finding = Map.<String, Object>of(
                "clientId",
                day + "-f",
                "visitClientId",
                day + "-v",
                "normCode",
                "WINDOW_LANGUAGE",
                "description",
                "对办事群众态度生硬",
                "observedAt",
                "2026-11-20T09:20:00+08:00",
                "badgeNumber",
                "ZB002",
                "evidence",
                List.of(Map.of(
                        "clientId",
                        day + "-note",
                        "kind",
                        "NOTE",
                        "capturedAt",
                        "2026-11-20T09:21:00+08:00",
                        "text",
                        "话难听")));
        var synced = ok(as(inspector)
                .post("""
                mutation($input: SyncInspectorDayInput!) { syncInspectorDay(input: $input) {
                  findings { id } errors { field code message } } }""", Map.of("input", Map.of("visits", List.of(visit), "findings", List.of(finding))))
                .ok()
                .path("syncInspectorDay"));
        var findingId = synced.path("findings").path(0).path("id").asString();
        ok(as(OFFICE)
                .post(
                        """
                mutation($input: ReviewInspectionFindingInput!) { reviewInspectionFinding(input: $input) { errors { code message } } }""",
                        Map.of(
                                "input",
                                Map.of(
                                        "id",
                                        findingId,
                                        "decision",
                                        "CONFIRM",
                                        "rectifyBy",
                                        LocalDate.now(clock).plusDays(5).toString())))
                .ok()
                .path("reviewInspectionFinding"));
        return findingId;
    }

    private static JsonNode ok(JsonNode payload) {
        if (!payload.path("errors").isEmpty()) {
            throw new AssertionError("Refused: " + payload.path("errors"));
        }
        return payload;
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
