package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 5: a person works at a window of the service centre and is seconded there by their home
 * department (bundles/appraisal.bundle.json: SM-1 and SM-3 from the market regulator asj at the joint window,
 * SM-2 from asj at the HR window, AW-4 from the HR bureau adept at the joint window).
 */
class SecondmentApiTest extends AppraisalCityCalls {

    @Test
    void aViolationWithholdsTheBonusOfColleaguesSecondedBySameDepartmentToTheCentre_notOfOthersAtTheSameWindow() {
        var scheme = simple(
                "捆绑考核",
                Map.of("subjects", List.of("SM-1", "SM-2", "SM-3", "AW-4")),
                List.of(Map.of("code", "w-post", "weight", "100", "input", Map.of())));
        scheme.put("bundledPenaltyEvent", "VIOLATION");
        save("seconded-bundled", "2039-01", scheme);
        for (var month : List.of("2039-05", "2039-06")) {
            enter(
                    month,
                    List.of(
                            List.of("SM-1", "w-post", "95"),
                            List.of("SM-2", "w-post", "95"),
                            List.of("SM-3", "w-post", "95"),
                            List.of("AW-4", "w-post", "95")));
        }
        record("SM-1", "2039-05", "VIOLATION", 1);
        recompute(2039);

        var results = results("seconded-bundled", 2039);
        assertThat(flags(results.get("SM-1 2039-05"))).contains("BONUS_WITHHELD:VIOLATION");
        // same department, same window; same department, another window of the same centre
        for (var colleague : List.of("SM-3", "SM-2")) {
            var may = results.get(colleague + " 2039-05");
            assertThat(may.path("payoutMultiplier").asString()).as(colleague).isEqualTo("0");
            assertThat(flags(may)).as(colleague).contains("BUNDLED_PENALTY:SM-1@2039-05");
            assertThat(results.get(colleague + " 2039-06")
                            .path("payoutMultiplier")
                            .asString())
                    .as(colleague)
                    .isEqualTo("1.2");
        }
        // seconded by another department to the same window: not bundled with SM-1
        var other = results.get("AW-4 2039-05");
        assertThat(other.path("payoutMultiplier").asString()).isEqualTo("1.2");
        assertThat(flags(other)).noneMatch(f -> f.startsWith("BUNDLED_PENALTY"));
    }

    @Test
    void linksAndPopulationsReadTheHomeDepartmentOrTheWorkplaceAsTheSchemeDeclares() {
        save(
                "home-units",
                "2040-01",
                Map.of(
                        "name",
                        "部门月度",
                        "subject",
                        "UNIT",
                        "period",
                        "MONTH",
                        "population",
                        Map.of("subjects", List.of("asj", "adept")),
                        "indicators",
                        List.of(Map.of("code", "h-work", "weight", "100", "input", Map.of())),
                        "grades",
                        List.of(Map.of("grade", "GOOD", "min", "60"), Map.of("grade", "POOR"))));
        save(
                "home-linked",
                "2040-01",
                simple(
                        "派驻人员（派出部门挂钩）",
                        Map.of("homeUnits", List.of("asj")),
                        List.of(
                                Map.of(
                                        "code",
                                        "home",
                                        "weight",
                                        "40",
                                        "linked",
                                        Map.of("scheme", "home-units", "from", "HOME")),
                                Map.of("code", "work", "weight", "10", "linked", Map.of("scheme", "home-units")),
                                Map.of("code", "h-post", "weight", "50", "input", Map.of()))));
        save(
                "home-at-centre",
                "2040-01",
                simple(
                        "市场监管局派驻中心人员",
                        Map.of("homeUnits", List.of("asj"), "units", List.of("actr")),
                        List.of(Map.of("code", "h-post", "weight", "100", "input", Map.of()))));
        var scores = new java.util.ArrayList<List<String>>(
                List.of(List.of("asj", "h-work", "80"), List.of("adept", "h-work", "60")));
        for (var person : List.of("SM-1", "SM-2", "SM-3", "AS-1", "AW-4")) {
            scores.add(List.of(person, "h-post", "100"));
        }
        enter("2040-04", scores);
        recompute(2040);

        var linked = results("home-linked", 2040);
        assertThat(linked.keySet().stream().map(k -> k.split(" ")[0]).distinct())
                .containsExactly("AS-1", "SM-1", "SM-2", "SM-3");
        // seconded to a window: 40% x 80 (asj) + the workplace link (the centre, not appraised: missing) + 50% x 100
        var seconded = linked.get("SM-2 2040-04");
        assertThat(seconded.path("score").asString()).isEqualTo("82");
        assertThat(flags(seconded)).contains("MISSING:work").doesNotContain("MISSING:home");
        var breakdown = as("appraiser")
                .post("""
                { appraisalResults(schemeId: "home-linked", year: 2040, subjectId: "SM-2") { edges { node {
                  periods(period: "2040-04") { breakdown { path value } } } } } }""")
                .ok()
                .path("appraisalResults")
                .path("edges")
                .path(0)
                .path("node")
                .path("periods")
                .path(0)
                .path("breakdown");
        assertThat(breakdown
                        .valueStream()
                        .map(l -> l.path("path").asString() + "="
                                + l.path("value").asString()))
                .contains("home=80", "h-post=100");
        // not seconded: home and workplace are both asj; 40% x 80 + 10% x 80 + 50
        assertThat(linked.get("AS-1 2040-04").path("score").asString()).isEqualTo("90");

        assertThat(results("home-at-centre", 2040).keySet().stream()
                        .map(k -> k.split(" ")[0])
                        .distinct())
                .containsExactly("SM-1", "SM-2", "SM-3");
    }

    @Test
    void aMisspeltFromIsRefusedWithItsPath_andAUnitSchemeHasNoHomeUnits() {
        var errors = as("appraiser")
                .post(
                        """
                mutation($d: JSON!) { saveAppraisalScheme(input: {id: "bad-from", validFrom: "2040-01", definition: $d}) {
                  errors { field code } } }""",
                        Map.of(
                                "d",
                                simple(
                                        "x",
                                        Map.of("homeUnits", List.of("asj")),
                                        List.of(Map.of(
                                                "code",
                                                "bf-link",
                                                "weight",
                                                "100",
                                                "linked",
                                                Map.of("scheme", "home-units", "from", "HOEM"))))))
                .ok()
                .path("saveAppraisalScheme")
                .path("errors");
        assertThat(errors.valueStream().map(e -> e.path("field").path(2).asString()))
                .contains("$.indicators[0].linked.from");
        var unit = as("appraiser")
                .post(
                        """
                mutation($d: JSON!) { saveAppraisalScheme(input: {id: "bad-home", validFrom: "2040-01", definition: $d}) {
                  errors { field code } } }""",
                        Map.of(
                                "d",
                                Map.of(
                                        "name",
                                        "x",
                                        "subject",
                                        "UNIT",
                                        "period",
                                        "MONTH",
                                        "population",
                                        Map.of("homeUnits", List.of("asj")),
                                        "indicators",
                                        List.of(Map.of("code", "bh-work", "weight", "100", "input", Map.of())),
                                        "grades",
                                        List.of(Map.of("grade", "GOOD")))))
                .ok()
                .path("saveAppraisalScheme")
                .path("errors");
        assertThat(unit.valueStream().map(e -> e.path("field").path(2).asString()))
                .contains("$.population.homeUnits");
    }

    @Test
    void theBundleCarriesWhoSecondsAMember_andAnUnknownSecondingUnitIsAProblemWithItsPath() {
        var exported = as("analyst").post("{ exportBundle }").ok().path("exportBundle");
        assertThat(exported.path("memberships")
                        .valueStream()
                        .filter(m -> m.path("person_id").asString().equals("SM-2"))
                        .map(m -> m.path("seconded_from_id").asString()))
                .containsExactly("asj");
        assertThat(exported.path("memberships")
                        .valueStream()
                        .filter(m -> m.path("person_id").asString().equals("AS-1"))
                        .map(m -> m.has("seconded_from_id")))
                .containsExactly(false);

        var rejected = importBundle("""
                {"format": "org-bundle/1", "memberships": [
                  {"person_id": "SM-2", "post_id": "awin-4", "start_date": "2020-01-01", "seconded_from_id": "no-such-unit"}]}""");
        assertThat(rejected.path("problems")
                        .valueStream()
                        .map(p ->
                                p.path("path").asString() + ":" + p.path("code").asString()))
                .containsExactly("$.memberships[0].seconded_from_id:UNKNOWN_REFERENCE");
    }
}
