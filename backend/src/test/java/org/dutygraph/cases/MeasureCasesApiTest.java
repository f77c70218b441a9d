package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The older recordAccountabilityMeasure, routed into cases: its answer is as before (the measure on the chain), and the
 * finding's case against that post is decided with the same measure (audited, once per call); a refused call records
 * neither.
 */
class MeasureCasesApiTest extends CaseTestSupport {

    private static final String RECORD = """
            mutation($input: RecordAccountabilityMeasureInput!) { recordAccountabilityMeasure(input: $input) {
              chain { postId links { role post { id } measures { measure note recordedBy } } }
              errors { field code message } } }""";

    @Test
    void theMeasureDecidesTheFindingsCaseAgainstThatPost_andTheOldAnswerStays() {
        var findingId = confirmedFinding();
        var before = casesFor(findingId);
        assertThat(before).as("the confirmed finding opened its case").hasSize(1);
        assertThat(before.get(0).path("status").asString()).isEqualTo("REGISTERED");

        var answer = record(findingId, "zedu-xk-1", "ADMONISHMENT_TALK", "态度生硬，诫勉谈话");
        assertThat(answer.path("errors")).isEmpty();
        var holder = answer.path("chain").path("links").path(0);
        assertThat(holder.path("post").path("id").asString()).isEqualTo("zedu-xk-1");
        assertThat(holder.path("measures").path(0).path("measure").asString()).isEqualTo("ADMONISHMENT_TALK");
        assertThat(holder.path("measures").path(0).path("note").asString()).isEqualTo("态度生硬，诫勉谈话");

        var after = casesFor(findingId);
        assertThat(after).as("the same case, decided").hasSize(1);
        var decided = after.get(0);
        assertThat(decided.path("status").asString()).isEqualTo("DECIDED");
        assertThat(decided.path("decision").path("measure").asString()).isEqualTo("ADMONISHMENT_TALK");
        assertThat(decided.path("decision").path("reason").asString()).isEqualTo("态度生硬，诫勉谈话");
        assertThat(decided.path("person").path("id").asString()).isEqualTo("ZB002");
        assertThat(decided.path("steps")
                        .valueStream()
                        .map(s ->
                                s.path("action").asString() + " " + s.path("by").asString()))
                .contains("DECIDE " + OFFICE);

        var head = record(findingId, "zedu-xk-head", "REMINDER_TALK", null);
        assertThat(head.path("errors")).isEmpty();
        var cases = casesFor(findingId);
        assertThat(cases).hasSize(2);
        var headCase = cases.stream()
                .filter(c -> c.path("post").path("id").asString().equals("zedu-xk-head"))
                .findFirst()
                .orElseThrow();
        assertThat(headCase.path("status").asString()).isEqualTo("DECIDED");
        assertThat(headCase.path("person").path("id").asString()).isEqualTo("ZB003");
        assertThat(headCase.path("decision").path("measure").asString()).isEqualTo("REMINDER_TALK");
        assertThat(headCase.path("situation").path("code").asString())
                .as("the finding's situation")
                .isEqualTo("window.language");
        assertThat(headCase.path("actDate").asString())
                .isEqualTo(decided.path("actDate").asString());

        var suspended = record(findingId, "zedu-xk-1", "SUSPENSION", "先停职");
        assertThat(suspended.path("errors")).isEmpty();
        var holderCases = casesFor(findingId).stream()
                .filter(c -> c.path("post").path("id").asString().equals("zedu-xk-1"))
                .toList();
        assertThat(holderCases)
                .as("a decided case is not decided again: a new one, suspended")
                .hasSize(2);
        assertThat(holderCases)
                .filteredOn(c -> c.path("status").asString().equals("REGISTERED"))
                .singleElement()
                .satisfies(c -> assertThat(c.path("suspendedAt").isNull()).isFalse());
    }

    /** Issue 20: a case decided on this path was never extended to the unit's leaders. */
    @Test
    void aSeriousCaseDecidedByTheMeasureIsExtendedToTheUnitsLeaders_asThroughTheProcedure() {
        var findingId = confirmedFinding();
        var plain = record(findingId, "zedu-xk-1", "ADMONISHMENT_TALK", "诫勉谈话");
        assertThat(plain.path("errors")).isEmpty();
        var caseId = casesFor(findingId).get(0).path("id").asString();
        assertThat(extensions(caseId)).as("no rule fires without the facts").isEmpty();

        var serious = confirmedFinding();
        var input = new java.util.HashMap<String, Object>();
        input.put("findingId", serious);
        input.put("postId", "zedu-xk-1");
        input.put("measure", "CIRCULATED_CRITICISM");
        input.put("note", "损害群众利益");
        input.put("seriousHarm", true);
        var answer = as(OFFICE).post(RECORD, Map.of("input", input)).ok().path("recordAccountabilityMeasure");
        assertThat(answer.path("errors")).as(answer.toString()).isEmpty();
        var decided = casesFor(serious).get(0);
        assertThat(decided.path("status").asString()).isEqualTo("DECIDED");
        assertThat(extensions(decided.path("id").asString()))
                .containsExactlyInAnyOrder("zedu-head ZB005 [SERIOUS_HARM]", "zedu-deputy ZB004 [SERIOUS_HARM]");
        assertThat(decided.path("steps").valueStream().map(s -> s.path("action").asString()))
                .contains("EXTEND_TO_LEADERS");
    }

    @Test
    void aRefusedMeasureDecidesNothing() {
        var findingId = confirmedFinding();
        var refused = record(findingId, "zhlth-head", "REMINDER_TALK", null);
        assertThat(firstCode(refused)).isEqualTo("NOT_ON_CHAIN");
        assertThat(casesFor(findingId))
                .singleElement()
                .satisfies(c -> assertThat(c.path("status").asString()).isEqualTo("REGISTERED"));
        assertThat(as("case-zb005")
                        .post(
                                RECORD,
                                Map.of(
                                        "input",
                                        Map.of(
                                                "findingId",
                                                findingId,
                                                "postId",
                                                "zedu-xk-1",
                                                "measure",
                                                "REMINDER_TALK")))
                        .firstErrorCode())
                .as("not an inspector")
                .isEqualTo("FORBIDDEN");
    }

    private JsonNode record(String findingId, String postId, String measure, String note) {
        var input = new java.util.HashMap<String, Object>();
        input.put("findingId", findingId);
        input.put("postId", postId);
        input.put("measure", measure);
        input.put("note", note);
        return as(OFFICE).post(RECORD, Map.of("input", input)).ok().path("recordAccountabilityMeasure");
    }

    /** "post person [rules]" of each case extended from this one. */
    private List<String> extensions(String caseId) {
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
                                "query($id: ID!) { accountabilityCase(id: $id) { post { id } person { id } jointRules } }",
                                Map.of("id", n.path("id").asString()))
                        .ok()
                        .path("accountabilityCase"))
                .map(c -> c.path("post").path("id").asString() + " "
                        + c.path("person").path("id").asString() + " "
                        + c.path("jointRules")
                                .valueStream()
                                .map(JsonNode::asString)
                                .toList())
                .toList();
    }

    private List<JsonNode> casesFor(String findingId) {
        return as(OFFICE)
                .post("""
                { accountabilityCases(filter: {sourceKind: "SPOT_CHECK"}, first: 500) { edges { node { id source { id } } } } }""")
                .ok()
                .path("accountabilityCases")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("source").path("id").asString().equals(findingId))
                .map(n -> caseAs(OFFICE, n.path("id").asString()))
                .toList();
    }
}
