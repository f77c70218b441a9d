package org.dutygraph.platform.effects;

import java.time.Duration;
import org.dutygraph.platform.jobs.PeriodicJob;
import org.springframework.stereotype.Component;

/** Delivers effects still pending: a first delivery failed, or the process stopped between commit and delivery. */
@Component
class EffectDelivery extends PeriodicJob {

    private final Effects effects;
    private final EffectSettings settings;

    EffectDelivery(Effects effects, EffectSettings settings) {
        super("effect-delivery", "Effect delivery");
        this.effects = effects;
        this.settings = settings;
    }

    @Override
    protected Duration interval() {
        return settings.deliveryInterval();
    }

    @Override
    protected void runOnce() {
        effects.deliverDue();
    }
}
