package org.dutygraph.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every finding kind and every "not a conflict" rule, on a hand-built bundle, through GraphQL. */
class ConflictsApiTest extends ApiTest {

    static final String BUNDLE = resource("bundles/conflicts.bundle.json");

    private static final String FINDINGS = """
            query($kinds: [FindingKind!], $unit: ID) { findings(filter: {kinds: $kinds, unitId: $unit}, first: 500) { edges { node {
              id kind severity status regression active reason explanationZh explanationEn evidence
              units(first: 10) { id } posts(first: 10) { id } duties(first: 10) { id } powerItems(first: 10) { id } arbiter { id } } } } }""";

    @BeforeEach
    void analyzedBundle() {
        wipeGraph();
        importBundle(BUNDLE);
        runAnalysis();
    }

    private void runAnalysis() {
        var job = as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: 60}) { job { id status findings failure } } }")
                .ok()
                .path("runAnalysis")
                .path("job");
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    }

    private List<JsonNode> findings(String kind) {
        return as("analyst")
                .post(FINDINGS, Map.of("kinds", List.of(kind)))
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .toList();
    }

    private static List<String> ids(JsonNode list) {
        return list.valueStream().map(n -> n.path("id").asString()).sorted().toList();
    }

    private static String units(JsonNode finding) {
        return String.join("|", ids(finding.path("units")));
    }

    @Test
    void overlapsAreFoundWithEvidenceAndTheLowestCommonSupervisorAsArbiter() {
        var overlaps = findings("OVERLAP");
        // A|B: safety (narrower action) on non-coal mines (narrower object) vs supervision of mines, same city.
        // E|F: one arrangement with two leads. Nothing else: decomposition, single-lead arrangements,
        // sibling objects and disjoint districts are not conflicts.
        assertThat(overlaps.stream().map(ConflictsApiTest::units)).containsExactlyInAnyOrder("A|B", "E|F");
        var ab = overlaps.stream()
                .filter(f -> units(f).equals("A|B"))
                .findFirst()
                .orElseThrow();
        assertThat(ids(ab.path("duties"))).containsExactly("d-A-1", "d-B-1");
        assertThat(ids(ab.path("powerItems"))).containsExactly("pi-noncoal");
        assertThat(ab.path("arbiter").path("id").asString()).isEqualTo("gov-vm1");
        assertThat(ab.path("severity").asString()).isEqualTo("HIGH");
        assertThat(ab.path("evidence").valueStream().map(JsonNode::asString))
                .contains("(d-A-1)-[:ON_OBJECT]->(obj.noncoal)-[:BROADER]->(obj.mine)<-[:ON_OBJECT]-(d-B-1)");
        assertThat(ab.path("explanationZh").asString())
                .contains("甲局")
                .contains("乙局")
                .contains("矿山");
        assertThat(ab.path("explanationEn").asString()).contains("A and B");

        var ef = overlaps.stream()
                .filter(f -> units(f).equals("E|F"))
                .findFirst()
                .orElseThrow();
        assertThat(ids(ef.path("duties"))).containsExactly("d-E-1", "d-F-1");
        assertThat(ef.path("arbiter").path("id").asString()).isEqualTo("gov-vm2");
    }

    @Test
    void gapsCoverUnheldItemsVacantPostsWithoutBackupAndItemsHeldOnlyThere() {
        var gaps = findings("GAP");
        assertThat(gaps.stream().map(g -> ids(g.path("powerItems")) + " " + ids(g.path("duties"))))
                .containsExactlyInAnyOrder("[pi-unheld] []", "[pi-vacant] [d-L-1]", "[pi-vacant] [d-L-1]");
        assertThat(gaps.stream()
                        .filter(g -> ids(g.path("powerItems")).contains("pi-unheld"))
                        .findFirst()
                        .orElseThrow()
                        .path("severity")
                        .asString())
                .isEqualTo("HIGH");
    }

    @Test
    void multiHeadManagementAndSupervisionCyclesAreFound() {
        var multi = findings("MULTI_HEAD");
        assertThat(multi.stream().map(ConflictsApiTest::units)).containsExactlyInAnyOrder("K", "X|Y");
        var k = multi.stream().filter(f -> units(f).equals("K")).findFirst().orElseThrow();
        assertThat(ids(k.path("posts"))).containsExactly("gov-vm1", "gov-vm2");
        assertThat(k.path("arbiter").path("id").asString()).isEqualTo("gov-mayor");
    }

    @Test
    void enforcingAndOverseeingTheSameMatterInOneSectionIsARoleConflict() {
        var conflicts = findings("ROLE_CONFLICT");
        assertThat(conflicts).singleElement().satisfies(f -> {
            assertThat(units(f)).isEqualTo("R-s");
            assertThat(ids(f.path("duties"))).containsExactly("d-Rs-1", "d-Rs-2");
            assertThat(f.path("arbiter").path("id").asString()).isEqualTo("R-head");
        });
    }

    @Test
    void fragmentationAndUnevenLoadAreFound() {
        // L and R-s have one post each, M none; A-s1 (two posts) and W (five) are not fragmented.
        assertThat(findings("FRAGMENTATION").stream().map(ConflictsApiTest::units))
                .containsExactlyInAnyOrder("L", "M", "R-s");
        var load = findings("LOAD");
        assertThat(load.stream().filter(f -> ids(f.path("posts")).equals(List.of("W-1"))))
                .singleElement()
                .satisfies(f -> assertThat(f.path("explanationEn").asString()).contains("8 duties"));
        assertThat(load.stream()
                        .filter(f ->
                                units(f).equals("W") && ids(f.path("posts")).contains("W-5")))
                .hasSize(1);
    }

    @Test
    void nearIdenticalUncodedWordingInUnrelatedUnitsIsACandidateOverlap() {
        var candidates = findings("CANDIDATE_OVERLAP");
        assertThat(candidates).singleElement().satisfies(f -> {
            assertThat(units(f)).isEqualTo("B|G");
            assertThat(ids(f.path("duties"))).containsExactly("d-B-3", "d-G-3");
        });
    }

    @Test
    void triageSurvivesReanalysisAndAResolvedFindingThatComesBackIsARegression() {
        var overlaps = findings("OVERLAP");
        var ab = overlaps.stream()
                .filter(f -> units(f).equals("A|B"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        var ef = overlaps.stream()
                .filter(f -> units(f).equals("E|F"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        var analyst = as("analyst");

        var noReason = analyst.post(
                        "mutation($id: ID!) { triageFinding(input: {id: $id, action: WAIVE}) { finding { id } errors { field code } } }",
                        Map.of("id", ef))
                .ok()
                .path("triageFinding");
        assertThat(noReason.path("errors").path(0).path("code").asString()).isEqualTo("REQUIRED");
        assertThat(noReason.path("errors").path(0).path("field").toString()).isEqualTo("[\"input\",\"reason\"]");

        var waived = analyst.post(
                        "mutation($id: ID!) { triageFinding(input: {id: $id, action: WAIVE, reason: \"市政府已明确分区管理\"}) { finding { status reason } errors { code } } }",
                        Map.of("id", ef))
                .ok()
                .path("triageFinding")
                .path("finding");
        assertThat(waived.path("status").asString()).isEqualTo("WAIVED");
        analyst.post(
                        "mutation($id: ID!) { triageFinding(input: {id: $id, action: RESOLVE, reason: \"已调整三定\"}) { finding { status } } }",
                        Map.of("id", ab))
                .ok();

        runAnalysis();

        var after = findings("OVERLAP");
        assertThat(after.stream().map(f -> f.path("id").asString())).containsExactlyInAnyOrder(ab, ef);
        var abAfter = after.stream()
                .filter(f -> f.path("id").asString().equals(ab))
                .findFirst()
                .orElseThrow();
        assertThat(abAfter.path("status").asString()).isEqualTo("OPEN");
        assertThat(abAfter.path("regression").asBoolean()).isTrue();
        assertThat(abAfter.path("reason").asString())
                .as("a regression shows the resolution that did not hold")
                .isEqualTo("已调整三定");
        var efAfter = after.stream()
                .filter(f -> f.path("id").asString().equals(ef))
                .findFirst()
                .orElseThrow();
        assertThat(efAfter.path("status").asString()).isEqualTo("WAIVED");
        assertThat(efAfter.path("reason").asString()).isEqualTo("市政府已明确分区管理");
    }

    @Test
    void fixingTheDataRetiresTheFindingAfterTheNextAnalysis() {
        var ab = findings("OVERLAP").stream()
                .filter(f -> units(f).equals("A|B"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        importBundle("""
                {"format": "org-bundle/1", "duties": [{"id": "d-B-1", "holder_id": "B", "text": "负责矿山开发利用监督管理",
                  "action": "act.supervise", "objects": ["obj.mine"], "status": "withdrawn", "end_date": "2026-11-01"}]}""");
        runAnalysis();
        assertThat(findings("OVERLAP").stream().map(f -> f.path("id").asString()))
                .doesNotContain(ab);
        var retired = as("analyst")
                .post("query($id: ID!) { finding(id: $id) { active status } }", Map.of("id", ab))
                .ok()
                .path("finding");
        assertThat(retired.path("active").asBoolean()).isFalse();
    }

    @Test
    void findingsFilterByUnitSubtreeAndCountPerChildUnit() {
        var underA = as("analyst")
                .post(FINDINGS, Map.of("unit", "A"))
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> units(e.path("node")))
                .collect(Collectors.toSet());
        assertThat(underA).contains("A|B").allSatisfy(u -> assertThat(u).containsAnyOf("A", "A-s1"));

        var counts = as("analyst")
                .post(
                        "{ findingCounts(unitId: \"gov\") { edges { node { unit { id } total byKind { kind count } } } } }")
                .ok()
                .path("findingCounts");
        var r = counts.path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(c -> c.path("unit").path("id").asString().equals("R"))
                .findFirst()
                .orElseThrow();
        assertThat(r.path("byKind").valueStream().map(k -> k.path("kind").asString()))
                .contains("ROLE_CONFLICT");
        assertThat(r.path("total").asInt()).isGreaterThanOrEqualTo(1);
        // units without findings are listed with zero, so that pages stay full and drill-down is complete
        var x = counts.path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(c -> c.path("unit").path("id").asString().equals("X"))
                .findFirst()
                .orElseThrow();
        assertThat(x.path("byKind").valueStream().map(k -> k.path("kind").asString()))
                .containsExactly("MULTI_HEAD");
        var page = as("analyst")
                .post(
                        "{ findingCounts(unitId: \"gov\", first: 3) { edges { node { unit { id } total } } pageInfo { hasNextPage } } }")
                .ok()
                .path("findingCounts");
        assertThat(page.path("edges").size()).isEqualTo(3);
        assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
    }

    @Test
    void anImportOfAFewDutiesUpdatesOnlyTheFindingsTheyAffect() throws InterruptedException {
        var untouched = findings("MULTI_HEAD").get(0).path("id").asString();
        var lastSeen = "query($id: ID!) { finding(id: $id) { lastSeenAt } }";
        var before = as("analyst").post(lastSeen, Map.of("id", untouched)).ok().path("finding");
        var ab = findings("OVERLAP").stream()
                .filter(f -> units(f).equals("A|B"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();

        importBundle("""
                {"format": "org-bundle/1", "duties": [
                  {"id": "d-G-9", "holder_id": "G", "text": "负责矿山监督管理", "action": "act.supervise", "objects": ["obj.mine"]},
                  {"id": "d-B-1", "holder_id": "B", "text": "负责矿山开发利用监督管理", "action": "act.supervise",
                   "objects": ["obj.mine"], "status": "withdrawn", "end_date": "2026-11-01"}]}""");
        var deadline = System.nanoTime() + 30_000_000_000L;
        while (findings("OVERLAP").stream().noneMatch(f -> units(f).equals("A|G")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        var overlaps = findings("OVERLAP");
        assertThat(overlaps.stream().map(ConflictsApiTest::units)).containsExactlyInAnyOrder("A|G", "E|F");
        var ag = overlaps.stream()
                .filter(f -> units(f).equals("A|G"))
                .findFirst()
                .orElseThrow();
        assertThat(ids(ag.path("duties"))).containsExactly("d-A-1", "d-G-9");
        assertThat(ag.path("arbiter").path("id").asString()).isEqualTo("gov-mayor");
        var retired = as("analyst")
                .post("query($id: ID!) { finding(id: $id) { active } }", Map.of("id", ab))
                .ok()
                .path("finding");
        assertThat(retired.path("active").asBoolean()).isFalse();
        // Only the scope was re-analysed: findings elsewhere were not rewritten.
        assertThat(as("analyst").post(lastSeen, Map.of("id", untouched)).ok().path("finding"))
                .isEqualTo(before);

        // and a full analysis agrees with the incremental one
        var incremental = findingIds();
        runAnalysis();
        assertThat(findingIds()).isEqualTo(incremental);
    }

    private List<String> findingIds() {
        return as("analyst")
                .post("{ findings(first: 500) { edges { node { id } } } }")
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node").path("id").asString())
                .sorted()
                .toList();
    }

    @Test
    void anImportQueuesAnAnalysisByItself() throws InterruptedException {
        wipeGraph();
        importBundle(BUNDLE);
        var deadline = System.nanoTime() + 30_000_000_000L;
        while (findings("ROLE_CONFLICT").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(findings("ROLE_CONFLICT")).hasSize(1);
    }

    @Test
    void findingIdsAreStableAcrossRuns() {
        var before = as("analyst")
                .post("{ findings(first: 500) { edges { node { id } } } }")
                .ok()
                .toString();
        runAnalysis();
        assertThat(as("analyst")
                        .post("{ findings(first: 500) { edges { node { id } } } }")
                        .ok()
                        .toString())
                .isEqualTo(before);
    }
}
