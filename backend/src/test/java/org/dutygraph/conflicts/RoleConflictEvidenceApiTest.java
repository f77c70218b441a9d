package org.dutygraph.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Role conflicts found from the power list's categories and the duty wording, not only from action labels, and
 * saying which evidence made them (issue 16, analysis quality).
 */
class RoleConflictEvidenceApiTest extends ApiTest {

    private static final String ROLE_CONFLICTS = """
            { findings(filter: {kinds: [ROLE_CONFLICT]}, first: 100) { edges { node {
              id units(first: 20) { id } duties(first: 20) { id } evidence explanationZh explanationEn
              roleEvidence { dutyId side source subjectId matched } } } } }""";

    @BeforeEach
    void analysed() {
        wipeGraph();
        importBundle(resource("bundles/role-evidence.bundle.json"));
        var job = as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: 60}) { job { status } } }")
                .ok()
                .path("runAnalysis")
                .path("job");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
    }

    private List<JsonNode> roleConflicts() {
        return as("analyst")
                .post(ROLE_CONFLICTS)
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .toList();
    }

    private static String units(JsonNode finding) {
        return String.join(
                "|",
                finding.path("units")
                        .valueStream()
                        .map(u -> u.path("id").asString())
                        .sorted()
                        .toList());
    }

    private static JsonNode of(List<JsonNode> findings, String unit) {
        return findings.stream()
                .filter(f -> units(f).equals(unit))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no role conflict in " + unit + ": " + findings));
    }

    private static List<String> reasons(JsonNode finding) {
        return finding.path("roleEvidence")
                .valueStream()
                .map(e -> e.path("dutyId").asString() + " " + e.path("side").asString() + " "
                        + e.path("source").asString() + " "
                        + e.path("subjectId").asString("-") + " "
                        + e.path("matched").asString())
                .toList();
    }

    @Test
    void aPenaltyItemAndAnOversightWordingInOneSectionAreARoleConflictSayingSo() {
        var p = of(roleConflicts(), "P-s");
        assertThat(reasons(p))
                .containsExactly(
                        "d-P-1 ENFORCEMENT POWER_ITEM_CATEGORY pi-food-penalty penalty",
                        "d-P-2 OVERSIGHT DUTY_TEXT - 执法监督");
        assertThat(p.path("evidence").valueStream().map(JsonNode::asString))
                .contains(
                        "enforcement: (d-P-1)-[:EXERCISES]->(pi-food-penalty {category: 'penalty'})",
                        "oversight: (d-P-2).text contains '执法监督'");
        assertThat(p.path("explanationZh").asString())
                .contains("卯局执法科")
                .contains("penalty")
                .contains("执法监督");
        assertThat(p.path("explanationEn").asString())
                .contains("pi-food-penalty, penalty")
                .contains("d-P-2");
    }

    @Test
    void aCoercionItemOnANarrowerObjectAndALegalReviewActionAreARoleConflict() {
        var q = of(roleConflicts(), "Q");
        assertThat(q.path("duties").valueStream().map(d -> d.path("id").asString()))
                .containsExactly("d-Q-1", "d-Q-2");
        assertThat(reasons(q))
                .containsExactly(
                        "d-Q-1 ENFORCEMENT POWER_ITEM_CATEGORY pi-drug-seal coercion",
                        "d-Q-2 OVERSIGHT ACTION_LABEL act.review 法制审核");
    }

    @Test
    void licensingItemsOtherUnitsLicenceChecksAndOneDutyReviewingPenaltiesAreNoRoleConflict() {
        // S licenses (not enforcement); T enforces and U oversees, but in different units; V's 审核 of licence
        // applications is not a legal review; W's one duty reviews penalty decisions: oversight, not both.
        assertThat(roleConflicts().stream().map(RoleConflictEvidenceApiTest::units))
                .containsExactlyInAnyOrder("P-s", "Q");
    }

    @Test
    void aScenarioAnalysisCarriesTheSameEvidence() {
        var analyst = as("analyst");
        var id = analyst.post("mutation { createScenario(input: {name: \"证据\"}) { scenario { id } } }")
                .ok()
                .path("createScenario")
                .path("scenario")
                .path("id")
                .asString();
        var findings = analyst.post(
                        "query($id: ID!) { scenario(id: $id) { analysis { findings { kind unitIds roleEvidence { dutyId source matched } } } } }",
                        Map.of("id", id))
                .ok()
                .path("scenario")
                .path("analysis")
                .path("findings")
                .valueStream()
                .filter(f -> f.path("kind").asString().equals("ROLE_CONFLICT"))
                .filter(f -> f.path("unitIds").path(0).asString().equals("P-s"))
                .toList();
        assertThat(findings)
                .singleElement()
                .satisfies(f -> assertThat(f.path("roleEvidence")
                                .valueStream()
                                .map(e -> e.path("source").asString()))
                        .containsExactly("POWER_ITEM_CATEGORY", "DUTY_TEXT"));
    }
}
