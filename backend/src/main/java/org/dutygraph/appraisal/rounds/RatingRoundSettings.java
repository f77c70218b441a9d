package org.dutygraph.appraisal.rounds;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dutygraph.appraisal.rounds.*}.
 *
 * @param minGroupSize  a group with fewer ballots for a subject reports NOT_ENOUGH_RATERS instead of a score (so that a
 *                      score cannot single out a rater); fixed on a round when it opens
 * @param closeInterval how often rounds past their closing time are looked for and closed
 */
@ConfigurationProperties("dutygraph.appraisal.rounds")
public record RatingRoundSettings(
        @DefaultValue("5") int minGroupSize,
        @DefaultValue("1m") Duration closeInterval) {

    public RatingRoundSettings {
        if (minGroupSize < 1) {
            throw new IllegalArgumentException("dutygraph.appraisal.rounds.min-group-size must be at least 1");
        }
    }
}
