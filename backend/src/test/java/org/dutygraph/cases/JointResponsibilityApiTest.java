package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each joint-responsibility rule, when it fires at the decision, extends the case to the unit's principal leader and
 * the supervising deputy (as they were on the day of the act), each in a case recording the rules and the case extended.
 */
class JointResponsibilityApiTest extends CaseTestSupport {

    @Test
    void theUnitDidNotActSoTheOfficeOpenedTheCase() {
        var id = open(clue(Map.of("channel", "LETTER", "unitMissedDeadline", "2026-06-10")))
                .path("accountabilityCase")
                .path("id")
                .asString();
        decide(id, Map.of());
        assertThat(extensions(id))
                .containsExactlyInAnyOrder(
                        "zedu-head ZB005 [UNIT_DID_NOT_ACT]", "zedu-deputy ZB004 [UNIT_DID_NOT_ACT]");
        var steps = caseAs(OFFICE, id)
                .path("steps")
                .valueStream()
                .map(s -> s.path("action").asString())
                .toList();
        assertThat(steps).contains("EXTEND_TO_LEADERS");
    }

    @Test
    void mediaExposureWithAWideAdverseEffect_butNotALetter() {
        var media = opened();
        decide(media, Map.of("wideAdverseEffect", true));
        assertThat(extensions(media))
                .containsExactlyInAnyOrder("zedu-head ZB005 [MEDIA_EXPOSURE]", "zedu-deputy ZB004 [MEDIA_EXPOSURE]");

        var letter = open(clue(Map.of("channel", "LETTER")))
                .path("accountabilityCase")
                .path("id")
                .asString();
        decide(letter, Map.of("wideAdverseEffect", true));
        assertThat(extensions(letter)).isEmpty();
    }

    @Test
    void aSeriousCaseHarmingCitizensInterests_andTheExtendedCaseIsTheLeadersOwn() {
        var id = opened();
        decide(id, Map.of("seriousHarm", true));
        assertThat(extensions(id))
                .containsExactlyInAnyOrder("zedu-head ZB005 [SERIOUS_HARM]", "zedu-deputy ZB004 [SERIOUS_HARM]");
        var principalsCase = extended(id).stream()
                .filter(c -> c.path("post").path("id").asString().equals("zedu-head"))
                .findFirst()
                .orElseThrow();
        assertThat(principalsCase.path("status").asString()).isEqualTo("REGISTERED");
        assertThat(principalsCase.path("source").path("reference").asString())
                .isEqualTo(caseAs(OFFICE, id).path("number").asString());
        assertThat(listedAs("case-zb005", "{ myAccountabilityCases(first: 500) { edges { node { id } } } }"))
                .contains(principalsCase.path("id").asString());
    }

    @Test
    void manyComplaintsOfTheSameKindInThePeriod() {
        var fired = new java.util.ArrayList<List<String>>();
        for (int i = 0; i < 3; i++) {
            var complaint = concludedComplaint("GREEDY", "SUBSTANTIATED", "13800000000", "某甲");
            var caseId = caseOfSource(complaint[0]);
            step(caseId, "CONFIRM", Map.of());
            // services.extortion: removal .. demotion
            decide(caseId, Map.of("measure", "REMOVAL"));
            fired.add(extensions(caseId));
        }
        assertThat(fired.get(0)).isEmpty();
        assertThat(fired.get(1)).isEmpty();
        assertThat(fired.get(2))
                .containsExactlyInAnyOrder(
                        "zedu-head ZB005 [REPEATED_COMPLAINTS]", "zedu-deputy ZB004 [REPEATED_COMPLAINTS]");
    }

    @Test
    void noRuleNoExtension() {
        var id = opened();
        decide(id, Map.of());
        assertThat(extensions(id)).isEmpty();
    }

    private void decide(String id, Map<String, Object> facts) {
        step(id, "START_INVESTIGATION", Map.of());
        var input = new HashMap<String, Object>(facts);
        input.putIfAbsent("measure", "REMINDER_TALK");
        input.put("reason", "查实");
        step(id, "DECIDE", input);
    }

    private List<JsonNode> extended(String caseId) {
        return as(OFFICE)
                .post("""
                { accountabilityCases(filter: {sourceKind: "JOINT"}, first: 500) { edges { node { id source { id } } } } }""")
                .ok()
                .path("accountabilityCases")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("source").path("id").asString().equals(caseId))
                .map(n -> as(OFFICE)
                        .post(
                                "query($id: ID!) { accountabilityCase(id: $id) { id status post { id } person { id } "
                                        + "jointRules source { kind id reference } } }",
                                Map.of("id", n.path("id").asString()))
                        .ok()
                        .path("accountabilityCase"))
                .toList();
    }

    /** "post person [rules]" of each case extended from this one. */
    private List<String> extensions(String caseId) {
        return extended(caseId).stream()
                .map(c -> c.path("post").path("id").asString() + " "
                        + c.path("person").path("id").asString() + " "
                        + c.path("jointRules")
                                .valueStream()
                                .map(JsonNode::asString)
                                .toList())
                .toList();
    }

    private String caseOfSource(String sourceId) {
        return as(OFFICE)
                .post("""
                { accountabilityCases(filter: {sourceKind: "COMPLAINT"}, first: 500) { edges { node { id source { id } } } } }""")
                .ok()
                .path("accountabilityCases")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("source").path("id").asString().equals(sourceId))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
    }
}
