package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A complaint names its matter by picking it from the public list (issue 21 item 4), routed like a power item; a
 * matter in words goes to triage with suggestions that say why (fixture: bundles/complaints-matters.bundle.json).
 */
class MatterRoutingApiTest extends ComplaintTestSupport {

    @Test
    void aMatterHeldThroughABroaderConceptInAnEnclosingAreaGoesToThatUnit() {
        // 共享单车 is narrower than 市容环境, held by 东区城市管理局 in 东区, which contains 朝阳街道
        var c = routed(Map.of("matterId", "cobj.bike"), "ct-d1-cy");
        assertThat(c.path("handlingUnit").path("id").asString()).isEqualTo("ccg-e");
        assertThat(c.path("target").path("matterId").asString()).isEqualTo("cobj.bike");
    }

    @Test
    void aMatterHeldBySeveralUnitsWithoutAPlaceWaitsInTriageWithThemSuggested() {
        var c = routed(Map.of("matterId", "cobj.bike"), null);
        assertThat(c.path("handlingUnit").isNull()).isTrue();
        assertThat(ids(c.path("suggestions"))).containsExactlyInAnyOrder("ccg-e", "ccg-w");
    }

    @Test
    void aGypsumMineGoesToTheUnitHoldingNonCoalMines() {
        assertThat(routed(Map.of("matterId", "cobj.gypsum"), null)
                        .path("handlingUnit")
                        .path("id")
                        .asString())
                .isEqualTo("cyj");
    }

    @Test
    void overlappingHoldersOfAMatterSendItToTheArbitersUnitWithTheFindingAttached() {
        // 餐馆: the health commission holds it, the market regulator holds the broader 食品经营; the analysis found the
        // overlap
        var c = routed(Map.of("matterId", "cobj.restaurant"), null);
        assertThat(c.path("handlingUnit").path("id").asString()).isEqualTo("cgov");
        assertThat(c.path("conflict").path("kind").asString()).isEqualTo("OVERLAP");
        assertThat(c.path("conflict").path("arbiter").path("id").asString()).isEqualTo("cgov-vm");
    }

    @Test
    void aMatterNobodyHoldsInThePlaceGoesToTriage() {
        var c = routed(Map.of("matterId", "cobj.taxi"), "ct-d1");
        assertThat(c.path("handlingUnit").isNull()).isTrue();
        assertThat(c.path("routing").asString()).contains("没有单位");
    }

    @Test
    void unknownMattersAndActionConceptsAreUserErrorsOnTheField() {
        for (var id : List.of("cobj.nope", "cact.inspect")) {
            var submitted = submit(complaint(Map.of("matterId", id)));
            assertThat(submitted.path("receipt").isNull()).isTrue();
            var error = submitted.path("errors").get(0);
            assertThat(error.path("code").asString()).isEqualTo("NOT_FOUND");
            assertThat(error.path("field").valueStream().map(JsonNode::asString))
                    .containsExactly("input", "target", "matterId");
        }
    }

    @Test
    void wordsAtASubDistrictSuggestTheUnitHoldingThatMatterThereFirstAndSayWhy() {
        var c = routed(Map.of("matterText", "共享单车乱停放占用盲道"), "ct-d1-cy");
        assertThat(c.path("handlingUnit").isNull()).isTrue();
        var suggestions = c.path("suggestions");
        assertThat(ids(suggestions).get(0)).as(suggestions.toString()).isEqualTo("ccg-e");
        assertThat(suggestions.get(0).path("reason").asString()).contains("共享单车", "市容环境", "东区城市管理局", "东区");
        // the other district's unit holds 共享单车 too, but not where it happened
        assertThat(ids(suggestions)).doesNotContain("ccg-w").contains("cxf");
        var wording = suggestions
                .valueStream()
                .filter(s -> s.path("unit").path("id").asString().equals("cxf"))
                .findFirst()
                .orElseThrow();
        assertThat(wording.path("reason").asString()).contains("信访局", "盲道", "停放");
        assertThat(ids(c.path("suggestedUnits"))).isEqualTo(ids(suggestions));
    }

    @Test
    void theCitizenSeesNoneOfTheSuggestionsNorWhy() {
        var input = complaint(Map.of("matterText", "共享单车乱停放占用盲道"));
        input.put("areaId", "ct-d1-cy");
        var submitted = submit(input);
        var seen = citizen()
                .post(
                        "query($r: String!) { complaintByReceipt(receipt: $r) { handlingUnitName status } }",
                        Map.of("r", submitted.path("receipt").asString()))
                .ok()
                .toString();
        assertThat(seen).doesNotContain("城市管理局", "市容", "职责");
        assertThat(submitted.toString()).doesNotContain("城市管理局", "市容", "职责");
    }

    private JsonNode routed(Map<String, Object> target, String areaId) {
        var input = complaint(target);
        if (areaId != null) {
            input.put("areaId", areaId);
        }
        var submitted = submit(input);
        assertThat(submitted.path("errors").isEmpty()).as(submitted.toString()).isTrue();
        String id;
        try (var session = driver.session()) {
            id = session.run(
                            "MATCH (c:Complaint {number: $n}) RETURN c.id AS id",
                            Map.of(
                                    "n",
                                    submitted.path("complaint").path("number").asString()))
                    .single()
                    .get("id")
                    .asString();
        }
        return as("inspector").post("""
                query($id: ID!) { complaint(id: $id) { id routing handlingUnit { id } target { matterId }
                  suggestedUnits { id } suggestions { unit { id name } reason } conflict { kind arbiter { id } } } }""", Map.of("id", id)).ok().path("complaint");
    }

    private static List<String> ids(JsonNode list) {
        return list.valueStream()
                .map(n -> n.has("unit")
                        ? n.path("unit").path("id").asString()
                        : n.path("id").asString())
                .toList();
    }
}
