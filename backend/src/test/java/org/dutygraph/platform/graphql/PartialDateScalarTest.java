package org.dutygraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateScalarTest {

    @ParameterizedTest
    @ValueSource(strings = {"1949", "2001-07", "2020-01-15", "2024-02-29"})
    void aYearAMonthOrARealDayIsAPartialDate(String value) {
        assertThat(PartialDateScalar.isPartialDate(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "49", "2018-13", "2023-02-29", "2018-3", "2018-03-1", "2018/03", "2018-03-01T00:00"})
    void anythingElseIsNot(String value) {
        assertThat(PartialDateScalar.isPartialDate(value)).isFalse();
    }
}
