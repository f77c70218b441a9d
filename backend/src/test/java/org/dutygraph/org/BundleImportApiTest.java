package org.dutygraph.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class BundleImportApiTest extends ApiTest {

    static final String DEMO = resource("demo/qingshan-city.bundle.json");

    @BeforeEach
    void emptyGraph() {
        wipeGraph();
    }

    @Test
    void aBundleWithTwentyProblemsIsRejectedWholeWithEveryProblemAndStoresNothing() {
        importBundle(DEMO);
        var before = graphFingerprint();

        var payload = importBundle(resource("bundles/twenty-errors.bundle.json"));

        assertThat(payload.path("job").path("status").asString()).isEqualTo("REJECTED");
        assertThat(payload.path("job").path("problemCount").asInt()).isEqualTo(20);
        var problems = payload.path("problems")
                .valueStream()
                .map(p -> p.path("path").asString() + " " + p.path("code").asString())
                .toList();
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "$.format UNSUPPORTED_FORMAT",
                        "$.areas[1].id DUPLICATE_ID",
                        "$.areas[2].parent_id UNKNOWN_REFERENCE",
                        "$.areas[3].parent_id CYCLE",
                        "$.concepts[2].scheme UNKNOWN_VALUE",
                        "$.concepts[3].broader_id CYCLE",
                        "$.organizations[1].classification UNKNOWN_VALUE",
                        "$.organizations[2].name MISSING_FIELD",
                        "$.organizations[3].staffing.quota OUT_OF_RANGE",
                        "$.organizations[4].parent_id UNKNOWN_REFERENCE",
                        "$.posts[1].organization_id UNKNOWN_REFERENCE",
                        "$.posts[2].backup_post_id SELF_REFERENCE",
                        "$.posts[3].role UNKNOWN_VALUE",
                        "$.memberships[0].person_id UNKNOWN_REFERENCE",
                        "$.memberships[1].start_date BAD_DATE",
                        "$.supervision[0].kind UNKNOWN_VALUE",
                        "$.power_items[0].category UNKNOWN_VALUE",
                        "$.power_items[1].committed_days OUT_OF_RANGE",
                        "$.duties[0].holder_id UNKNOWN_REFERENCE",
                        "$.duties[1].action SCHEME_MISMATCH");
        assertThat(payload.path("problems")
                        .valueStream()
                        .map(p -> p.path("message").asString()))
                .allSatisfy(message -> assertThat(message)
                        .as("a sentence, not a code (Chinese is compact)")
                        .hasSizeGreaterThan(5));
        assertThat(graphFingerprint()).isEqualTo(before);
    }

    @Test
    void importingTheSameBundleTwiceNeverDuplicates() {
        var first = importBundle(DEMO);
        assertThat(first.path("job").path("status").asString()).isEqualTo("SUCCEEDED");
        var once = graphFingerprint();

        var second = importBundle(DEMO);

        assertThat(second.path("job").path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(graphFingerprint()).isEqualTo(once);
        assertThat(count("Duty"))
                .isEqualTo(GraphQl.JSON.readTree(DEMO).path("duties").size());
    }

    @Test
    void exportThenImportGivesTheSameGraph() {
        importBundle(DEMO);
        var exported = export();
        var graph = graphFingerprint();

        wipeGraph();
        assertThat(count("Duty")).isZero();
        importBundle(GraphQl.JSON.writeValueAsString(exported));

        assertThat(graphFingerprint()).isEqualTo(graph);
        assertThat(withoutSource(export())).isEqualTo(withoutSource(exported));
        var original = GraphQl.JSON.readTree(DEMO);
        for (var section : List.of(
                "areas",
                "concepts",
                "organizations",
                "posts",
                "persons",
                "memberships",
                "supervision",
                "power_items",
                "duties")) {
            assertThat(exported.path(section).size())
                    .as(section)
                    .isEqualTo(original.path(section).size());
        }
        var passport = exported.path("power_items")
                .valueStream()
                .filter(p -> p.path("id").asString().equals("pi-0010"))
                .findFirst()
                .orElseThrow();
        assertThat(passport.path("fees").toString()).isEqualTo("[{\"item\":\"普通护照工本费\",\"amount\":\"120.00\"}]");
        assertThat(passport.path("fee").asString()).isEqualTo("120元");
    }

    @Test
    void reimportUpdatesByIdAndReplacesRelationships() {
        importBundle(DEMO);
        var change = """
                {"format": "org-bundle/1",
                 "duties": [{"id": "d-yjj-fm-1-01", "holder_id": "yjj", "text": "负责非煤矿山和尾矿库安全生产监督管理",
                             "action": "act.safety", "objects": ["obj.noncoal", "obj.quarry"], "role": "sole"}]}""";

        var payload = importBundle(change);

        assertThat(payload.path("job").path("status").asString()).isEqualTo("SUCCEEDED");
        var duty = as("analyst").post("""
                { duty(id: "d-yjj-fm-1-01") { text holder { ... on Unit { id } ... on Post { id } }
                  objects { id } powerItems { id } } }""").ok().path("duty");
        assertThat(duty.path("text").asString()).isEqualTo("负责非煤矿山和尾矿库安全生产监督管理");
        assertThat(duty.path("holder").path("id").asString()).isEqualTo("yjj");
        assertThat(duty.path("objects").valueStream().map(o -> o.path("id").asString()))
                .containsExactly("obj.noncoal", "obj.quarry");
        assertThat(duty.path("powerItems").size()).isZero();
    }

    @Test
    void aPartialBundleMayReferToWhatIsAlreadyStored() {
        importBundle(DEMO);
        var addition = """
                {"format": "org-bundle/1",
                 "organizations": [{"id": "yjj-kc", "name": "尾矿库安全监管科", "classification": "section", "parent_id": "yjj"}],
                 "posts": [{"id": "yjj-kc-1", "label": "尾矿库监管岗", "organization_id": "yjj-kc", "reports_to_post_id": "yjj-head"}],
                 "duties": [{"id": "d-yjj-kc-1", "holder_id": "yjj-kc-1", "text": "负责尾矿库安全监管", "action": "act.safety",
                             "objects": ["obj.noncoal"], "area_id": "qs"}]}""";

        assertThat(importBundle(addition).path("job").path("status").asString()).isEqualTo("SUCCEEDED");
        var missing = importBundle(addition.replace("\"yjj\"", "\"no-such-unit\""));
        assertThat(missing.path("problems")
                        .valueStream()
                        .map(p -> p.path("path").asString()))
                .containsExactly("$.organizations[0].parent_id");
    }

    @Test
    void malformedDocumentsAreProblemsNotErrors() {
        var notAnObject = as("analyst")
                .post("mutation { importBundle(input: {bundle: [1, 2]}) { job { status } problems { path code } } }")
                .ok()
                .path("importBundle");
        assertThat(notAnObject.path("job").path("status").asString()).isEqualTo("REJECTED");
        assertThat(notAnObject.path("problems").path(0).path("code").asString()).isEqualTo("WRONG_TYPE");

        var wrongTypes = importBundle("""
                {"format": "org-bundle/1", "organizations": [{"id": 7, "name": "甲", "classification": "department",
                  "staffing": {"quota": "many"}}], "duties": {"id": "d"}}""");
        assertThat(wrongTypes
                        .path("problems")
                        .valueStream()
                        .map(p -> p.path("path").asString()))
                .contains("$.organizations[0].id", "$.organizations[0].staffing.quota", "$.duties");
    }

    private JsonNode export() {
        return as("analyst").post("{ exportBundle }").ok().path("exportBundle");
    }

    private static JsonNode withoutSource(JsonNode bundle) {
        var copy = (ObjectNode) bundle.deepCopy();
        copy.remove("source");
        return copy;
    }

    /** Counts of every label and relationship type, and every node's properties (findings, import jobs, the graph's versions, job leases and analysis markers are bookkeeping, left out). */
    private Map<String, Object> graphFingerprint() {
        try (var session = driver.session()) {
            return session.run("""
                    CALL () { MATCH (n) WHERE NOT n:Account AND NOT n:__Neo4jMigration AND NOT n:Finding AND NOT n:ImportJob AND NOT n:OrgChange AND NOT n:JobLease AND NOT n:AnalysisMarker AND NOT n:SignInAllowance
                              RETURN count(n) AS nodes, sum(size(keys(n))) AS nodeProperties }
                    CALL () { MATCH (a)-[r]->() WHERE NOT a:Finding WITH type(r) AS type, count(r) AS n ORDER BY type RETURN sum(n) AS relationships, collect(type) AS types }
                    CALL () { MATCH (a)-[r]->(b) WHERE NOT a:Account AND NOT a:Finding
                              WITH a.id + '-' + type(r) + '-' + coalesce(b.id, '') + '-' + coalesce(r.kind, '') + coalesce(r.startDate, '') AS edge
                              ORDER BY edge RETURN collect(edge) AS edges }
                    CALL () { MATCH (n) WHERE NOT n:Account AND NOT n:__Neo4jMigration AND NOT n:Finding AND NOT n:ImportJob AND NOT n:OrgChange AND NOT n:JobLease AND NOT n:AnalysisMarker AND NOT n:SignInAllowance
                              WITH n ORDER BY labels(n)[0], n.id
                              RETURN collect({labels: labels(n), properties: properties(n)}) AS nodeDump }
                    RETURN nodes, nodeProperties, relationships, types, edges, nodeDump""").single().asMap();
        }
    }
}
