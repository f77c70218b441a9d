package org.dutygraph.appraisal.rounds;

import java.time.Duration;
import org.dutygraph.platform.jobs.PeriodicJob;
import org.springframework.stereotype.Component;

/**
 * Closes rounds whose closing time has passed, as {@code system}, every {@code dutygraph.appraisal.rounds.close-interval}.
 * Several instances may run it: a round is closed in a transaction that locks it and finds it open, so only once. A close
 * refused (the scheme changed since the round opened) is noted in the round's audit once, and tried again next time.
 */
@Component
public class RatingRoundCloser extends PeriodicJob {

    public static final String SYSTEM = "system";

    private final RatingRounds rounds;
    private final RatingRoundSettings settings;

    RatingRoundCloser(RatingRounds rounds, RatingRoundSettings settings) {
        super("rating-round-closer", "Closing rating rounds");
        this.rounds = rounds;
        this.settings = settings;
    }

    @Override
    protected Duration interval() {
        return settings.closeInterval();
    }

    @Override
    public void runOnce() {
        closeDue();
    }

    /** Closes every round past its closing time; returns how many it closed. */
    public int closeDue() {
        int closed = 0;
        for (var id : rounds.due()) {
            var outcome = rounds.close(id, SYSTEM, true);
            if (outcome.errors().isEmpty()
                    && outcome.round() != null
                    && outcome.round().closed()) {
                closed++;
            }
        }
        return closed;
    }
}
