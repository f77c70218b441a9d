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
 * The SPLIT_UNIT and EDIT_DUTY steps over GraphQL on the sub-district of bundles/restructuring/before.json: what they
 * change (seen through the comparison with today and the change bundle), and every problem with its field path,
 * nothing stored (issue 16).
 */
class SplitAndEditStepsApiTest extends ApiTest {

    private static final String PAYLOAD = """
            scenario { id steps { index step { kind unitId targetUnitId unitIds postIds dutyIds dutyId text actionId
              objectIds powerItemIds quota } } }
            errors { field code message } warnings { field code }""";

    private static final String COMPARE = """
            query($a: ID) { compareScenarios(afterId: $a) {
              before { units } after { units }
              resolved { kind unitIds dutyIds } created { kind unitIds dutyIds }
              persisting { before { kind unitIds } after { kind unitIds } }
              dutiesMoved { dutyId fromHolderId toHolderId }
              staffing { unitId quotaBefore quotaAfter }
              spans { leaders { postId supervisedBefore supervisedAfter } sections { unitId postsBefore postsAfter } } } }""";

    private String scenario;

    @BeforeEach
    void subDistrictAndADraft() {
        wipeGraph();
        importBundle(resource("bundles/restructuring/before.json"));
        scenario = as("analyst")
                .post("mutation { createScenario(input: {name: \"拆分与修改\"}) { scenario { id } } }")
                .ok()
                .path("createScenario")
                .path("scenario")
                .path("id")
                .asString();
    }

    private JsonNode step(Map<String, Object> step) {
        return as("analyst")
                .post(
                        "mutation($i: AddScenarioStepInput!) { addScenarioStep(input: $i) { " + PAYLOAD + " } }",
                        Map.of("i", Map.of("scenarioId", scenario, "step", step)))
                .ok()
                .path("addScenarioStep");
    }

    private JsonNode stepOk(Map<String, Object> step) {
        var payload = step(step);
        assertThat(payload.path("errors").size()).as(payload.toString()).isZero();
        return payload;
    }

    /** The problems as "path code", after checking that nothing was stored. */
    private List<String> refused(Map<String, Object> step) {
        var before = steps();
        var payload = step(step);
        assertThat(steps()).as("nothing stored").isEqualTo(before);
        return payload.path("errors")
                .valueStream()
                .map(e -> String.join(
                                ".",
                                e.path("field")
                                        .valueStream()
                                        .map(JsonNode::asString)
                                        .toList())
                        + " " + e.path("code").asString())
                .toList();
    }

    private int steps() {
        return as("analyst")
                .post("query($id: ID!) { scenario(id: $id) { steps { index } } }", Map.of("id", scenario))
                .ok()
                .path("scenario")
                .path("steps")
                .size();
    }

    private JsonNode compared() {
        var vars = new HashMap<String, Object>();
        vars.put("a", scenario);
        return as("analyst").post(COMPARE, vars).ok().path("compareScenarios");
    }

    private static Map<String, Object> split(Object... pairs) {
        var step = new HashMap<String, Object>();
        step.put("kind", "SPLIT_UNIT");
        for (int i = 0; i < pairs.length; i += 2) step.put((String) pairs[i], pairs[i + 1]);
        return step;
    }

    private static Map<String, Object> edit(Object... pairs) {
        var step = split(pairs);
        step.put("kind", "EDIT_DUTY");
        return step;
    }

    @Test
    void aSplitTakesTheListedSubUnitsPostsAndDutiesAndPartOfTheQuota() {
        // the sub-district splits off a 社会事务中心 with 社会事务办 under it and 5 of its 20 places
        stepOk(split(
                "unitId",
                "sd",
                "targetUnitId",
                "sd-social",
                "name",
                "社会事务中心",
                "classification",
                "institution",
                "unitIds",
                List.of("sd-c"),
                "quota",
                5));
        // 城市管理办 splits: its food duty goes to a new 食品安全办 (a section, as the unit split)
        var last = stepOk(
                split("unitId", "sd-b", "targetUnitId", "sd-b-food", "name", "食品安全办", "dutyIds", List.of("d-b-1")));
        // 经济发展办 splits: the advertising post goes with its licence duty to a new section
        stepOk(split(
                "unitId",
                "sd-a",
                "targetUnitId",
                "sd-a-ads",
                "name",
                "广告审批办",
                "postIds",
                List.of("sd-a-2"),
                "dutyIds",
                List.of("d-a-2")));
        assertThat(last.path("scenario")
                        .path("steps")
                        .path(1)
                        .path("step")
                        .path("dutyIds")
                        .path(0)
                        .asString())
                .isEqualTo("d-b-1");

        var c = compared();
        assertThat(c.path("after").path("units").asInt())
                .isEqualTo(c.path("before").path("units").asInt() + 3);
        // a duty on a post that moved keeps its holder; a duty taken from a post goes to the new unit
        assertThat(c.path("dutiesMoved")
                        .valueStream()
                        .map(m -> m.path("dutyId").asString() + ":"
                                + m.path("fromHolderId").asString() + "->"
                                + m.path("toHolderId").asString()))
                .containsExactly("d-b-1:sd-b-1->sd-b-food");
        assertThat(c.path("staffing")
                        .valueStream()
                        .map(s -> s.path("unitId").asString() + " "
                                + s.path("quotaBefore").asInt(-1) + "->"
                                + s.path("quotaAfter").asInt(-1)))
                .contains("sd 20->15", "sd-social -1->5");
        // the overlap of 经济发展办 and 城市管理办 on food persists, now between 经济发展办 and the new 食品安全办
        assertThat(c.path("persisting")
                        .valueStream()
                        .filter(p -> p.path("before").path("kind").asString().equals("OVERLAP"))
                        .map(p -> p.path("before").path("unitIds") + "->"
                                + p.path("after").path("unitIds")))
                .contains("[\"sd-a\",\"sd-b\"]->[\"sd-a\",\"sd-b-food\"]");
    }

    @Test
    void theComparisonShowsSpansOfControlPerLeaderAndPerSection() {
        stepOk(split(
                "unitId",
                "sd",
                "targetUnitId",
                "sd-social",
                "name",
                "社会事务中心",
                "classification",
                "institution",
                "unitIds",
                List.of("sd-c")));
        stepOk(split("unitId", "sd-a", "targetUnitId", "sd-a-ads", "name", "广告审批办", "postIds", List.of("sd-a-2")));
        stepOk(split("unitId", "sd-b", "targetUnitId", "sd-b-food", "name", "食品安全办", "dutyIds", List.of("d-b-1")));
        stepOk(Map.of("kind", "SET_SUPERVISION", "unitId", "sd-social", "supervisorPostId", "sd-dep1"));
        var spans = compared().path("spans");
        assertThat(spans.path("leaders")
                        .valueStream()
                        .map(l -> l.path("postId").asString() + " "
                                + l.path("supervisedBefore").asInt(-1) + "->"
                                + l.path("supervisedAfter").asInt(-1)))
                .containsExactly("sd-dep1 2->3", "sd-dep2 2->2", "sd-head 1->1");
        assertThat(spans.path("sections")
                        .valueStream()
                        .map(x -> x.path("unitId").asString() + " "
                                + x.path("postsBefore").asInt(-1) + "->"
                                + x.path("postsAfter").asInt(-1)))
                .containsExactly(
                        "sd-a 2->1", "sd-a-ads -1->1", "sd-b 2->2", "sd-b-food -1->0", "sd-c 2->2", "sd-d 2->2");
    }

    @Test
    void aSplitIsCheckedLikeAnImportWithEveryProblemsPath() {
        assertThat(refused(split("unitId", "nope", "targetUnitId", "x", "name", "x", "dutyIds", List.of("d-a-1"))))
                .containsExactly("input.step.unitId UNKNOWN_UNIT");
        assertThat(refused(split(
                        "unitId",
                        "sd-a",
                        "targetUnitId",
                        "sd-b",
                        "name",
                        "x",
                        "dutyIds",
                        List.of("d-a-1", "d-zz", "d-a-1", "d-b-1"),
                        "postIds",
                        List.of("sd-c-1"))))
                .containsExactlyInAnyOrder(
                        "input.step.targetUnitId ID_IN_USE",
                        "input.step.dutyIds.1 UNKNOWN_DUTY",
                        "input.step.dutyIds.2 DUPLICATE",
                        "input.step.postIds.0 NOT_IN_UNIT");
        assertThat(refused(split("unitId", "sd-a", "targetUnitId", "sd-a-x", "name", "x", "dutyIds", List.of("d-b-1"))))
                .containsExactly("input.step.dutyIds.0 NOT_IN_UNIT");
        assertThat(refused(split("unitId", "sd-a", "targetUnitId", "sd-a-x", "name", "x")))
                .containsExactly("input.step.dutyIds MISSING_FIELD");
        assertThat(refused(split("unitId", "sd", "targetUnitId", "sd-x", "unitIds", List.of("sd-c"), "quota", 21)))
                .containsExactlyInAnyOrder("input.step.name MISSING_FIELD", "input.step.quota NEGATIVE");
        assertThat(refused(split(
                        "unitId",
                        "sd",
                        "targetUnitId",
                        "sd-x",
                        "name",
                        "x",
                        "unitIds",
                        List.of("sd-c"),
                        "parentId",
                        "sd-c",
                        "classification",
                        "ministry")))
                .containsExactlyInAnyOrder("input.step.parentId CYCLE", "input.step.classification UNKNOWN_VALUE");
    }

    @Test
    void anEditedDutyIsAnalysedAsEditedAndGoesIntoTheChangeBundle() {
        // 城市管理办's food duty recoded to outdoor advertising supervision: the food overlap with 经济发展办 is resolved
        stepOk(edit("dutyId", "d-b-1", "text", "负责户外广告设施监督管理", "objectIds", List.of("obj.sign")));
        // 环境卫生管理 gets the advertising licence item and a coding
        var payload = stepOk(edit(
                "dutyId",
                "d-b-2",
                "actionId",
                "act.supervise",
                "objectIds",
                List.of("obj.building"),
                "powerItemIds",
                List.of("pi-sign")));
        var stored = payload.path("scenario").path("steps").path(1).path("step");
        assertThat(stored.path("dutyId").asString()).isEqualTo("d-b-2");
        assertThat(stored.path("actionId").asString()).isEqualTo("act.supervise");
        assertThat(stored.path("powerItemIds").toString()).isEqualTo("[\"pi-sign\"]");

        var c = compared();
        assertThat(c.path("resolved")
                        .valueStream()
                        .filter(f -> f.path("kind").asString().equals("OVERLAP"))
                        .map(f -> f.path("dutyIds").toString()))
                .contains("[\"d-a-1\",\"d-b-1\"]");
        var changed = as("analyst")
                .post("query($id: ID!) { scenario(id: $id) { changeBundle } }", Map.of("id", scenario))
                .ok()
                .path("scenario")
                .path("changeBundle")
                .path("duties");
        var b1 = changed.valueStream()
                .filter(d -> d.path("id").asString().equals("d-b-1"))
                .findFirst()
                .orElseThrow();
        assertThat(b1.path("text").asString()).isEqualTo("负责户外广告设施监督管理");
        assertThat(b1.path("objects").toString()).isEqualTo("[\"obj.sign\"]");
        assertThat(b1.path("action").asString()).isEqualTo("act.supervise");
    }

    @Test
    void anEditIsCheckedLikeAnImportWithEveryProblemsPath() {
        assertThat(refused(edit("dutyId", "d-zz", "text", "x"))).containsExactly("input.step.dutyId UNKNOWN_DUTY");
        assertThat(refused(edit("dutyId", "d-a-1"))).containsExactly("input.step.dutyId NOTHING_TO_CHANGE");
        assertThat(refused(edit(
                        "dutyId",
                        "d-a-1",
                        "text",
                        " ",
                        "actionId",
                        "obj.food",
                        "objectIds",
                        List.of("act.license", "obj.food", "obj.food"),
                        "powerItemIds",
                        List.of("pi-nope"))))
                .containsExactlyInAnyOrder(
                        "input.step.text MISSING_FIELD",
                        "input.step.actionId UNKNOWN_ACTION",
                        "input.step.objectIds.0 UNKNOWN_CONCEPT",
                        "input.step.objectIds.2 DUPLICATE",
                        "input.step.powerItemIds.0 UNKNOWN_POWER_ITEM");
        assertThat(refused(edit("dutyId", "d-a-1", "text", "字".repeat(2_001))))
                .containsExactly("input.step.text TOO_LONG");
    }
}
