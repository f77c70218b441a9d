package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The halls of {@code dutygraph.supervision.halls} as the service binds them at start: a valid hall starts (a
 * missing clear margin gets a valid default, even for yellow 1), an invalid one stops the start naming the setting.
 */
class HallSettingsTest {

    private final ApplicationContextRunner start =
            new ApplicationContextRunner().withUserConfiguration(SupervisionConfiguration.class);

    @Test
    void aHallWithYellowOneAndNoClearMarginStarts_withMarginZero() {
        start.withPropertyValues(
                        "dutygraph.supervision.halls[0].unit-id=zrzy-dj",
                        "dutygraph.supervision.halls[0].yellow=1",
                        "dutygraph.supervision.halls[0].orange=2",
                        "dutygraph.supervision.halls[0].red=3")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var hall =
                            context.getBean(SupervisionSettings.class).halls().get(0);
                    assertThat(hall.clearMargin()).isZero();
                });
    }

    @Test
    void withoutClearMarginTheDefaultIsAFifthOfYellow_atLeastOne() {
        start.withPropertyValues(
                        "dutygraph.supervision.halls[0].unit-id=a",
                        "dutygraph.supervision.halls[0].yellow=2",
                        "dutygraph.supervision.halls[0].orange=3",
                        "dutygraph.supervision.halls[0].red=4",
                        "dutygraph.supervision.halls[1].unit-id=b",
                        "dutygraph.supervision.halls[1].yellow=20",
                        "dutygraph.supervision.halls[1].orange=40",
                        "dutygraph.supervision.halls[1].red=60")
                .run(context -> assertThat(context.getBean(SupervisionSettings.class).halls().stream()
                                .map(SupervisionSettings.Hall::clearMargin))
                        .containsExactly(1, 4));
    }

    @Test
    void anInvalidHallStopsTheStartNamingTheSetting() {
        start.withPropertyValues(
                        "dutygraph.supervision.halls[0].unit-id=a",
                        "dutygraph.supervision.halls[0].yellow=20",
                        "dutygraph.supervision.halls[0].orange=40",
                        "dutygraph.supervision.halls[0].red=60",
                        "dutygraph.supervision.halls[1].unit-id=b",
                        "dutygraph.supervision.halls[1].yellow=5",
                        "dutygraph.supervision.halls[1].orange=10",
                        "dutygraph.supervision.halls[1].red=20",
                        "dutygraph.supervision.halls[1].clear-margin=5")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("dutygraph.supervision.halls[1].clear-margin");
                });
        start.withPropertyValues(
                        "dutygraph.supervision.halls[0].unit-id=a",
                        "dutygraph.supervision.halls[0].yellow=20",
                        "dutygraph.supervision.halls[0].orange=10",
                        "dutygraph.supervision.halls[0].red=60")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("dutygraph.supervision.halls[0].orange"));
    }
}
