package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The situation catalogue as versioned data: the shipped template, versions in force by day, refusals with their path. */
class SituationCatalogueApiTest extends CaseTestSupport {

    private static final String CATALOGUE = """
            query($on: Date, $version: Int) { accountabilityCatalogue(on: $on, version: $version) { version name validFrom
              openDirectly areas { code name situations { code wording kinds complaintCategories checklistCodes
              measureFrom measureTo suspendFirst } } } }""";

    @Test
    void theShippedTemplateHasTheWindowNormsTheKindsAndACitysFourAreas() {
        var catalogue =
                as(OFFICE).post(CATALOGUE, Map.of("on", "2020-06-01")).ok().path("accountabilityCatalogue");
        var areas = catalogue
                .path("areas")
                .valueStream()
                .map(a -> a.path("code").asString())
                .toList();
        assertThat(areas).containsExactly("window", "decisions", "duties", "services", "discipline");
        var window = catalogue.path("areas").path(0).path("situations");
        assertThat(window.valueStream()
                        .flatMap(s -> s.path("checklistCodes").valueStream())
                        .map(c -> c.asString()))
                .contains(
                        "WINDOW_PROHIBITIONS",
                        "WINDOW_APPEARANCE",
                        "WINDOW_MANNERS",
                        "WINDOW_LANGUAGE",
                        "WINDOW_DRESS",
                        "WINDOW_DESK_ORDER",
                        "WINDOW_APPROVAL_CONDUCT",
                        "ATTENDANCE",
                        "FIRST_INQUIRY",
                        "TIME_LIMITED");
        var kinds = catalogue
                .path("areas")
                .valueStream()
                .flatMap(a -> a.path("situations").valueStream())
                .flatMap(s -> s.path("kinds").valueStream())
                .map(k -> k.asString())
                .distinct()
                .toList();
        assertThat(kinds).contains("MEDIOCRE", "LAZY", "LAX", "WEAK", "COLD", "BUCK_PASSING", "DISORDERLY", "GREEDY");
        var extortion = catalogue
                .path("areas")
                .valueStream()
                .flatMap(a -> a.path("situations").valueStream())
                .filter(s -> s.path("code").asString().equals("services.extortion"))
                .findFirst()
                .orElseThrow();
        assertThat(extortion.path("suspendFirst").asBoolean()).isTrue();
        assertThat(extortion.path("measureFrom").asString()).isEqualTo("REMOVAL");
        assertThat(texts(catalogue.path("openDirectly"))).containsExactly("SPOT_CHECK");
    }

    @Test
    void aNewVersionIsInForceFromItsDayOn_earlierDaysKeepTheirs() {
        var definition = template();
        definition.put("name", "问责情形目录 2099 版");
        var saved = saveCatalogue(OFFICE, "2099-01-01", definition);
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();
        int version = saved.path("catalogue").path("version").asInt();

        assertThat(as(OFFICE)
                        .post(CATALOGUE, Map.of("on", "2099-03-01"))
                        .ok()
                        .path("accountabilityCatalogue")
                        .path("version")
                        .asInt())
                .isEqualTo(version);
        assertThat(as(OFFICE)
                        .post(CATALOGUE, Map.of("on", "2098-12-31"))
                        .ok()
                        .path("accountabilityCatalogue")
                        .path("version")
                        .asInt())
                .isLessThan(version);
        assertThat(as(OFFICE)
                        .post(CATALOGUE, Map.of("version", version))
                        .ok()
                        .path("accountabilityCatalogue")
                        .path("name")
                        .asString())
                .isEqualTo("问责情形目录 2099 版");
        var page = as(OFFICE)
                .post("{ accountabilityCatalogues(first: 1) { edges { node { version } } pageInfo { endCursor } } }")
                .ok()
                .path("accountabilityCatalogues");
        var next = as(OFFICE)
                .post(
                        "query($after: String) { accountabilityCatalogues(first: 500, after: $after) { edges { node { version } } } }",
                        Map.of("after", page.path("pageInfo").path("endCursor").asString()))
                .ok()
                .path("accountabilityCatalogues")
                .path("edges");
        assertThat(next.valueStream().map(e -> e.path("node").path("version").asInt()))
                .contains(version)
                .allMatch(v -> v
                        > page.path("edges")
                                .path(0)
                                .path("node")
                                .path("version")
                                .asInt());
        var notOurs = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("abc".getBytes());
        assertThat(as(OFFICE)
                        .post(
                                "query($after: String) { accountabilityCatalogues(after: $after) { edges { cursor } } }",
                                Map.of("after", notOurs))
                        .firstErrorCode())
                .isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void unknownKeysDuplicatesAndOutOfRangeValuesAreRefusedWithTheirPath_nothingSaved() {
        var before = count("SituationCatalogue");
        var definition = template();
        var situations = situations(definition, 0);
        situations.get(0).put("suspendFrist", true);
        situations.get(1).put("code", situations.get(0).get("code"));
        situations.get(2).put("measures", Map.of("from", "DEMOTION", "to", "REMINDER_TALK"));
        situations.get(3).put("measures", Map.of("from", "REMINDER_TALK", "to", "FIRING"));
        ((Map<String, Object>) situations.get(4).get("sources")).put("complaintCategories", List.of("COLD", "COLD"));
        ((Map<String, Object>) situations.get(5).get("sources")).put("complaintCategories", List.of("RUDE"));
        situations.get(6).put("kinds", List.of("SLEEPY"));

        var saved = saveCatalogue(OFFICE, "2030-01-01", definition);

        assertThat(saved.path("catalogue").isNull()).isTrue();
        var problems = saved.path("errors")
                .valueStream()
                .map(e -> e.path("code").asString() + " "
                        + e.path("field").path(2).asString())
                .toList();
        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "UNKNOWN_KEY $.areas[0].situations[0].suspendFrist",
                        "DUPLICATE_CODE $.areas[0].situations[1].code",
                        "OUT_OF_RANGE $.areas[0].situations[2].measures.to",
                        "UNKNOWN_VALUE $.areas[0].situations[3].measures.to",
                        "DUPLICATE_VALUE $.areas[0].situations[4].sources.complaintCategories[1]",
                        "UNKNOWN_VALUE $.areas[0].situations[5].sources.complaintCategories[0]",
                        "UNKNOWN_VALUE $.areas[0].situations[6].kinds[0]");
        assertThat(saved.path("errors").path(0).path("field").path(0).asString())
                .isEqualTo("input");
        assertThat(count("SituationCatalogue")).isEqualTo(before);
    }

    @Test
    void onlyTheSupervisionOfficeKeepsTheCatalogue() {
        var before = count("SituationCatalogue");
        // an inspector of another unit (the police) is not the supervision office
        assertThat(as("inspector2")
                        .post("{ accountabilityCatalogueTemplate { definition } }")
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
        var refused = as("inspector2")
                .post("""
                mutation($input: SaveAccountabilityCatalogueInput!) { saveAccountabilityCatalogue(input: $input) { errors { code } } }""", Map.of("input", Map.of("validFrom", "2031-01-01", "definition", template())));
        assertThat(refused.firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(as("inspector2")
                        .post(CATALOGUE, Map.of("on", "2026-01-01"))
                        .ok()
                        .path("accountabilityCatalogue")
                        .isNull())
                .isTrue();
        assertThat(as("case-zb005").post(CATALOGUE, Map.of("on", "2026-01-01")).firstErrorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(count("SituationCatalogue")).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> template() {
        var node = as(OFFICE)
                .post("{ accountabilityCatalogueTemplate { definition } }")
                .ok()
                .path("accountabilityCatalogueTemplate")
                .path("definition");
        return (Map<String, Object>) deepCopy(GraphQlJson.toObject(node));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> situations(Map<String, Object> definition, int area) {
        var areas = (List<Map<String, Object>>) definition.get("areas");
        return (List<Map<String, Object>>) areas.get(area).get("situations");
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            var copy = new HashMap<String, Object>();
            m.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (o instanceof List<?> l) {
            var copy = new ArrayList<Object>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return o;
    }

    private static List<String> texts(tools.jackson.databind.JsonNode array) {
        return array.valueStream().map(n -> n.asString()).toList();
    }
}
