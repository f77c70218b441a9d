package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.dutygraph.appraisal.engine.Appraiser;
import org.dutygraph.appraisal.engine.Outcome;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.appraisal.engine.SchemeParser;
import tools.jackson.databind.json.JsonMapper;

/** Invariants of the engine over random weights, inputs and populations. */
class AppraisalPropertiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Period MONTH = Period.parse("2026-01");

    /** A two-level tree whose weights are random splits of 100. */
    private static Scheme tree(List<Integer> topCuts, List<Integer> childCuts, String distribution) {
        var top = split(topCuts);
        var children = split(childCuts);
        var indicators = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < top.size(); i++) {
            var kids = new ArrayList<Map<String, Object>>();
            for (int j = 0; j < children.size(); j++) {
                kids.add(Map.of(
                        "code", "c" + i + "-" + j, "weight", String.valueOf(children.get(j)), "input", Map.of()));
            }
            indicators.add(Map.of("code", "t" + i, "weight", String.valueOf(top.get(i)), "children", kids));
        }
        var json = new java.util.HashMap<String, Object>(Map.of(
                "name",
                "random",
                "subject",
                "PERSON",
                "period",
                "MONTH",
                "indicators",
                indicators,
                "grades",
                List.of(Map.of("grade", "A", "min", "90"), Map.of("grade", "B", "min", "60"), Map.of("grade", "C"))));
        if (distribution != null) {
            json.put("distribution", JSON.readValue(distribution, Object.class));
        }
        return SchemeParser.parse("random", 1, json);
    }

    /** Positive integers adding up to 100, from cut points. */
    private static List<Integer> split(List<Integer> cuts) {
        var points = cuts.stream()
                .map(c -> Math.floorMod(c, 99) + 1)
                .distinct()
                .sorted()
                .collect(Collectors.toList());
        points.add(0, 0);
        points.add(100);
        var parts = new ArrayList<Integer>();
        for (int i = 1; i < points.size(); i++) {
            parts.add(points.get(i) - points.get(i - 1));
        }
        return parts;
    }

    private static MapSources inputs(Scheme scheme, String subject, List<Integer> values) {
        var sources = new MapSources();
        int k = 0;
        for (var top : scheme.indicators()) {
            for (var child : top.children()) {
                sources.input(subject, child.code(), String.valueOf(values.get(k++ % values.size())));
            }
        }
        return sources;
    }

    @Property
    void whenEveryInputIsTheSameTheScoreIsThatValue(
            @ForAll @Size(max = 5) List<Integer> topCuts,
            @ForAll @Size(max = 5) List<Integer> childCuts,
            @ForAll @IntRange(min = 0, max = 100) int value) {
        var scheme = tree(topCuts, childCuts, null);
        var outcome = Appraiser.run(scheme, MONTH, List.of("s"), inputs(scheme, "s", List.of(value)))
                .outcomes()
                .get(0);
        assertThat(outcome.score()).isEqualByComparingTo(BigDecimal.valueOf(value));
    }

    @Property
    void scoresStayWithinZeroAndHundred_andTheBreakdownAddsUpToTheScore(
            @ForAll @Size(max = 5) List<Integer> topCuts,
            @ForAll @Size(max = 5) List<Integer> childCuts,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 100) Integer> values) {
        var scheme = tree(topCuts, childCuts, null);
        var outcome = Appraiser.run(scheme, MONTH, List.of("s"), inputs(scheme, "s", values))
                .outcomes()
                .get(0);
        assertThat(outcome.score()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        var leaves = outcome.breakdown().stream()
                .filter(l -> l.depth() == 1)
                .map(Outcome.Line::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(leaves.subtract(outcome.score()).abs()).isLessThan(new BigDecimal("1e-25"));
    }

    @Property
    void raisingAnInputNeverLowersTheScore(
            @ForAll @Size(max = 5) List<Integer> topCuts,
            @ForAll @Size(max = 5) List<Integer> childCuts,
            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 90) Integer> values,
            @ForAll @IntRange(min = 0, max = 29) int which,
            @ForAll @IntRange(min = 1, max = 10) int raise) {
        var scheme = tree(topCuts, childCuts, null);
        var before = Appraiser.run(scheme, MONTH, List.of("s"), inputs(scheme, "s", values))
                .outcomes()
                .get(0);
        var raised = new ArrayList<>(values);
        int i = which % raised.size();
        raised.set(i, raised.get(i) + raise);
        var after = Appraiser.run(scheme, MONTH, List.of("s"), inputs(scheme, "s", raised))
                .outcomes()
                .get(0);
        assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
    }

    @Provide
    Arbitrary<List<Integer>> population() {
        return Arbitraries.integers().between(0, 100).list().ofMinSize(1).ofMaxSize(60);
    }

    @Property
    void forcedDistributionKeepsItsQuotasExceptForReportedTies_andSubjectOrderDoesNotMatter(
            @ForAll("population") List<Integer> posts) {
        var scheme = tree(List.of(50), List.of(), """
                [{"grade": "A", "share": "10"}, {"grade": "B", "share": "80"}, {"grade": "C", "share": "10"}]""");
        var sources = new MapSources();
        var subjects = new ArrayList<String>();
        for (int i = 0; i < posts.size(); i++) {
            var s = String.format("s%03d", i);
            subjects.add(s);
            for (var top : scheme.indicators()) {
                for (var child : top.children()) {
                    sources.input(s, child.code(), String.valueOf(posts.get(i)));
                }
            }
        }
        var run = Appraiser.run(scheme, MONTH, subjects, sources);
        int quota = posts.size() / 10;
        long top = run.outcomes().stream().filter(o -> o.grade().equals("A")).count();
        long bottom = run.outcomes().stream().filter(o -> o.grade().equals("C")).count();
        if (run.ties().isEmpty()) {
            assertThat(top).isEqualTo(quota);
            assertThat(bottom).isEqualTo(quota);
        } else {
            assertThat(run.outcomes().stream().filter(o -> o.flags().contains("TIE_AT_CUT")))
                    .isNotEmpty();
            assertThat(bottom).isLessThanOrEqualTo(quota);
        }
        // nobody graded worse than someone with a lower score
        for (var a : run.outcomes()) {
            for (var b : run.outcomes()) {
                if (a.score().compareTo(b.score()) > 0) {
                    assertThat(a.grade().compareTo(b.grade())).isLessThanOrEqualTo(0);
                }
            }
        }
        var reversed = new ArrayList<>(subjects);
        Collections.reverse(reversed);
        assertThat(Appraiser.run(scheme, MONTH, reversed, sources).outcomes()).isEqualTo(run.outcomes());
    }
}
