package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The role does not make an efficiency office: an inspector of the market regulator handles the regulator's
 * complaints only, and citizens' contact details reach the unit handling their case, not everyone who reads it.
 */
class HandlerScopeApiTest extends ComplaintTestSupport {

    private static final String LIST = """
            query($unit: ID) { complaints(filter: {unitId: $unit}, first: 500) { edges { node { id contact { name phone } } } } }""";

    @BeforeEach
    void marketInspector() {
        try (var session = driver.session()) {
            session.run("""
                    MERGE (a:Account {username: 'cmkt-inspector'})
                    ON CREATE SET a.passwordHash = $hash, a.roles = ['INSPECTOR'], a.unitId = 'cmkt'""", Map.of("hash", passwords.encode("cmkt-inspector-demo")))
                    .consume();
        }
    }

    @Test
    void anInspectorOutsideTheOfficeSeesOnlyTheComplaintsOfTheirOwnUnit() {
        var aboutHealth = file(Map.of("unitId", "chlth"))[0];
        var aboutMarket = file(Map.of("unitId", "cmkt"))[0];

        assertThat(ids(as("cmkt-inspector").post(LIST, Map.of("unit", "cmkt")).ok()))
                .contains(aboutMarket);
        assertThat(ids(as("cmkt-inspector").post(LIST, Map.of("unit", "chlth")).ok()))
                .doesNotContain(aboutHealth);
        assertThat(as("cmkt-inspector")
                        .post("query($id: ID!) { complaint(id: $id) { id } }", Map.of("id", aboutHealth))
                        .ok()
                        .path("complaint")
                        .isNull())
                .isTrue();
        assertThat(ids(as("inspector").post(LIST, Map.of("unit", "chlth")).ok()))
                .contains(aboutHealth);

        // nor who read or handled a case: the trail is the office's
        var trail = "query($id: ID!) { complaintAudit(id: $id, first: 50) { edges { node { username action } } } }";
        assertThat(as("cmkt-inspector")
                        .post(trail, Map.of("id", aboutHealth))
                        .ok()
                        .path("complaintAudit")
                        .path("edges"))
                .isEmpty();
        assertThat(as("cmkt-inspector")
                        .post(trail, Map.of("id", aboutMarket))
                        .ok()
                        .path("complaintAudit")
                        .path("edges"))
                .isEmpty();
        assertThat(as("inspector")
                        .post(trail, Map.of("id", aboutHealth))
                        .ok()
                        .path("complaintAudit")
                        .path("edges"))
                .isNotEmpty();
    }

    @Test
    void contactDetailsGoToTheHandlingUnitOnly_andToTheOfficeForItsTriageQueue() {
        var identified = complaint(Map.of("unitId", "cmkt"));
        identified.put("contact", Map.of("name", "李女士", "phone", "139 0000 0000"));
        var routed = idOf(submit(identified));
        var unroutable = complaint(Map.of("powerItemId", "cpi-taxi"));
        unroutable.put("areaId", "ct-d1");
        unroutable.put("contact", Map.of("phone", "137 0000 0000"));
        var triage = idOf(submit(unroutable));

        assertThat(contact(as("cmkt-staff"), routed).path("name").asString()).isEqualTo("李女士");
        assertThat(contact(as("cgov-staff"), routed).path("phone").asString())
                .as("the unit above handles escalations")
                .isEqualTo("139 0000 0000");
        assertThat(contact(as("inspector"), routed).isNull())
                .as("the office, not handling it")
                .isTrue();
        assertThat(contact(as("inspector"), triage).path("phone").asString()).isEqualTo("137 0000 0000");
        var listed = as("inspector")
                .post(LIST, Map.of("unit", "cmkt"))
                .ok()
                .path("complaints")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("id").asString().equals(routed))
                .findFirst()
                .orElseThrow();
        assertThat(listed.path("contact").isNull()).isTrue();
    }

    @Test
    void thePersonAComplaintNamesNeverSeesWhoComplained() {
        var aboutPost = complaint(Map.of("postId", "cwin3-1"));
        aboutPost.put("contact", Map.of("name", "王先生", "phone", "138 0000 0001"));
        var byPost = idOf(submit(aboutPost));
        var aboutBadge = complaint(Map.of("unitId", "cwin3", "badgeNumber", "GH0815"));
        aboutBadge.put("contact", Map.of("name", "赵女士", "phone", "138 0000 0002"));
        var byBadge = idOf(submit(aboutBadge));

        for (var complaint : List.of(byPost, byBadge)) {
            var unit = routedUnit(complaint);
            // the clerk holding the post complained about (person GH0815) and a colleague of the same unit
            personAccount("named-clerk-" + unit, unit, "GH0815");
            personAccount("colleague-" + unit, unit, null);
            assertThat(contact(as("colleague-" + unit), complaint).path("phone").asString())
                    .as("the handling unit reaches the citizen")
                    .startsWith("138 0000 000");
            assertThat(contact(as("named-clerk-" + unit), complaint).isNull())
                    .as("the one complained about does not learn who complained")
                    .isTrue();
        }
    }

    private String routedUnit(String complaintId) {
        try (var session = driver.session()) {
            return session.run("MATCH (c:Complaint {id: $id}) RETURN c.routedUnitId AS u", Map.of("id", complaintId))
                    .single()
                    .get("u")
                    .asString();
        }
    }

    private void personAccount(String username, String unitId, String personId) {
        var params = new java.util.HashMap<String, Object>();
        params.put("u", username);
        params.put("hash", passwords.encode(username + "-demo"));
        params.put("unit", unitId);
        params.put("person", personId);
        try (var session = driver.session()) {
            session.run("""
                    MERGE (a:Account {username: $u})
                    ON CREATE SET a.passwordHash = $hash, a.roles = ['UNIT_STAFF'], a.unitId = $unit,
                                  a.personId = $person""", params);
        }
    }

    private JsonNode contact(org.dutygraph.support.GraphQl client, String id) {
        return client.post("query($id: ID!) { complaint(id: $id) { contact { name phone } } }", Map.of("id", id))
                .ok()
                .path("complaint")
                .path("contact");
    }

    private String idOf(JsonNode submitted) {
        try (var session = driver.session()) {
            return session.run(
                            "MATCH (c:Complaint {number: $n}) RETURN c.id AS id",
                            Map.of(
                                    "n",
                                    submitted.path("complaint").path("number").asString()))
                    .single()
                    .get("id")
                    .asString();
        }
    }

    private static List<String> ids(JsonNode data) {
        return data.path("complaints")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node").path("id").asString())
                .toList();
    }
}
