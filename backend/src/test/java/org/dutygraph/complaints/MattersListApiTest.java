package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public, cacheable list of matters a citizen can pick (issue 21 item 4), and alt_labels in bundles. */
class MattersListApiTest extends ComplaintTestSupport {

    private static final String MATTERS = """
            query($filter: String, $first: Int, $after: String) { matters(filter: $filter, first: $first, after: $after) {
              version edges { cursor node { id label synonyms broader { id label } } } pageInfo { hasNextPage endCursor } } }""";

    @Test
    void anyoneReadsTheObjectConceptsWithLabelsSynonymsAndBroaderMatter() {
        var edges = matters(null, 500, null).path("edges");
        var byId = new HashMap<String, JsonNode>();
        edges.forEach(e -> byId.put(e.path("node").path("id").asString(), e.path("node")));
        assertThat(byId)
                .containsKeys("cobj.gypsum", "cobj.irrigation", "cobj.foreigner", "cobj.restaurant")
                .doesNotContainKeys("cact.inspect", "cact.license");
        var gypsum = byId.get("cobj.gypsum");
        assertThat(gypsum.path("label").asString()).isEqualTo("石膏矿");
        assertThat(gypsum.path("synonyms").valueStream().map(JsonNode::asString))
                .containsExactly("石膏");
        assertThat(gypsum.path("broader").path("label").asString()).isEqualTo("非煤矿山");
        assertThat(byId.get("cobj.foreigner").path("synonyms").valueStream().map(JsonNode::asString))
                .contains("外国人");
        var ids = edges.valueStream()
                .map(e -> e.path("node").path("id").asString())
                .toList();
        assertThat(ids).isSorted();
    }

    @Test
    void pagesAreStableAndTheirCursorsContinueWhereTheyStopped() {
        var all = nodeIds(matters(null, 500, null));
        var paged = new ArrayList<String>();
        String after = null;
        do {
            var page = matters(null, 3, after);
            paged.addAll(nodeIds(page));
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asString()
                    : null;
        } while (after != null);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void theFilterMatchesLabelsAndSynonymsPrefixFirst() {
        assertThat(nodeIds(matters("外国", 50, null))).containsExactly("cobj.foreigner");
        assertThat(nodeIds(matters("水利", 50, null))).containsExactly("cobj.irrigation");
        // 单车 starts a synonym of 共享单车; 矿 only occurs inside 矿山's narrower labels and in 矿山 itself
        assertThat(nodeIds(matters("单车", 50, null))).containsExactly("cobj.bike");
        assertThat(nodeIds(matters("矿", 50, null))).containsExactly("cobj.mine", "cobj.gypsum", "cobj.noncoal");
        var filtered = new ArrayList<String>();
        String after = null;
        do {
            var page = matters("矿", 1, after);
            filtered.addAll(nodeIds(page));
            after = page.path("pageInfo").path("hasNextPage").asBoolean()
                    ? page.path("pageInfo").path("endCursor").asString()
                    : null;
        } while (after != null);
        assertThat(filtered).containsExactly("cobj.mine", "cobj.gypsum", "cobj.noncoal");
    }

    @Test
    void aTooLongFilterIsBadInputOnTheArgument() {
        var response = anonymous().post(MATTERS, Map.of("filter", "共".repeat(21)));
        assertThat(response.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(response.errors().get(0).path("extensions").path("field").asString())
                .isEqualTo("filter");
    }

    @Test
    void theVersionStaysWhileMattersDoNotChangeAndChangesWithASynonym() {
        var before = matters(null, 0, null).path("version").asString();
        assertThat(matters(null, 0, null).path("version").asString()).isEqualTo(before);
        try {
            assertThat(importBundle(irrigation("\"农田水利\", \"灌溉渠\", \"水渠\""))
                            .path("problems")
                            .isEmpty())
                    .isTrue();
            assertThat(matters(null, 0, null).path("version").asString()).isNotEqualTo(before);
        } finally {
            importBundle(irrigation("\"农田水利\", \"灌溉渠\""));
        }
        assertThat(matters(null, 0, null).path("version").asString()).isEqualTo(before);
    }

    @Test
    void altLabelsAreValidatedAndGoRoundTheExport() {
        var rejected = importBundle("""
                {"format": "org-bundle/1", "concepts": [
                  {"id": "alt.bad", "label": "坏", "scheme": "object", "alt_labels": "不是数组"},
                  {"id": "alt.bad2", "label": "坏二", "scheme": "object", "alt_labels": ["好", " ", 3, "好"]}]}""");
        var paths = rejected.path("problems")
                .valueStream()
                .map(p -> p.path("path").asString() + " " + p.path("code").asString())
                .toList();
        assertThat(paths)
                .contains(
                        "$.concepts[0].alt_labels WRONG_TYPE",
                        "$.concepts[1].alt_labels[1] MISSING_FIELD",
                        "$.concepts[1].alt_labels[2] WRONG_TYPE",
                        "$.concepts[1].alt_labels[3] DUPLICATE_VALUE");
        var exported = as("analyst").post("{ exportBundle }").ok().path("exportBundle");
        var foreigner = exported.path("concepts")
                .valueStream()
                .filter(c -> c.path("id").asString().equals("cobj.foreigner"))
                .findFirst()
                .orElseThrow();
        assertThat(foreigner.path("alt_labels").valueStream().map(JsonNode::asString))
                .containsExactly("外国人", "外籍人员");
        var plain = exported.path("concepts")
                .valueStream()
                .filter(c -> c.path("id").asString().equals("cobj.food"))
                .findFirst()
                .orElseThrow();
        assertThat(plain.has("alt_labels")).isFalse();
    }

    private static String irrigation(String altLabels) {
        return """
                {"format": "org-bundle/1", "concepts": [
                  {"id": "cobj.irrigation", "label": "小型农田水利", "scheme": "object", "alt_labels": [%s]}]}""".formatted(altLabels);
    }

    private JsonNode matters(String filter, int first, String after) {
        var variables = new HashMap<String, Object>();
        variables.put("filter", filter);
        variables.put("first", first);
        variables.put("after", after);
        return anonymous().post(MATTERS, variables).ok().path("matters");
    }

    /** The fixture's matters (other tests may leave concepts of their own in the shared graph). */
    private static List<String> nodeIds(JsonNode connection) {
        return connection
                .path("edges")
                .valueStream()
                .map(e -> e.path("node").path("id").asString())
                .filter(id -> id.startsWith("cobj."))
                .toList();
    }
}
