package org.dutygraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodScalarsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-01", "2026-12", "1900-01", "9999-12"})
    void anIsoMonthInTheYearsKeptIsAYearMonth(String value) {
        assertThat(PeriodScalars.isYearMonth(value)).isTrue();
        assertThat(PeriodScalars.isAppraisalPeriod(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2026",
                "2026-3",
                "2026-13",
                "2026-00",
                "+2026-03",
                "-2026-03",
                "12026-03",
                "1899-12",
                "0000-01",
                " 2026-03",
                "2026-03\n",
                "2026/03",
                "2026-Q1",
                "２０２６-03"
            })
    void anythingElseIsNotAYearMonth(String value) {
        assertThat(PeriodScalars.isYearMonth(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026", "2026-Q1", "2026-Q4", "2026-03"})
    void aYearAQuarterOrAMonthIsAnAppraisalPeriod(String value) {
        assertThat(PeriodScalars.isAppraisalPeriod(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "26",
                "20260",
                "+2026",
                "2026-Q0",
                "2026-Q5",
                "2026-q1",
                "2026-13",
                "2026-1",
                "2026-03-01",
                "1899"
            })
    void anythingElseIsNotAnAppraisalPeriod(String value) {
        assertThat(PeriodScalars.isAppraisalPeriod(value)).isFalse();
    }
}
