package org.dutygraph.restructuring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Restructuring scenarios over GraphQL on the sub-district of bundles/restructuring/before.json: every step kind,
 * problems with their paths (nothing stored), undo, comparison with today, scenarios on scenarios, what changed
 * since, who may see and change a scenario, and that the live graph is never touched.
 */
class ScenariosApiTest extends ApiTest {

    private static final String SCENARIO_FIELDS = """
            id name owner sharedWith baseScenarioId baseVersion
            steps { index by step { kind dutyIds unitId name } }
            changedSince { version importJobId entries }
            problems { field code message } warnings { field code message }""";

    private static final String COMPARE = """
            query($b: ID, $a: ID) { compareScenarios(beforeId: $b, afterId: $a) {
              before { units posts duties findings } after { units posts duties findings }
              resolved { kind unitIds dutyIds } created { kind unitIds dutyIds powerItemIds postIds }
              persisting { before { kind unitIds dutyIds arbiterPostId } after { kind unitIds postIds dutyIds arbiterPostId } }
              dutiesMoved { dutyId fromHolderId toHolderId } dutiesDropped dutiesAdded
              staffing { unitId quotaBefore quotaAfter filledBefore filledAfter } } }""";

    @BeforeEach
    void subDistrict() {
        wipeGraph();
        var imported = importBundle(resource("bundles/restructuring/before.json"));
        assertThat(imported.path("job").path("status").asString())
                .as(imported.toString())
                .isEqualTo("SUCCEEDED");
    }

    private String create(String user, String name, String base) {
        var input = new HashMap<String, Object>();
        input.put("name", name);
        input.put("baseScenarioId", base);
        var payload = as(user).post(
                        "mutation($i: CreateScenarioInput!) { createScenario(input: $i) { scenario { id } errors { field code } } }",
                        Map.of("i", input))
                .ok()
                .path("createScenario");
        assertThat(payload.path("errors").size()).as(payload.toString()).isZero();
        return payload.path("scenario").path("id").asString();
    }

    private JsonNode step(String user, String scenario, Map<String, Object> step) {
        return as(user).post(
                        "mutation($i: AddScenarioStepInput!) { addScenarioStep(input: $i) { scenario { "
                                + SCENARIO_FIELDS
                                + " } errors { field code message } warnings { field code message } } }",
                        Map.of("i", Map.of("scenarioId", scenario, "step", step)))
                .ok()
                .path("addScenarioStep");
    }

    private JsonNode stepOk(String scenario, Map<String, Object> step) {
        var payload = step("analyst", scenario, step);
        assertThat(payload.path("errors").size()).as(payload.toString()).isZero();
        return payload;
    }

    private JsonNode scenario(String user, String id) {
        return as(user).post("query($id: ID!) { scenario(id: $id) { " + SCENARIO_FIELDS + " } }", Map.of("id", id))
                .ok()
                .path("scenario");
    }

    private JsonNode compare(String before, String after) {
        var variables = new HashMap<String, Object>();
        variables.put("b", before);
        variables.put("a", after);
        return as("analyst").post(COMPARE, variables).ok().path("compareScenarios");
    }

    private static List<JsonNode> ofKind(JsonNode findings, String kind) {
        return findings.valueStream()
                .filter(f -> f.path("kind").asString().equals(kind))
                .toList();
    }

    /** The reform of after.json drafted as steps: a merge, a unit replaced by a new one, a licence moved to an empty post. */
    private String drafted() {
        var id = create("analyst", "青石街道大部制改革", null);
        stepOk(
                id,
                Map.of(
                        "kind",
                        "MERGE_UNITS",
                        "unitIds",
                        List.of("sd-a", "sd-b"),
                        "targetUnitId",
                        "dept-ec",
                        "name",
                        "经济发展和城市管理部"));
        stepOk(
                id,
                Map.of(
                        "kind",
                        "CREATE_UNIT",
                        "unitId",
                        "dept-law",
                        "name",
                        "综合行政执法部",
                        "classification",
                        "section",
                        "parentId",
                        "sd"));
        stepOk(id, Map.of("kind", "MOVE_POST", "postId", "sd-d-1", "unitId", "dept-law"));
        stepOk(id, Map.of("kind", "MOVE_POST", "postId", "sd-d-2", "unitId", "dept-law"));
        stepOk(id, Map.of("kind", "SET_SUPERVISION", "unitId", "dept-law", "supervisorPostId", "sd-dep2"));
        stepOk(id, Map.of("kind", "DISSOLVE_UNIT", "unitId", "sd-d"));
        stepOk(
                id,
                Map.of(
                        "kind",
                        "CREATE_POST",
                        "postId",
                        "ec-new",
                        "label",
                        "审批服务岗",
                        "unitId",
                        "dept-ec",
                        "role",
                        "staff"));
        stepOk(id, Map.of("kind", "MOVE_DUTIES", "dutyIds", List.of("d-a-2"), "toHolderId", "ec-new"));
        stepOk(id, Map.of("kind", "RENAME_UNIT", "unitId", "sd-c", "name", "社会事务部"));
        stepOk(id, Map.of("kind", "SET_QUOTA", "unitId", "sd", "quota", 18));
        return id;
    }

    @Test
    void aDraftedReformComparedWithTodayResolvesPersistsAndCreatesFindings() {
        var id = drafted();

        var c = compare(null, id);
        assertThat(c.path("before").toString()).startsWith("{\"units\":5,\"posts\":11,\"duties\":8,");
        assertThat(c.path("after").toString()).startsWith("{\"units\":4,\"posts\":12,\"duties\":8,");
        assertThat(ofKind(c.path("resolved"), "OVERLAP"))
                .singleElement()
                .satisfies(f -> assertThat(f.path("dutyIds").toString()).isEqualTo("[\"d-a-1\",\"d-b-1\"]"));
        var persisting = ofKind(
                c.path("persisting")
                        .valueStream()
                        .map(p -> p.path("after"))
                        .collect(
                                tools.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                                tools.jackson.databind.node.ArrayNode::add,
                                tools.jackson.databind.node.ArrayNode::addAll),
                "OVERLAP");
        assertThat(persisting).singleElement().satisfies(f -> {
            assertThat(f.path("dutyIds").toString()).isEqualTo("[\"d-c-1\",\"d-d-1\"]");
            assertThat(f.path("unitIds").toString()).isEqualTo("[\"dept-law\",\"sd-c\"]");
        });
        assertThat(ofKind(c.path("created"), "GAP")).anySatisfy(g -> {
            assertThat(g.path("powerItemIds").toString()).isEqualTo("[\"pi-sign\"]");
            assertThat(g.path("unitIds").toString()).isEqualTo("[\"dept-ec\"]");
        });
        // posts moved with their duties: only the licence changed holder
        assertThat(c.path("dutiesMoved").toString())
                .isEqualTo("[{\"dutyId\":\"d-a-2\",\"fromHolderId\":\"sd-a-2\",\"toHolderId\":\"ec-new\"}]");
        assertThat(c.path("staffing").toString())
                .isEqualTo(
                        "[{\"unitId\":\"sd\",\"quotaBefore\":20,\"quotaAfter\":18,\"filledBefore\":11,\"filledAfter\":11}]");

        // the live graph is untouched
        assertThat(count("Organization")).isEqualTo(5);
        assertThat(count("Post")).isEqualTo(11);
        assertThat(compare(null, null).path("resolved").size()).isZero();
    }

    @Test
    void aScenarioReadsBackItsStepsAndUndoRemovesTheLast() {
        var id = drafted();
        var s = scenario("analyst", id);
        assertThat(s.path("owner").asString()).isEqualTo("analyst");
        assertThat(s.path("steps").size()).isEqualTo(10);
        assertThat(s.path("steps").get(0).path("step").path("kind").asString()).isEqualTo("MERGE_UNITS");
        assertThat(s.path("steps").get(0).path("by").asString()).isEqualTo("analyst");
        assertThat(s.path("problems").size()).isZero();

        var undone = as("analyst")
                .post(
                        "mutation($i: UndoScenarioStepInput!) { undoScenarioStep(input: $i) { scenario { steps { index step { kind } } } errors { code } } }",
                        Map.of("i", Map.of("id", id)))
                .ok()
                .path("undoScenarioStep");
        assertThat(undone.path("scenario").path("steps").size()).isEqualTo(9);
        assertThat(undone.path("scenario")
                        .path("steps")
                        .get(8)
                        .path("step")
                        .path("kind")
                        .asString())
                .isEqualTo("RENAME_UNIT");
        assertThat(compare(null, id).path("staffing").get(0).path("quotaAfter").asInt())
                .isEqualTo(20);
    }

    @Test
    void stepsAreCheckedLikeAnImportWithTheFieldPathAndNothingStored() {
        var id = create("analyst", "检查", null);

        var unknown = step(
                "analyst",
                id,
                Map.of("kind", "MOVE_DUTIES", "dutyIds", List.of("d-a-1", "d-nope"), "toHolderId", "sd-x"));
        assertThat(unknown.path("errors").toString())
                .contains("{\"field\":[\"input\",\"step\",\"dutyIds\",\"1\"],\"code\":\"UNKNOWN_DUTY\"")
                .contains("{\"field\":[\"input\",\"step\",\"toHolderId\"],\"code\":\"UNKNOWN_HOLDER\"");
        assertThat(step("analyst", id, Map.of("kind", "RENAME_UNIT", "unitId", "sd-a"))
                        .path("errors")
                        .toString())
                .contains("[\"input\",\"step\",\"name\"]")
                .contains("MISSING_FIELD");
        assertThat(step(
                                "analyst",
                                id,
                                Map.of(
                                        "kind",
                                        "CREATE_UNIT",
                                        "unitId",
                                        "sd-a",
                                        "name",
                                        "重复",
                                        "classification",
                                        "bureau"))
                        .path("errors")
                        .toString())
                .contains("ID_IN_USE")
                .contains("UNKNOWN_VALUE");
        assertThat(step("analyst", id, Map.of("kind", "SET_QUOTA", "unitId", "sd", "quota", -1))
                        .path("errors")
                        .toString())
                .contains("NEGATIVE");

        stepOk(id, Map.of("kind", "MOVE_UNIT", "unitId", "sd-d", "parentId", "sd-c"));
        assertThat(step("analyst", id, Map.of("kind", "MOVE_UNIT", "unitId", "sd-c", "parentId", "sd-d"))
                        .path("errors")
                        .toString())
                .contains("{\"field\":[\"input\",\"step\",\"parentId\"],\"code\":\"CYCLE\"");
        assertThat(step("analyst", id, Map.of("kind", "DISSOLVE_UNIT", "unitId", "sd-c"))
                        .path("errors")
                        .toString())
                .contains("HAS_SUB_UNITS");
        assertThat(step(
                                "analyst",
                                id,
                                Map.of(
                                        "kind",
                                        "MERGE_UNITS",
                                        "unitIds",
                                        List.of("sd-c", "sd-d"),
                                        "targetUnitId",
                                        "x",
                                        "name",
                                        "x"))
                        .path("errors")
                        .toString())
                .contains("NESTED_UNITS");
        assertThat(step(
                                "analyst",
                                id,
                                Map.of("kind", "SET_REPORTS_TO", "postId", "sd-head", "reportsToPostId", "sd-a-1"))
                        .path("errors")
                        .toString())
                .contains("CYCLE");
        assertThat(step(
                                "analyst",
                                id,
                                Map.of(
                                        "kind",
                                        "MOVE_DUTIES_ON_OBJECT",
                                        "objectId",
                                        "act.supervise",
                                        "toHolderId",
                                        "sd-a"))
                        .path("errors")
                        .toString())
                .contains("UNKNOWN_CONCEPT");

        assertThat(scenario("analyst", id).path("steps").size()).isOne();
    }

    @Test
    void theOtherStepKindsAndADutyLeftWithoutHolder() {
        var id = create("analyst", "其他步骤", null);
        // all duties on food (stalls included) held in 城市管理办 go to 经济发展办's post
        stepOk(
                id,
                Map.of(
                        "kind",
                        "MOVE_DUTIES_ON_OBJECT",
                        "objectId",
                        "obj.food",
                        "fromUnitId",
                        "sd-b",
                        "toHolderId",
                        "sd-a-1"));
        stepOk(id, Map.of("kind", "SET_REPORTS_TO", "postId", "sd-a-1", "reportsToPostId", "sd-dep2"));
        stepOk(id, Map.of("kind", "SET_SUPERVISION", "unitId", "sd-b", "supervisorPostId", "sd-dep1"));
        var abolished = stepOk(id, Map.of("kind", "ABOLISH_POST", "postId", "sd-c-2"));
        assertThat(abolished.path("warnings").toString())
                .contains("DUTY_WITHOUT_HOLDER")
                .contains("d-c-2");
        assertThat(scenario("analyst", id).path("warnings").toString()).contains("d-c-2");

        // the overlap on building sites settled by a lead/cooperating arrangement
        stepOk(
                id,
                Map.of(
                        "kind",
                        "SET_ARRANGEMENT",
                        "arrangementId",
                        "arr-building",
                        "leadDutyId",
                        "d-c-1",
                        "dutyIds",
                        List.of("d-d-1")));
        assertThat(step(
                                "analyst",
                                id,
                                Map.of(
                                        "kind",
                                        "SET_ARRANGEMENT",
                                        "arrangementId",
                                        "a",
                                        "leadDutyId",
                                        "d-c-1",
                                        "dutyIds",
                                        List.of("d-c-1")))
                        .path("errors")
                        .toString())
                .contains("[\"input\",\"step\",\"dutyIds\",\"0\"]");

        var c = compare(null, id);
        assertThat(ofKind(c.path("resolved"), "OVERLAP"))
                .extracting(f -> f.path("dutyIds").toString())
                .containsExactlyInAnyOrder("[\"d-a-1\",\"d-b-1\"]", "[\"d-c-1\",\"d-d-1\"]");
        assertThat(c.path("dutiesMoved").toString())
                .isEqualTo("[{\"dutyId\":\"d-b-1\",\"fromHolderId\":\"sd-b-1\",\"toHolderId\":\"sd-a-1\"}]");
        assertThat(c.path("after").path("posts").asInt()).isEqualTo(10);
    }

    @Test
    void aScenarioOnAScenarioAndWhatChangedSince() {
        var base = drafted();
        var derived = create("analyst", "再合并社会事务", base);
        stepOk(derived, Map.of("kind", "MERGE_UNITS", "unitIds", List.of("sd-c", "dept-law"), "targetUnitId", "sd-c"));

        var c = compare(base, derived);
        assertThat(ofKind(c.path("resolved"), "OVERLAP"))
                .singleElement()
                .satisfies(f -> assertThat(f.path("dutyIds").toString()).isEqualTo("[\"d-c-1\",\"d-d-1\"]"));
        assertThat(c.path("before").path("units").asInt()).isEqualTo(4);
        assertThat(c.path("after").path("units").asInt()).isEqualTo(3);

        assertThat(scenario("analyst", base).path("changedSince").size()).isZero();
        var version = scenario("analyst", base).path("baseVersion").asInt();
        var imported = importBundle("""
                {"format": "org-bundle/1", "duties": [{"id": "d-e-1", "holder_id": "sd-c-2", "text": "负责养老服务"}]}""");
        assertThat(imported.path("job").path("status").asString()).isEqualTo("SUCCEEDED");
        var changed = scenario("analyst", base).path("changedSince");
        assertThat(changed.size()).isOne();
        assertThat(changed.get(0).path("version").asInt()).isEqualTo(version + 1);
        assertThat(changed.get(0).path("entries").asInt()).isOne();
        // replayed on today's graph: the new duty is there
        assertThat(compare(null, base).path("dutiesAdded").size()).isZero();
        assertThat(compare(null, base).path("after").path("duties").asInt()).isEqualTo(9);
    }

    @Test
    void onlyOwnersAndThoseTheyShareWithSeeAScenarioAndOnlyOwnersChangeIt() {
        var id = drafted();
        assertThat(as("admin")
                        .post("query($id: ID!) { scenario(id: $id) { id } }", Map.of("id", id))
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(as("admin")
                        .post("query($a: ID) { compareScenarios(afterId: $a) { created { id } } }", Map.of("a", id))
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(as("admin")
                        .post("{ scenarios { edges { node { id } } } }")
                        .ok()
                        .path("scenarios")
                        .path("edges")
                        .size())
                .isZero();
        assertThat(as("appraiser")
                        .post("{ scenarios { edges { node { id } } } }")
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(as("appraiser")
                        .post("mutation { createScenario(input: {name: \"x\"}) { errors { code } } }")
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");

        as("analyst")
                .post(
                        "mutation($i: ShareScenarioInput!) { shareScenario(input: $i) { errors { code } } }",
                        Map.of("i", Map.of("id", id, "usernames", List.of("admin"))))
                .ok();
        assertThat(scenario("admin", id).path("sharedWith").toString()).isEqualTo("[\"admin\"]");
        assertThat(as("admin")
                        .post("{ scenarios { edges { node { id } } } }")
                        .ok()
                        .path("scenarios")
                        .path("edges")
                        .size())
                .isOne();
        assertThat(as("admin")
                        .post(
                                "mutation($i: AddScenarioStepInput!) { addScenarioStep(input: $i) { errors { code } } }",
                                Map.of(
                                        "i",
                                        Map.of(
                                                "scenarioId",
                                                id,
                                                "step",
                                                Map.of("kind", "RENAME_UNIT", "unitId", "sd", "name", "x"))))
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(scenario("analyst", id).path("steps").size()).isEqualTo(10);
    }

    @Test
    void aScenarioWithoutStepsFindsWhatTheFullAnalysisOfTheLiveGraphFinds() {
        wipeGraph();
        importBundle(resource("bundles/conflicts.bundle.json"));
        var job = as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: 60}) { job { status } } }")
                .ok();
        assertThat(job.path("runAnalysis").path("job").path("status").asString())
                .isEqualTo("SUCCEEDED");
        var live = as("analyst")
                .post("{ findings(first: 500) { edges { node { id arbiter { id } } } } }")
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node").path("id").asString() + "@"
                        + e.path("node").path("arbiter").path("id").asString())
                .sorted()
                .toList();

        var id = create("analyst", "空方案", null);
        var scenario = as("analyst")
                .post(
                        "query($id: ID!) { scenario(id: $id) { analysis { counts { findings } findings { id arbiterPostId } } } }",
                        Map.of("id", id))
                .ok()
                .path("scenario")
                .path("analysis");
        var projected = scenario.path("findings")
                .valueStream()
                .map(f ->
                        f.path("id").asString() + "@" + f.path("arbiterPostId").asString())
                .sorted()
                .toList();
        assertThat(projected).isNotEmpty().isEqualTo(live);
    }

    private void runAnalysis() {
        var job = as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: 60}) { job { status } } }")
                .ok();
        assertThat(job.path("runAnalysis").path("job").path("status").asString())
                .isEqualTo("SUCCEEDED");
    }

    private List<JsonNode> liveOverlaps() {
        return as("analyst")
                .post(
                        "{ findings(filter: {kinds: [OVERLAP]}, first: 100) { edges { node { id status duties(first: 20) { id } units(first: 20) { id } } } } }")
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .toList();
    }

    private org.dutygraph.support.GraphQl.Response apply(String user, String id) {
        return as(user).post("""
                mutation($i: ApplyScenarioInput!) { applyScenario(input: $i) {
                  scenario { applied { importJobId by } } importJob { id status submittedBy } triageCarried
                  errors { field code message } } }""", Map.of("i", Map.of("id", id)));
    }

    @Test
    void applyingAScenarioImportsItsChangesAsOneJobAndCarriesTriageOver() {
        runAnalysis();
        var building = liveOverlaps().stream()
                .filter(f -> f.path("duties").toString().contains("d-d-1"))
                .findFirst()
                .orElseThrow();
        as("analyst")
                .post(
                        "mutation($i: TriageFindingInput!) { triageFinding(input: $i) { errors { code } } }",
                        Map.of("i", Map.of("id", building.path("id").asString(), "action", "ACKNOWLEDGE")))
                .ok();
        var id = drafted();
        var change = as("analyst")
                .post("query($id: ID!) { scenario(id: $id) { changeBundle } }", Map.of("id", id))
                .ok()
                .path("scenario")
                .path("changeBundle");
        assertThat(change.path("format").asString()).isEqualTo("org-bundle/1");
        assertThat(change.path("organizations")
                        .valueStream()
                        .map(o -> o.path("id").asString()))
                .containsExactlyInAnyOrder("sd", "sd-a", "sd-b", "sd-c", "sd-d", "dept-ec", "dept-law");
        assertThat(change.path("duties").valueStream().map(d -> d.path("id").asString()))
                .containsExactly("d-a-2");

        assertThat(apply("admin", id).firstErrorCode()).isEqualTo("FORBIDDEN");
        var applied = apply("analyst", id).ok().path("applyScenario");
        assertThat(applied.path("errors").size()).as(applied.toString()).isZero();
        assertThat(applied.path("importJob").path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(applied.path("importJob").path("submittedBy").asString()).startsWith("analyst");
        assertThat(applied.path("scenario").path("applied").path("importJobId").asString())
                .isEqualTo(applied.path("importJob").path("id").asString());
        assertThat(applied.path("triageCarried").asInt()).isOne();

        runAnalysis();
        var overlaps = liveOverlaps();
        assertThat(overlaps).singleElement().satisfies(f -> {
            assertThat(f.path("duties").toString()).contains("d-c-1").contains("d-d-1");
            assertThat(f.path("units").toString()).contains("dept-law");
            assertThat(f.path("id").asString()).isNotEqualTo(building.path("id").asString());
            assertThat(f.path("status").asString()).isEqualTo("ACKNOWLEDGED");
        });
        // today is now the scenario's organisation
        var today = compare(null, null);
        assertThat(today.path("after").path("units").asInt()).isEqualTo(4);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.dutygraph.restructuring.scenarios.Scenarios scenarios;

    @Test
    void theDemoCityScenarioResolvesAnOverlapAndCreatesAGapInOneQuery() {
        wipeGraph();
        importBundle(resource("demo/qingshan-city.bundle.json"));
        var demo = new org.dutygraph.restructuring.scenarios.DemoScenario(scenarios);
        var id = demo.ensure();
        assertThat(demo.ensure()).isEqualTo(id);

        var scenarios = as("admin").post("""
                { scenarios { edges { node { id name comparisonWithToday {
                    resolved(first: 20) { kind unitIds } created(first: 20) { kind unitIds dutyIds }
                    staffing(first: 20) { unitId quotaBefore quotaAfter } } } } } }""").ok().path("scenarios").path("edges");
        assertThat(scenarios.size()).isOne();
        var node = scenarios.get(0).path("node");
        assertThat(node.path("name").asString()).isEqualTo(org.dutygraph.restructuring.scenarios.DemoScenario.NAME);
        var c = node.path("comparisonWithToday");
        assertThat(ofKind(c.path("resolved"), "OVERLAP"))
                .singleElement()
                .satisfies(f -> assertThat(f.path("unitIds").toString()).isEqualTo("[\"cyjd-cs\",\"cyjd-jj\"]"));
        assertThat(ofKind(c.path("created"), "GAP"))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.path("dutyIds").toString()).isEqualTo("[\"d-cyjd-cy-zz-1-01\"]"));
        assertThat(c.path("staffing").toString())
                .contains("{\"unitId\":\"cyjd\",\"quotaBefore\":30,\"quotaAfter\":28}");
    }
}
