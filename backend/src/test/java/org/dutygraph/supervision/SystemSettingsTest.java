package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The systems of {@code dutygraph.supervision.systems} as the service binds them at start. An event's key is the
 * system id, '/' and the event id, so an id holding '/' could make two systems' keys equal and one system's event be
 * refused as another's id used again; an id given twice, or a hash that is not 64 hex digits (a system that could
 * never sign in), stops the start naming the setting. Before, all of these started.
 */
class SystemSettingsTest {

    private static final String HASH = "a".repeat(64);

    private final ApplicationContextRunner start =
            new ApplicationContextRunner().withUserConfiguration(SupervisionConfiguration.class);

    @Test
    void systemsWithPlainIdsAndHashesStart_aHashMaySurroundItselfWithSpace() {
        start.withPropertyValues(
                        "dutygraph.supervision.systems[0].id=zwfw",
                        "dutygraph.supervision.systems[0].secret-sha256=" + HASH,
                        "dutygraph.supervision.systems[1].id=queue.hall-2_b",
                        "dutygraph.supervision.systems[1].secret-sha256= " + HASH.toUpperCase() + " ")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void anIdThatCouldMakeTwoSystemsKeysEqualStopsTheStart() {
        for (var id : new String[] {"a/b", "a:b", "", "-a", "a b", "x".repeat(65)}) {
            start.withPropertyValues(
                            "dutygraph.supervision.systems[0].id=ok",
                            "dutygraph.supervision.systems[0].secret-sha256=" + HASH,
                            "dutygraph.supervision.systems[1].id=" + id,
                            "dutygraph.supervision.systems[1].secret-sha256=" + HASH)
                    .run(context -> assertThat(context.getStartupFailure())
                            .as(id)
                            .rootCause()
                            .hasMessageContaining("dutygraph.supervision.systems[1].id"));
        }
    }

    @Test
    void anIdGivenTwiceOrAHashThatIsNotOneStopsTheStart() {
        start.withPropertyValues(
                        "dutygraph.supervision.systems[0].id=zwfw",
                        "dutygraph.supervision.systems[0].secret-sha256=" + HASH,
                        "dutygraph.supervision.systems[1].id=zwfw",
                        "dutygraph.supervision.systems[1].secret-sha256=" + HASH)
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("dutygraph.supervision.systems[1].id: system zwfw twice"));
        for (var hash : new String[] {"abc", "g".repeat(64), HASH + "  -"}) {
            start.withPropertyValues(
                            "dutygraph.supervision.systems[0].id=zwfw",
                            "dutygraph.supervision.systems[0].secret-sha256=" + hash)
                    .run(context -> assertThat(context.getStartupFailure())
                            .as(hash)
                            .rootCause()
                            .hasMessageContaining("dutygraph.supervision.systems[0].secret-sha256"));
        }
        start.withPropertyValues("dutygraph.supervision.systems[0].id=zwfw")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("dutygraph.supervision.systems[0].secret-sha256"));
    }
}
