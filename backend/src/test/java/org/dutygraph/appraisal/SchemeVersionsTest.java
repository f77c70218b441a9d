package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dutygraph.appraisal.AppraisalSchemes.Dated;
import org.dutygraph.appraisal.engine.Period;
import org.junit.jupiter.api.Test;

/** A scheme version applies to the periods it was in force for. */
class SchemeVersionsTest {

    @Test
    void eachPeriodUsesTheVersionInForceAtItsFirstMonth() {
        var v1 = WorkedExamplesTest.template("unit-monthly");
        var v2 = WorkedExamplesTest.template("city-100-points");
        var v3 = WorkedExamplesTest.template("unit-annual");
        // v3 was saved last but backdated to April: April on uses it; v2 (from July) is later still
        var versions = List.of(new Dated(v1, "2026-01"), new Dated(v3, "2026-04"), new Dated(v2, "2026-07"));
        assertThat(AppraisalSchemes.inForce(versions, Period.parse("2025-12"))).isNull();
        assertThat(AppraisalSchemes.inForce(versions, Period.parse("2026-03"))).isSameAs(v1);
        assertThat(AppraisalSchemes.inForce(versions, Period.parse("2026-Q2"))).isSameAs(v3);
        assertThat(AppraisalSchemes.inForce(versions, Period.parse("2026-09"))).isSameAs(v2);
        assertThat(AppraisalSchemes.inForce(versions, Period.parse("2026"))).isSameAs(v1);
    }

    @Test
    void aVersionSavedBeforeKeysWereCheckedIsReadBackAsSaved_butCouldNotBeSavedToday() {
        var json = """
                {"name": "x", "subject": "UNIT", "period": "MONTH", "indicators": [{"code": "a", "weight": "100", "input": {}}],
                 "grades": [{"grade": "A", "min": "50"}, {"grade": "B"}], "overides": [{"event": "VIOLATON", "effect": "LOWEST"}],
                 "bundledPenaltyEvent": "VOILATION"}""";
        var definition =
                tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Object.class);
        assertThat(org.dutygraph.appraisal.engine.SchemeParser.parseSaved("old", 1, definition)
                        .bundledPenaltyEvent())
                .isEqualTo("VOILATION");
        assertThatThrownBy(() -> org.dutygraph.appraisal.engine.SchemeParser.parse("old", 1, definition))
                .isInstanceOfSatisfying(
                        org.dutygraph.appraisal.engine.SchemeParser.Invalid.class,
                        e -> assertThat(e.problems().stream()
                                        .map(org.dutygraph.appraisal.engine.SchemeParser.Problem::path))
                                .containsExactlyInAnyOrder("$.overides", "$.bundledPenaltyEvent"));
    }
}
