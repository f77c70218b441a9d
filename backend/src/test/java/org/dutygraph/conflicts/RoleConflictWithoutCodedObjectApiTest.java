package org.dutygraph.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A role conflict where one of the two duties has no coded object: found when both exercise the same power item
 * or the uncoded duty's wording names the other's object, and the role evidence says which (issue 16).
 */
class RoleConflictWithoutCodedObjectApiTest extends ApiTest {

    private static final String BUNDLE = """
            {"format": "org-bundle/1",
             "areas": [{"id": "C", "name": "测试市", "classification": "city"}],
             "concepts": [
               {"id": "act.supervise", "label": "监督管理", "scheme": "action"},
               {"id": "obj.food", "label": "食品", "scheme": "object"},
               {"id": "obj.drug", "label": "药品", "scheme": "object"}],
             "organizations": [
               {"id": "gov", "name": "测试市人民政府", "classification": "government", "area_id": "C"},
               {"id": "X", "name": "甲局", "classification": "department", "parent_id": "gov", "area_id": "C"},
               {"id": "Y", "name": "乙局", "classification": "department", "parent_id": "gov", "area_id": "C"},
               {"id": "Z", "name": "丙局", "classification": "department", "parent_id": "gov", "area_id": "C"}],
             "posts": [{"id": "gov-mayor", "label": "市长", "organization_id": "gov", "role": "principal"}],
             "power_items": [
               {"id": "pi-x", "name": "对食品违法行为的行政处罚", "category": "penalty"},
               {"id": "pi-y", "name": "对餐饮违法行为的行政处罚", "category": "penalty"},
               {"id": "pi-z", "name": "对药品违法行为的行政处罚", "category": "penalty"}],
             "duties": [
               {"id": "d-X-1", "holder_id": "X", "text": "负责食品监督管理", "action": "act.supervise",
                "objects": ["obj.food"], "power_item_ids": ["pi-x"]},
               {"id": "d-X-2", "holder_id": "X", "text": "负责本局处罚决定的法制审核", "power_item_ids": ["pi-x"]},
               {"id": "d-Y-1", "holder_id": "Y", "text": "负责餐饮监督管理", "action": "act.supervise",
                "objects": ["obj.food"], "power_item_ids": ["pi-y"]},
               {"id": "d-Y-2", "holder_id": "Y", "text": "负责食品安全行政执法监督"},
               {"id": "d-Z-1", "holder_id": "Z", "text": "负责药品监督管理", "action": "act.supervise",
                "objects": ["obj.drug"], "power_item_ids": ["pi-z"]},
               {"id": "d-Z-2", "holder_id": "Z", "text": "负责食品行政执法监督"}]}
            """;

    @BeforeEach
    void analysed() {
        wipeGraph();
        importBundle(BUNDLE);
        var job = as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: 60}) { job { status } } }")
                .ok()
                .path("runAnalysis")
                .path("job");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
    }

    private List<JsonNode> roleConflicts() {
        return as("analyst")
                .post("""
                        { findings(filter: {kinds: [ROLE_CONFLICT]}, first: 100) { edges { node {
                          units(first: 20) { id } duties(first: 20) { id } evidence explanationZh
                          roleEvidence { dutyId side source subjectId matched } } } } }""")
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .toList();
    }

    private static JsonNode in(List<JsonNode> findings, String unit) {
        return findings.stream()
                .filter(f -> f.path("units").path(0).path("id").asString().equals(unit))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no role conflict in " + unit + ": " + findings));
    }

    @Test
    void anUncodedDutyExercisingTheSamePowerItemOrNamingTheObjectIsReportedWithThatLink() {
        var found = roleConflicts();
        var x = in(found, "X");
        assertThat(x.path("duties").toString()).contains("d-X-1", "d-X-2");
        assertThat(x.path("roleEvidence").toString())
                .contains("{\"dutyId\":\"d-X-2\",\"side\":\"OVERSIGHT\",\"source\":\"SAME_POWER_ITEM\","
                        + "\"subjectId\":\"pi-x\",\"matched\":\"对食品违法行为的行政处罚\"}")
                .contains("\"source\":\"POWER_ITEM_CATEGORY\"", "\"source\":\"DUTY_TEXT\"");
        assertThat(x.path("explanationZh").asString()).contains("对食品违法行为的行政处罚");

        var y = in(found, "Y");
        assertThat(y.path("roleEvidence").toString())
                .contains("{\"dutyId\":\"d-Y-2\",\"side\":\"OVERSIGHT\",\"source\":\"OBJECT_IN_TEXT\","
                        + "\"subjectId\":\"obj.food\",\"matched\":\"食品\"}");
        assertThat(y.path("evidence").toString()).contains("d-Y-2");

        // 丙局's oversight wording names food, its enforcement is on drugs: no link, no finding
        assertThat(found)
                .noneMatch(f -> f.path("units").toString().contains("\"Z\""))
                .hasSize(2);
    }
}
