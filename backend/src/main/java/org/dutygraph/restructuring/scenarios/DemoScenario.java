package org.dutygraph.restructuring.scenarios;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo city's prepared scenario (with {@code dutygraph.demo.load=true}, once the demo city is loaded): 朝阳街道
 * merges its city-management and economic-development offices into one department (their overlap on 占道经营 is
 * resolved) and moves the rental-housing duty of the community station to a new post nobody holds yet (a gap is
 * created). Owned by the demo analyst, shared with the admin; created once.
 */
@Component
@ConditionalOnBooleanProperty("dutygraph.demo.load")
public class DemoScenario {

    public static final String NAME = "朝阳街道大部制改革（演示）";
    private static final String OWNER = "analyst";

    private final Scenarios scenarios;

    public DemoScenario(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterDemoCityLoaded() {
        ensure();
    }

    /** Creates the scenario unless the demo analyst has one of that name; returns its id. */
    public String ensure() {
        var existing = scenarios.list(OWNER, null, 500).stream()
                .filter(s -> s.name().equals(NAME))
                .findFirst();
        if (existing.isPresent()) return existing.get().id();
        var id = scenarios.create(NAME, null, OWNER).scenario().id();
        for (var step : steps()) {
            var outcome = scenarios.addStep(id, step, OWNER);
            if (!outcome.errors().isEmpty())
                throw new IllegalStateException("Demo scenario step refused: " + outcome.errors());
        }
        scenarios.share(id, List.of("admin"), OWNER);
        return id;
    }

    private static List<ScenarioStep> steps() {
        return List.of(
                new ScenarioStep(
                        ScenarioStep.Kind.MERGE_UNITS,
                        null,
                        null,
                        null,
                        null,
                        List.of("cyjd-cs", "cyjd-jj"),
                        null,
                        "cyjd-csjj",
                        "城市管理和经济发展办公室",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                new ScenarioStep(
                        ScenarioStep.Kind.CREATE_POST,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "cyjd-csjj",
                        null,
                        null,
                        null,
                        null,
                        "cyjd-csjj-2",
                        "流动人口服务管理岗",
                        "staff",
                        "cyjd-cs-head",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                new ScenarioStep(
                        ScenarioStep.Kind.MOVE_DUTIES,
                        List.of("d-cyjd-cy-zz-1-01"),
                        null,
                        null,
                        "cyjd-csjj-2",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                new ScenarioStep(
                        ScenarioStep.Kind.SET_QUOTA,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "cyjd",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        28,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
    }
}
