package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.engine.Appraiser;
import org.dutygraph.appraisal.engine.Outcome;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.appraisal.engine.SchemeParser;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** The worked examples of domain.md §4, computed by the engine from the shipped templates. */
class WorkedExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Scheme template(String id) {
        try (var in = new ClassPathResource("appraisal/templates/" + id + ".json").getInputStream()) {
            return SchemeParser.parse(id, 1, JSON.readValue(in, Object.class));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Scheme scheme(String id, String json) {
        return SchemeParser.parse(id, 1, JSON.readValue(json, Object.class));
    }

    private static Outcome one(Scheme scheme, Period period, String subject, MapSources sources) {
        return Appraiser.run(scheme, period, List.of(subject), sources)
                .outcomes()
                .get(0);
    }

    private static BigDecimal points(Outcome outcome, String path) {
        return outcome.breakdown().stream()
                .filter(l -> l.path().equals(path))
                .findFirst()
                .orElseThrow()
                .points();
    }

    @Test
    void theUnitSchemeRollsFourQuartersIntoTheYear_andSatisfactionIsLeadersFortyStaffSixty() {
        var quarterly = template("unit-quarterly-work");
        var annual = template("unit-annual");
        var sources = new MapSources();
        sources.schemes.put("unit-quarterly-work", quarterly);
        // Q1: 50% x 90 + 30% x 80 + 20% x 70 = 83
        sources.input("fgw", "key", "90").input("fgw", "routine", "80").input("fgw", "other", "70");
        var q1 = one(quarterly, Period.parse("2026-Q1"), "fgw", sources);
        assertThat(q1.score()).isEqualByComparingTo("83");
        sources.partScores.put("fgw|unit-quarterly-work|2026-Q1", q1.score());
        sources.partScores.put("fgw|unit-quarterly-work|2026-Q2", new BigDecimal("85"));
        sources.partScores.put("fgw|unit-quarterly-work|2026-Q3", new BigDecimal("88"));
        sources.partScores.put("fgw|unit-quarterly-work|2026-Q4", new BigDecimal("92"));
        sources.input("fgw", "management", "90")
                .input("fgw", "innovation", "60")
                .input("fgw", "satisfaction.leaders", "95")
                .input("fgw", "satisfaction.staff", "85");
        var year = one(annual, Period.parse("2026"), "fgw", sources);
        // work = (83 + 85 + 88 + 92) / 4 = 87 -> 34.8; management 27; innovation 6; satisfaction (38 + 51) = 89 -> 17.8
        assertThat(points(year, "work")).isEqualByComparingTo("34.8");
        assertThat(points(year, "satisfaction")).isEqualByComparingTo("17.8");
        assertThat(year.score()).isEqualByComparingTo("85.6");
        assertThat(year.grade()).isEqualTo("GOOD");
    }

    @Test
    void hundredPointsOverEightIndicators_deductionsCappedAtTwenty() {
        var scheme = template("city-100-points");
        var sources = new MapSources();
        for (var code : List.of(
                "approval-speed",
                "online-service",
                "rules",
                "attendance",
                "public-evaluation",
                "complaint-handling",
                "commitments",
                "innovation")) {
            sources.input("jyj", code, "100");
        }
        sources.input("jyj", "accountability-cases", "26");
        var outcome = one(scheme, Period.parse("2026"), "jyj", sources);
        assertThat(outcome.score()).isEqualByComparingTo("80");
        assertThat(outcome.flags()).contains("DEDUCTIONS_CAPPED");
        assertThat(points(outcome, "outcome/public-evaluation")).isEqualByComparingTo("20");
    }

    @Test
    void linkedScoresReadTheDepartmentsResult_soChangingItChangesTheHeadsAndTheStaffsScores() {
        var head = template("head-monthly");
        var staff = template("staff-monthly");
        var sources = new MapSources();
        sources.linked.put("head|TOP_UNIT|unit-monthly", new BigDecimal("80"));
        sources.linked.put("head|OWN_UNIT|unit-monthly", new BigDecimal("90"));
        sources.input("head", "help", "100");
        // 10% x 80 + 80% x 90 + 10% x 100 = 90
        assertThat(one(head, Period.parse("2026-03"), "head", sources).score()).isEqualByComparingTo("90");
        sources.linked.put("clerk|OWN_UNIT|unit-monthly", new BigDecimal("90"));
        sources.input("clerk", "post", "80").input("clerk", "other-work", "70");
        // 30% x 90 + 60% x 80 + 10% x 70 = 82
        assertThat(one(staff, Period.parse("2026-03"), "clerk", sources).score())
                .isEqualByComparingTo("82");
        sources.linked.put("clerk|OWN_UNIT|unit-monthly", new BigDecimal("70"));
        assertThat(one(staff, Period.parse("2026-03"), "clerk", sources).score())
                .isEqualByComparingTo("76");
    }

    @Test
    void bandsUseTheUnroundedScore_89_995IsPublishedAs90ButGradedGood() {
        var scheme = template("unit-monthly");
        var sources = new MapSources()
                .input("u", "citizen-service", "89.995")
                .input("u", "other-business", "89.995")
                .input("u", "team-building", "89.995");
        var outcome = one(scheme, Period.parse("2026-05"), "u", sources);
        assertThat(outcome.publishedScore()).isEqualByComparingTo("90.00");
        assertThat(outcome.grade()).isEqualTo("GOOD");
    }

    @Test
    void oneVoteVetoMakesTheMonthTheLowestGrade_aDisciplinaryCaseLowersAUnitOneBand() {
        var staff = template("staff-monthly");
        var sources = new MapSources();
        sources.linked.put("p1|OWN_UNIT|unit-monthly", new BigDecimal("100"));
        sources.input("p1", "post", "100").input("p1", "other-work", "100");
        sources.events.put("p1", List.of("SERIOUS_COMPLAINT"));
        var vetoed = one(staff, Period.parse("2026-04"), "p1", sources);
        assertThat(vetoed.score()).isEqualByComparingTo("100");
        assertThat(vetoed.grade()).isEqualTo("INCOMPETENT");
        assertThat(vetoed.flags()).contains("LOWEST_GRADE:SERIOUS_COMPLAINT");
        assertThat(vetoed.multiplier()).isEqualByComparingTo("0");

        var unit = template("unit-monthly");
        var unitSources = new MapSources()
                .input("u", "citizen-service", "95")
                .input("u", "other-business", "95")
                .input("u", "team-building", "95");
        unitSources.events.put("u", List.of("DISCIPLINARY_CASE"));
        var downgraded = one(unit, Period.parse("2026-04"), "u", unitSources);
        assertThat(downgraded.grade()).isEqualTo("GOOD");
        assertThat(downgraded.flags()).contains("DOWNGRADED:DISCIPLINARY_CASE");
    }

    @Test
    void forcedDistributionTenEightyTen_andATieAtTheCutIsReportedNotBroken() {
        var scheme = template("staff-monthly-forced");
        var sources = new MapSources();
        var subjects = new java.util.ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            var s = String.format("s%02d", i);
            subjects.add(s);
            sources.linked.put(s + "|OWN_UNIT|unit-monthly", new BigDecimal("80"));
            sources.input(s, "post", String.valueOf(100 - i)).input(s, "other-work", "80");
        }
        var run = Appraiser.run(scheme, Period.parse("2026-06"), subjects, sources);
        var grades =
                run.outcomes().stream().collect(java.util.stream.Collectors.toMap(Outcome::subjectId, Outcome::grade));
        assertThat(grades.values().stream().filter("EXCELLENT"::equals)).hasSize(2);
        assertThat(grades.values().stream().filter("LAGGING"::equals)).hasSize(2);
        assertThat(grades.get("s00")).isEqualTo("EXCELLENT");
        assertThat(grades.get("s19")).isEqualTo("LAGGING");
        assertThat(run.ties()).isEmpty();

        // s01 and s02 tie across the excellent cut: both stay excellent, the tie is reported and flagged
        sources.input("s02", "post", "99");
        var tied = Appraiser.run(scheme, Period.parse("2026-06"), subjects, sources);
        var tiedGrades =
                tied.outcomes().stream().collect(java.util.stream.Collectors.toMap(Outcome::subjectId, o -> o));
        assertThat(tiedGrades.get("s01").grade()).isEqualTo("EXCELLENT");
        assertThat(tiedGrades.get("s02").grade()).isEqualTo("EXCELLENT");
        assertThat(tiedGrades.get("s02").flags()).contains("TIE_AT_CUT");
        assertThat(tiedGrades.get("s01").rank())
                .isEqualTo(tiedGrades.get("s02").rank())
                .isEqualTo(2);
        assertThat(tied.ties()).singleElement().asString().contains("s01", "s02");
    }

    @Test
    void noAnnualExcellentWithoutAMonthlyExcellentAndNoMonthBelowCompetent() {
        var monthly = template("staff-monthly");
        var annual = template("staff-annual");
        var sources = new MapSources();
        sources.schemes.put("staff-monthly", monthly);
        for (int m = 1; m <= 12; m++) {
            var month = Period.month(2026, m);
            sources.partScores.put("p|staff-monthly|" + month, new BigDecimal("91"));
            sources.partGrades.put("p|staff-monthly|" + month, m == 7 ? "BASIC" : "EXCELLENT");
        }
        var blocked = one(annual, Period.parse("2026"), "p", sources);
        assertThat(blocked.score()).isEqualByComparingTo("91");
        assertThat(blocked.grade()).isEqualTo("COMPETENT");
        assertThat(blocked.flags()).anyMatch(f -> f.startsWith("INELIGIBLE:EXCELLENT: BASIC below COMPETENT"));
        // >= 90 but not excellent: 110%
        assertThat(blocked.multiplier()).isEqualByComparingTo("1.1");
        sources.partGrades.put("p|staff-monthly|2026-07", "COMPETENT");
        var eligible = one(annual, Period.parse("2026"), "p", sources);
        assertThat(eligible.grade()).isEqualTo("EXCELLENT");
        assertThat(eligible.multiplier()).isEqualByComparingTo("1.2");
    }

    @Test
    void payoutMultipliersByGrade_poorZeroFairEightyGoodHundredNinetyPlusHundredTenExcellentHundredTwenty() {
        var scheme = scheme("quarterly-payout", """
                {"name": "季度考核", "subject": "PERSON", "period": "QUARTER",
                 "indicators": [{"code": "work", "weight": "100", "input": {}}],
                 "grades": [{"grade": "EXCELLENT", "min": "95"}, {"grade": "GOOD", "min": "80"}, {"grade": "FAIR", "min": "60"},
                            {"grade": "POOR"}],
                 "payouts": [{"grade": "EXCELLENT", "multiplier": "1.2"}, {"minScore": "90", "multiplier": "1.1"},
                             {"grade": "GOOD", "multiplier": "1.0"}, {"grade": "FAIR", "multiplier": "0.8"},
                             {"grade": "POOR", "multiplier": "0"}]}""");
        var sources = new MapSources();
        var expected = Map.of("97", "1.2", "92", "1.1", "85", "1.0", "65", "0.8", "40", "0");
        expected.forEach((score, multiplier) -> {
            sources.input("x" + score, "work", score);
            assertThat(one(scheme, Period.parse("2026-Q2"), "x" + score, sources)
                            .multiplier())
                    .as(score)
                    .isEqualByComparingTo(multiplier);
        });
    }

    @Test
    void aSchemeWithProblemsIsRefusedNamingEachPath() {
        assertThatThrownBy(() -> scheme("bad", """
                {"name": "x", "subject": "UNIT", "period": "WEEK",
                 "indicators": [{"code": "a", "weight": "60", "input": {}}, {"code": "A b", "weight": "30", "input": {}}],
                 "grades": [{"grade": "OK", "min": "50"}, {"grade": "OK"}]}"""))
                .isInstanceOfSatisfying(
                        SchemeParser.Invalid.class,
                        e -> assertThat(e.problems().stream().map(SchemeParser.Problem::path))
                                .contains("$.period", "$.indicators", "$.indicators[1].code", "$.grades[1].grade"));
    }

    @Test
    void aBasicallyCompetentYearInTheLastTwoYearsBlocksPromotion_soDoesAPlaceOnTheWorstList() {
        var annual = template("staff-annual");
        var sources = new MapSources() {
            @Override
            public List<String> pastGrades(String subjectId, String schemeId, int years) {
                return subjectId.equals("last-year-basic") && years == 1 ? List.of("BASIC") : List.of();
            }
        };
        sources.schemes.put("staff-monthly", template("staff-monthly"));
        for (var subject : List.of("last-year-basic", "clean")) {
            for (int m = 1; m <= 12; m++) {
                sources.partScores.put(subject + "|staff-monthly|" + Period.month(2026, m), new BigDecimal("80"));
                sources.partGrades.put(subject + "|staff-monthly|" + Period.month(2026, m), "COMPETENT");
            }
        }
        var run = Appraiser.run(annual, Period.parse("2026"), List.of("last-year-basic", "clean"), sources)
                .outcomes();
        assertThat(run.get(1).flags()).anyMatch(f -> f.startsWith("PROMOTION_BLOCKED:BASIC in the last 2 years"));
        assertThat(run.get(0).flags()).noneMatch(f -> f.startsWith("PROMOTION_BLOCKED"));

        var unit = template("unit-monthly");
        var listed = new MapSources()
                .input("u", "citizen-service", "80")
                .input("u", "other-business", "80")
                .input("u", "team-building", "80");
        listed.events.put("u", List.of("CITIZEN_WORST_RANKED"));
        assertThat(one(unit, Period.parse("2026-08"), "u", listed).flags())
                .contains("PROMOTION_BLOCKED:CITIZEN_WORST_RANKED");
    }
}
