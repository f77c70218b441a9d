package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14 items 1-3: what a link reads, whom a scheme appraises, and a period without inputs. */
class AppraisalScopeApiTest extends AppraisalDemoCityTest {

    private static final List<String> GRADES = List.of("EXCELLENT", "COMPETENT", "BASIC");

    private static Map<String, Object> ladder(Map<String, Object> scheme) {
        var s = new java.util.LinkedHashMap<>(scheme);
        s.put(
                "grades",
                List.of(
                        Map.of("grade", "EXCELLENT", "min", "90"),
                        Map.of("grade", "COMPETENT", "min", "60"),
                        Map.of("grade", "BASIC")));
        return s;
    }

    @Test
    void sectionStaffAreScoredWithTheirDepartment_aLinkCanNameALevelOrTheUnitItself() {
        save("unit-monthly", 2032, template("unit-monthly"));
        save("staff-monthly", 2032, template("staff-monthly"));
        enter(
                "2032-03",
                List.of(
                        List.of("fgw", "citizen-service", "90"),
                        List.of("fgw", "other-business", "80"),
                        List.of("fgw", "team-building", "100"),
                        List.of("gov", "citizen-service", "60"),
                        List.of("gov", "other-business", "60"),
                        List.of("gov", "team-building", "60"),
                        List.of("p-0011", "post", "90"),
                        List.of("p-0011", "other-work", "83")));
        recompute(2032);

        // p-0011 sits in section fgw-bgs, which no unit scheme appraises: the department fgw (87) is read.
        // 30% x 87 + 60% x 90 + 10% x 83 = 88.4 (was 62.30 BASIC, payout 0.8, MISSING:department)
        var mine = mine("staff", 2032);
        var march = period(mine, "staff-monthly", "2032-03");
        assertThat(march.path("score").asString()).isEqualTo("88.4");
        assertThat(march.path("grade").asString()).isEqualTo("COMPETENT");
        assertThat(march.path("payoutMultiplier").asString()).isEqualTo("1.0");
        assertThat(texts(march.path("flags"))).noneMatch(f -> f.startsWith("MISSING"));

        save(
                "level-link",
                2032,
                ladder(Map.of(
                        "name",
                        "层级挂钩",
                        "subject",
                        "PERSON",
                        "period",
                        "MONTH",
                        "population",
                        Map.of("subjects", List.of("p-0011")),
                        "indicators",
                        List.of(
                                Map.of(
                                        "code",
                                        "city",
                                        "weight",
                                        "50",
                                        "linked",
                                        Map.of(
                                                "source",
                                                "LEVEL",
                                                "classification",
                                                "government",
                                                "scheme",
                                                "unit-monthly")),
                                Map.of(
                                        "code",
                                        "section",
                                        "weight",
                                        "30",
                                        "linked",
                                        Map.of("source", "UNIT_ITSELF", "scheme", "unit-monthly")),
                                Map.of("code", "post", "weight", "20", "input", Map.of())))));
        recompute(2032);
        mine = mine("staff", 2032);
        // a named level reads the city (60); the unit itself (the section) is not appraised: missing. 30 + 0 + 18
        var level = period(mine, "level-link", "2032-03");
        assertThat(level.path("score").asString()).isEqualTo("48");
        assertThat(texts(level.path("flags"))).contains("MISSING:section").doesNotContain("MISSING:city");
    }

    @Test
    void aSchemeAppraisesItsPopulation_andAForcedDistributionRanksEachDepartmentApart() {
        save("unit-monthly", 2033, template("unit-monthly"));
        save("head-monthly", 2033, template("head-monthly"));
        save("staff-monthly-forced", 2033, template("staff-monthly-forced"));
        var forced = ladder(Map.of(
                "name",
                "部门内强制分布",
                "subject",
                "PERSON",
                "period",
                "MONTH",
                "population",
                Map.of("units", List.of("fgw", "jyj"), "postRoles", List.of("deputy", "head", "staff")),
                "indicators",
                List.of(Map.of("code", "post", "weight", "100", "input", Map.of())),
                "distribution",
                List.of(
                        Map.of("grade", "EXCELLENT", "share", "20"),
                        Map.of("grade", "COMPETENT", "share", "60"),
                        Map.of("grade", "BASIC", "share", "20")),
                "distributionGroup",
                Map.of("by", "UNIT", "classification", "department")));
        save("dept-forced", 2033, forced);
        var scores = new ArrayList<List<String>>();
        for (var unit : List.of("fgw", "jyj")) {
            scores.add(List.of(unit, "citizen-service", "85"));
            scores.add(List.of(unit, "other-business", "85"));
            scores.add(List.of(unit, "team-building", "85"));
        }
        // fgw's nine (p-0008..p-0016) all score above jyj's nine (p-0018..p-0026)
        for (int i = 0; i < 9; i++) {
            scores.add(List.of(String.format("p-%04d", 8 + i), "post", String.valueOf(99 - i)));
            scores.add(List.of(String.format("p-%04d", 18 + i), "post", String.valueOf(89 - i)));
        }
        scores.add(List.of("p-0007", "help", "90"));
        enter("2033-02", scores);
        var summary = recompute(2033);
        assertThat(texts(summary.path("ties")))
                .as("nobody without inputs is ranked, so nobody ties at 0")
                .isEmpty();

        // the head scheme appraises principals only; the staff scheme not them
        var heads = results("head-monthly", 2033, "2033-02");
        assertThat(heads).containsKeys("p-0007", "p-0017").doesNotContainKeys("p-0008", "p-0010", "p-0011");
        var mine = mine("staff", 2033);
        assertThat(has(mine, "head-monthly")).isFalse();
        assertThat(has(mine, "staff-monthly-forced")).isTrue();

        var grades = results("dept-forced", 2033, "2033-02");
        assertThat(grades).hasSize(18).doesNotContainKeys("p-0007", "p-0017", "p-0027");
        var expected = Map.of(
                "p-0008",
                "EXCELLENT",
                "p-0009",
                "COMPETENT",
                "p-0016",
                "BASIC",
                "p-0018",
                "EXCELLENT",
                "p-0019",
                "COMPETENT",
                "p-0026",
                "BASIC");
        expected.forEach(
                (person, grade) -> assertThat(grades.get(person).path("grade").asString())
                        .as(person)
                        .isEqualTo(grade));
        assertThat(GRADES).contains(grades.get("p-0011").path("grade").asString());
    }

    @Test
    void aPeriodWithoutInputsIsNotAssessed_andTakesNoPartInDistributionsOrEligibility() {
        save("unit-monthly", 2034, template("unit-monthly"));
        save("staff-monthly", 2034, template("staff-monthly"));
        save("staff-monthly-forced", 2034, template("staff-monthly-forced"));
        save(
                "forced-annual",
                2034,
                ladder(Map.of(
                        "name",
                        "年度（月度强制分布资格）",
                        "subject",
                        "PERSON",
                        "period",
                        "YEAR",
                        "population",
                        Map.of("postRoles", List.of("staff")),
                        "indicators",
                        List.of(Map.of("code", "year-work", "weight", "100", "input", Map.of())),
                        "eligibility",
                        List.of(Map.of(
                                "grade",
                                "EXCELLENT",
                                "scheme",
                                "staff-monthly-forced",
                                "atLeastOnce",
                                "EXCELLENT",
                                "noneBelow",
                                "COMPETENT")))));
        enter(
                "2034-03",
                List.of(
                        List.of("fgw", "citizen-service", "90"),
                        List.of("fgw", "other-business", "80"),
                        List.of("fgw", "team-building", "100"),
                        List.of("p-0011", "post", "95"),
                        List.of("p-0011", "other-work", "95")));
        enter("2034", List.of(List.of("p-0011", "year-work", "95")));
        var summary = recompute(2034);
        assertThat(texts(summary.path("ties"))).isEmpty();

        var mine = mine("staff", 2034, "assessed");
        var april = period(mine, "staff-monthly", "2034-04");
        assertThat(april.path("assessed").asBoolean()).isFalse();
        assertThat(april.path("grade").asString()).isEqualTo("NOT_ASSESSED");
        assertThat(april.path("rank").asInt()).isZero();
        assertThat(texts(april.path("flags"))).containsExactly("NOT_ASSESSED");
        assertThat(period(mine, "staff-monthly", "2034-03").path("assessed").asBoolean())
                .isTrue();
        assertThat(results("unit-monthly", 2034, "2034-04")
                        .get("fgw")
                        .path("grade")
                        .asString())
                .isEqualTo("NOT_ASSESSED");

        // a forced-distribution month without inputs makes nobody excellent
        var forcedApril = period(mine, "staff-monthly-forced", "2034-04");
        assertThat(forcedApril.path("assessed").asBoolean()).isFalse();
        assertThat(forcedApril.path("grade").asString()).isEqualTo("NOT_ASSESSED");
        // alone among fgw's assessed in March: no place for a 10% grade
        assertThat(period(mine, "staff-monthly-forced", "2034-03").path("grade").asString())
                .isEqualTo("COMPETENT");
        // so the year has no excellent month to stand on (the empty months do not count, for or against)
        var year = period(mine, "forced-annual", "2034");
        assertThat(year.path("grade").asString()).isEqualTo("COMPETENT");
        assertThat(texts(year.path("flags")))
                .contains("INELIGIBLE:EXCELLENT: never EXCELLENT under staff-monthly-forced");
    }
}
