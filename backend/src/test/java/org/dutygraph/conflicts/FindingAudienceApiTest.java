package org.dutygraph.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.platform.graphql.limits.TrustedDocuments;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Unit leaders see the findings involving their units and the units under them, with counts per child unit, and
 * nothing of other units' findings on any path; admins and analysts see all; other accounts none (issue 16).
 * Leaders: lead-r heads 寅局 R (section R-s: a role conflict and a fragmentation), lead-a heads 甲局 A (the A|B
 * overlap), lead-a-s1 heads A's section A-s1; former-r headed R until 2020; p2 is staff in R-s.
 */
class FindingAudienceApiTest extends ApiTest {

    private static final String FINDINGS = """
            query($unit: ID) { findings(filter: {unitId: $unit}, first: 500) { edges { node {
              id kind units(first: 10) { id } duties(first: 10) { id } posts(first: 10) { id } powerItems(first: 10) { id } arbiter { id } } } } }""";

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TrustedDocuments trusted;

    @BeforeEach
    void leadersOfTheConflictsCity() {
        wipeGraph();
        importBundle(ConflictsApiTest.BUNDLE);
        importBundle(resource("bundles/finding-leaders.bundle.json"));
        account("leader-r", "UNIT_STAFF", "R", "lead-r");
        account("leader-a", "UNIT_STAFF", "A", "lead-a");
        account("leader-a-s1", "APPRAISER", "A-s1", "lead-a-s1");
        account("former-r", "UNIT_STAFF", "R", "former-r");
        account("staff-r", "UNIT_STAFF", "R-s", "p2");
        var job = as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: 60}) { job { status } } }")
                .ok()
                .path("runAnalysis")
                .path("job");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
    }

    private void account(String username, String role, String unitId, String personId) {
        var params = new HashMap<String, Object>();
        params.put("u", username);
        params.put("hash", passwords.encode(username + "-demo"));
        params.put("role", role);
        params.put("unit", unitId);
        params.put("person", personId);
        try (var session = driver.session()) {
            session.run("""
                    MERGE (a:Account {username: $u})
                    SET a.passwordHash = $hash, a.roles = [$role], a.unitId = $unit, a.personId = $person""", params).consume();
        }
    }

    private List<JsonNode> findings(String user, String unit) {
        var vars = new HashMap<String, Object>();
        vars.put("unit", unit);
        return as(user).post(FINDINGS, vars)
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .toList();
    }

    private static List<String> units(JsonNode finding) {
        return finding.path("units")
                .valueStream()
                .map(u -> u.path("id").asString())
                .toList();
    }

    private static String idOf(List<JsonNode> findings, String kind, List<String> units) {
        return findings.stream()
                .filter(f -> f.path("kind").asString().equals(kind) && units(f).equals(units))
                .findFirst()
                .orElseThrow(() -> new AssertionError(kind + " " + units + " not in " + findings))
                .path("id")
                .asString();
    }

    private JsonNode finding(String user, String id) {
        return as(user).post("query($id: ID!) { finding(id: $id) { id units { id } } }", Map.of("id", id))
                .ok()
                .path("finding");
    }

    private List<String> counts(String user, String unit) {
        var vars = new HashMap<String, Object>();
        vars.put("unit", unit);
        return as(user).post(
                        "query($unit: ID) { findingCounts(unitId: $unit) { edges { node { unit { id } total byKind { kind count } } } } }",
                        vars)
                .ok()
                .path("findingCounts")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node").path("unit").path("id").asString() + "="
                        + e.path("node").path("total").asInt())
                .toList();
    }

    @Test
    void aLeaderSeesTheFindingsOfTheirUnitAndItsSectionsAndNothingElse() {
        var all = findings("analyst", null);
        var roleConflict = idOf(all, "ROLE_CONFLICT", List.of("R-s"));
        var fragmentation = idOf(all, "FRAGMENTATION", List.of("R-s"));
        var overlapAB = idOf(all, "OVERLAP", List.of("A", "B"));

        var seenByR = findings("leader-r", null);
        assertThat(seenByR.stream().map(f -> f.path("id").asString())).contains(roleConflict, fragmentation);
        assertThat(seenByR).allSatisfy(f -> assertThat(units(f)).containsAnyOf("R", "R-s"));
        assertThat(seenByR.size()).isLessThan(all.size());
        assertThat(seenByR.toString()).doesNotContain(overlapAB);

        var seenByA = findings("leader-a", null);
        assertThat(seenByA.stream().map(f -> f.path("id").asString()))
                .contains(overlapAB)
                .doesNotContain(roleConflict);
        assertThat(seenByA).allSatisfy(f -> assertThat(units(f)).containsAnyOf("A", "A-s1"));
        // the section's leader sees below A only: not the A|B overlap held by A itself
        assertThat(findings("leader-a-s1", null))
                .allSatisfy(f -> assertThat(units(f)).contains("A-s1"))
                .noneMatch(f -> f.path("id").asString().equals(overlapAB));
    }

    @Test
    void anotherUnitsFindingsAreUnreachableByIdByUnitFilterAndByCounts() {
        var all = findings("analyst", null);
        var roleConflict = idOf(all, "ROLE_CONFLICT", List.of("R-s"));
        var overlapAB = idOf(all, "OVERLAP", List.of("A", "B"));

        assertThat(finding("leader-r", roleConflict).path("id").asString()).isEqualTo(roleConflict);
        assertThat(finding("leader-r", overlapAB).isNull()).isTrue();
        assertThat(finding("leader-a", roleConflict).isNull()).isTrue();
        assertThat(findings("leader-r", "A")).isEmpty();
        assertThat(findings("leader-r", "gov")).isEmpty();
        assertThat(findings("leader-a", "R-s")).isEmpty();
        assertThat(counts("leader-r", "A")).isEmpty();
        assertThat(counts("leader-r", "gov")).isEmpty();
        assertThat(counts("leader-a", "R")).isEmpty();
    }

    @Test
    void aLeaderCountsPerChildUnitFromTheUnitsTheyLead() {
        assertThat(counts("leader-r", null))
                .singleElement()
                .satisfies(c -> assertThat(c).startsWith("R="));
        assertThat(counts("leader-r", "R"))
                .singleElement()
                .satisfies(c -> assertThat(c).isNotEqualTo("R-s=0").startsWith("R-s="));
        var r = counts("leader-r", null).get(0);
        var rs = counts("leader-r", "R").get(0);
        assertThat(r.substring(2)).isEqualTo(rs.substring(4)); // R holds no finding of its own
        assertThat(counts("leader-a", null))
                .containsExactly(counts("analyst", "gov").stream()
                        .filter(c -> c.startsWith("A="))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void staffFormerLeadersAndAccountsWithoutAPersonSeeNoFinding() {
        for (var user : List.of("staff-r", "former-r", "staff", "inspector", "appraiser")) {
            assertThat(findings(user, null)).as(user).isEmpty();
            assertThat(findings(user, "R-s")).as(user).isEmpty();
            assertThat(counts(user, null)).as(user).isEmpty();
            assertThat(counts(user, "R")).as(user).isEmpty();
        }
        var any = findings("analyst", null).get(0).path("id").asString();
        assertThat(finding("staff-r", any).isNull()).isTrue();
        assertThat(findings("admin", null)).hasSameSizeAs(findings("analyst", null));
    }

    @Test
    void whoTriagedAFindingIsShownToAdminsAndAnalystsOnlyNotToTheUnitsLeaders() {
        var id = idOf(findings("analyst", null), "ROLE_CONFLICT", List.of("R-s"));
        var triaged = as("analyst")
                .post(
                        "mutation($id: ID!) { triageFinding(input: {id: $id, action: ACKNOWLEDGE}) { finding { triagedBy } } }",
                        Map.of("id", id))
                .ok()
                .path("triageFinding");
        assertThat(triaged.path("finding").path("triagedBy").asString()).isEqualTo("analyst");
        var query = "query($id: ID!) { finding(id: $id) { status triagedBy } }";
        var listed = "{ findings(first: 500) { edges { node { id status triagedBy } } } }";
        for (var user : List.of("analyst", "admin")) {
            assertThat(as(user).post(query, Map.of("id", id))
                            .ok()
                            .path("finding")
                            .path("triagedBy")
                            .asString())
                    .as(user)
                    .isEqualTo("analyst");
        }
        var leaders = as("leader-r").post(query, Map.of("id", id)).ok().path("finding");
        assertThat(leaders.path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(leaders.path("triagedBy").isNull()).as(leaders.toString()).isTrue();
        var inTheList = as("leader-r")
                .post(listed)
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(f -> f.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(inTheList.path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(inTheList.path("triagedBy").isNull())
                .as(inTheList.toString())
                .isTrue();
    }

    @Test
    void whyAFindingWasWaivedIsTheAnalystsTextNotTheUnitsLeaders() {
        var id = idOf(findings("analyst", null), "ROLE_CONFLICT", List.of("R-s"));
        var why = "张三 approves and inspects the same permits on purpose; the director knows";
        as("analyst")
                .post(
                        "mutation($id: ID!, $why: String) { triageFinding(input: {id: $id, action: WAIVE, reason: $why}) { finding { id } } }",
                        Map.of("id", id, "why", why))
                .ok();
        var query = "query($id: ID!) { finding(id: $id) { status reason } }";
        for (var user : List.of("analyst", "admin")) {
            assertThat(as(user).post(query, Map.of("id", id))
                            .ok()
                            .path("finding")
                            .path("reason")
                            .asString())
                    .as(user)
                    .isEqualTo(why);
        }
        var leaders = as("leader-r").post(query, Map.of("id", id)).ok().path("finding");
        assertThat(leaders.path("status").asString()).isEqualTo("WAIVED");
        assertThat(leaders.path("reason").isNull()).as(leaders.toString()).isTrue();
        var listed = as("leader-r")
                .post("{ findings(first: 500) { edges { node { id reason } } } }")
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(f -> f.path("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(listed.path("reason").isNull()).as(listed.toString()).isTrue();
    }

    /** The leaders' journey as the app sends it: the manifest's document, by its hash alone. */
    private JsonNode myUnitFindings(String user, String unit) {
        var document = resource("operations/leader/MyUnitFindings.graphql").strip();
        assertThat(trusted.byHash(TrustedDocuments.sha256(document))).contains(document);
        var variables = new HashMap<String, Object>();
        variables.put("unitId", unit);
        var body = new HashMap<String, Object>();
        body.put("variables", variables);
        body.put(
                "extensions",
                Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", TrustedDocuments.sha256(document))));
        return as(user).raw(org.dutygraph.support.GraphQl.JSON.writeValueAsString(body))
                .ok();
    }

    @Test
    void theLeadersOperationShowsTheFindingsOfTheirUnitWithCountsPerChildUnit() {
        var top = myUnitFindings("leader-r", null);
        assertThat(top.path("findingCounts")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("unit").path("id").asString()))
                .containsExactly("R");
        var r = myUnitFindings("leader-r", "R");
        assertThat(r.path("findingCounts")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("unit").path("id").asString()))
                .containsExactly("R-s");
        var listed = r.path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .toList();
        assertThat(listed).isNotEmpty().allSatisfy(f -> assertThat(units(f)).containsAnyOf("R", "R-s"));
        assertThat(r.path("findingCounts")
                        .path("edges")
                        .path(0)
                        .path("node")
                        .path("total")
                        .asInt())
                .isEqualTo(listed.size());
        var elsewhere = myUnitFindings("leader-r", "A");
        assertThat(elsewhere.path("findings").path("edges").size()).isZero();
        assertThat(elsewhere.path("findingCounts").path("edges").size()).isZero();
    }

    @Test
    void aLeaderCannotTriageOrRunAnAnalysis() {
        var id = findings("leader-r", null).get(0).path("id").asString();
        assertThat(as("leader-r")
                        .post(
                                "mutation($id: ID!) { triageFinding(input: {id: $id, action: ACKNOWLEDGE}) { finding { id } } }",
                                Map.of("id", id))
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(as("leader-r")
                        .post("mutation { runAnalysis(input: {waitSeconds: 0}) { job { id } } }")
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
    }
}
