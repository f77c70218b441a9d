package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-post accountability catalogue: situations bound to the duties a post holds (by power-item category, by
 * concept, broader concepts included), with the reason; it follows a duty when an import moves it to another post.
 */
class PostCatalogueApiTest extends CaseTestSupport {

    private static final String ITEMS = """
            query($post: ID!) { postAccountabilityItems(postId: $post) { post { id } unit { id } catalogueVersion
              items { situation { code measureFrom measureTo } dutyId because via } } }""";

    @Test
    void eachPostIsShownWhatItCanBeHeldToAccountForAndWhy() {
        assertThat(items(OFFICE, "zedu-xk-1"))
                .containsExactlyInAnyOrder(
                        "d-z1 window.approval-conduct POWER_ITEM_CATEGORY licensing (pi-z1)",
                        "d-z1 window.time-limit POWER_ITEM_CATEGORY licensing (pi-z1)",
                        "d-z1 services.extortion POWER_ITEM_CATEGORY licensing (pi-z1)",
                        "d-z1 services.slow POWER_ITEM_CATEGORY licensing (pi-z1)");
        assertThat(items(OFFICE, "zedu-xk-2"))
                .containsExactlyInAnyOrder(
                        "d-z2 decisions.inaction POWER_ITEM_CATEGORY inspection (pi-z2)",
                        "d-z2 duties.lazy CONCEPT act.inspect");
        assertThat(items(OFFICE, "zedu-head")).isEmpty();
    }

    @Test
    void aConceptBindingCoversNarrowerObjects_andAnIdBindingIsTheMostSpecific() {
        var definition = template();
        @SuppressWarnings("unchecked")
        var areas = (List<Map<String, Object>>) definition.get("areas");
        areas.add(Map.of(
                "code",
                "schools",
                "name",
                "办学监管",
                "situations",
                List.of(
                        Map.of(
                                "code",
                                "schools.any",
                                "wording",
                                "学校监管失职",
                                "measures",
                                Map.of("from", "REMINDER_TALK", "to", "TRANSFER"),
                                "bindings",
                                Map.of("concepts", List.of("obj.school"))),
                        Map.of(
                                "code",
                                "schools.permit",
                                "wording",
                                "违规发放办学许可",
                                "measures",
                                Map.of("from", "CIRCULATED_CRITICISM", "to", "DEMOTION"),
                                "bindings",
                                Map.of("powerItemIds", List.of("pi-z1"), "concepts", List.of("obj.school"))))));
        var saved = saveCatalogue(OFFICE, "2099-06-01", definition);
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();
        // in force from 2099: move the clock there to read it
        at(java.time.Instant.parse("2099-06-02T02:00:00Z"));
        assertThat(items(OFFICE, "zedu-xk-1"))
                .contains("d-z1 schools.any CONCEPT obj.school", "d-z1 schools.permit POWER_ITEM pi-z1");
    }

    @Test
    void whenAnImportMovesADutyThePostsCataloguesFollow() {
        var bundle = resource("bundles/cases.bundle.json");
        try {
            var moved = importBundle(bundle.replace("\"holder_id\": \"zedu-xk-2\"", "\"holder_id\": \"zedu-xk-1\""));
            assertThat(moved.path("problems").isEmpty()).as(moved.toString()).isTrue();
            assertThat(items(OFFICE, "zedu-xk-1")).contains("d-z2 duties.lazy CONCEPT act.inspect");
            assertThat(items(OFFICE, "zedu-xk-2")).isEmpty();
        } finally {
            importBundle(bundle);
        }
        assertThat(items(OFFICE, "zedu-xk-2")).contains("d-z2 duties.lazy CONCEPT act.inspect");
    }

    @Test
    void theHolderTheLeadersAndTheOfficeReadIt_noOneElse_andTheUnitsDocumentListsEveryPost() {
        assertThat(items("case-zb002", "zedu-xk-1")).as("holder today").isNotEmpty();
        assertThat(items("case-zb005", "zedu-xk-1")).as("principal").isNotEmpty();
        for (var other : List.of("case-zb001", "case-zb006", "case-zb008", "inspector2")) {
            assertThat(as(other)
                            .post(ITEMS, Map.of("post", "zedu-xk-1"))
                            .ok()
                            .path("postAccountabilityItems")
                            .isNull())
                    .as(other)
                    .isTrue();
            assertThat(as(other)
                            .post("{ accountabilityCatalogueDocument(unitId: \"zedu-xk\") }")
                            .ok()
                            .path("accountabilityCatalogueDocument")
                            .isNull())
                    .as(other)
                    .isTrue();
        }
        var units = as("case-zb003")
                .post(
                        "{ unitAccountabilityItems(unitId: \"zedu-xk\") { edges { node { post { id } items { dutyId } } } } }")
                .ok()
                .path("unitAccountabilityItems")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node").path("post").path("id").asString())
                .toList();
        assertThat(units).containsExactly("zedu-xk-1", "zedu-xk-2", "zedu-xk-head");
        var document = as(OFFICE)
                .post("{ accountabilityCatalogueDocument(unitId: \"zedu-xk\") }")
                .ok()
                .path("accountabilityCatalogueDocument")
                .asString();
        assertThat(document)
                .startsWith("# 审批科 问责事项目录")
                .contains("## 审批受理岗（zedu-xk-1）")
                .contains("受理民办学校办学许可申请")
                .contains("（本岗位职责未对应问责情形）");
    }

    private List<String> items(String username, String postId) {
        var post = as(username).post(ITEMS, Map.of("post", postId)).ok().path("postAccountabilityItems");
        return post.path("items")
                .valueStream()
                .map(i -> i.path("dutyId").asString() + " "
                        + i.path("situation").path("code").asString() + " "
                        + i.path("because").asString() + " " + i.path("via").asString())
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> template() {
        var node = as(OFFICE)
                .post("{ accountabilityCatalogueTemplate { definition } }")
                .ok()
                .path("accountabilityCatalogueTemplate")
                .path("definition");
        return (Map<String, Object>) org.dutygraph.support.GraphQl.JSON.convertValue(node, Map.class);
    }
}
