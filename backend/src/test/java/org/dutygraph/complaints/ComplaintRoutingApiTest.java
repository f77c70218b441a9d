package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The duty graph decides who handles a complaint (fixture: bundles/complaints.bundle.json). */
class ComplaintRoutingApiTest extends ComplaintTestSupport {

    @Test
    void aBadgeNumberLeadsToTheWindowOfItsHolder() {
        assertThat(routed(Map.of("badgeNumber", "GH0815"))
                        .path("handlingUnit")
                        .path("id")
                        .asString())
                .isEqualTo("cwin3");
    }

    /** Routing asks who holds the post today (Holdings.currentOn): an appointment that starts later does not count. */
    @Test
    void aBadgeWhoseHoldingHasNotStartedYetRoutesNowhere() {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (post:Post {id: 'cmkt-head'})
                    CREATE (:Person {id: 'GH-LATER', name: '未到岗人员'})-[:HOLDS {startDate: '2999-01-01'}]->(post)""").consume();
        }
        try {
            var c = routed(Map.of("badgeNumber", "GH-LATER"));
            assertThat(c.path("handlingUnit").isNull()).as(c.toString()).isTrue();
        } finally {
            try (var session = driver.session()) {
                session.run("MATCH (p:Person {id: 'GH-LATER'}) DETACH DELETE p").consume();
            }
        }
    }

    @Test
    void aPostLeadsToItsUnit() {
        assertThat(routed(Map.of("postId", "cmkt-head"))
                        .path("handlingUnit")
                        .path("id")
                        .asString())
                .isEqualTo("cmkt");
    }

    @Test
    void aMatterHeldByOneUnitInThatPlaceGoesToIt() {
        var c = routed(Map.of("powerItemId", "cpi-taxi"));
        assertThat(c.path("handlingUnit").path("id").asString()).isEqualTo("ctrans");
        assertThat(c.path("routing").asString()).contains("只有该单位");
    }

    @Test
    void aMatterHeldByNobodyInThePlaceOfTheIncidentGoesToTriage() {
        var input = complaint(Map.of("powerItemId", "cpi-taxi"));
        input.put("areaId", "ct-d1");
        var c = handlerView(submit(input));
        assertThat(c.path("handlingUnit").isNull()).isTrue();
        assertThat(c.path("routing").asString()).contains("没有单位");
        var triage = as("inspector")
                .post("{ complaints(filter: {triageOnly: true}, first: 200) { edges { node { id } } } }")
                .ok()
                .path("complaints")
                .path("edges");
        assertThat(triage.valueStream().map(e -> e.path("node").path("id").asString()))
                .contains(c.path("id").asString());
    }

    @Test
    void overlappingHoldersSendItToTheArbitersUnitWithTheFindingAttached() {
        var c = routed(Map.of("powerItemId", "cpi-food"));
        assertThat(c.path("handlingUnit").path("id").asString()).isEqualTo("cgov");
        assertThat(c.path("conflict").path("kind").asString()).isEqualTo("OVERLAP");
        assertThat(c.path("conflict").path("arbiter").path("id").asString()).isEqualTo("cgov-vm");
        assertThat(c.path("suggestedUnits").valueStream().map(u -> u.path("id").asString()))
                .containsExactlyInAnyOrder("chlth", "cmkt");
    }

    @Test
    void aMatterInFreeTextGoesToTriageWithTheUnitsWhoseDutiesMatchItsWording() {
        var c = routed(Map.of("matterText", "餐馆卫生问题没人管"));
        assertThat(c.path("handlingUnit").isNull()).isTrue();
        assertThat(c.path("suggestedUnits").valueStream().map(u -> u.path("id").asString()))
                .contains("chlth");
    }

    private JsonNode routed(Map<String, Object> target) {
        return handlerView(submit(complaint(target)));
    }

    private JsonNode handlerView(JsonNode submitted) {
        assertThat(submitted.path("errors").isEmpty()).as(submitted.toString()).isTrue();
        var number = submitted.path("complaint").path("number").asString();
        String id;
        try (var session = driver.session()) {
            id = session.run("MATCH (c:Complaint {number: $n}) RETURN c.id AS id", Map.of("n", number))
                    .single()
                    .get("id")
                    .asString();
        }
        return as("inspector").post("""
                query($id: ID!) { complaint(id: $id) { id routing handlingUnit { id } suggestedUnits { id }
                  conflict { kind arbiter { id } } } }""", Map.of("id", id)).ok().path("complaint");
    }
}
