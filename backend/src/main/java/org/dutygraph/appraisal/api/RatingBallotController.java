package org.dutygraph.appraisal.api;

import java.time.OffsetDateTime;
import java.util.List;
import org.dutygraph.appraisal.rounds.RatingBallots;
import org.dutygraph.appraisal.rounds.Round;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** A rater's phone: their ballots in open rounds, and submitting one. See rating-rounds.graphqls. */
@Controller
class RatingBallotController {

    private final RatingBallots ballots;
    private final AccountService accounts;

    RatingBallotController(RatingBallots ballots, AccountService accounts) {
        this.ballots = ballots;
        this.accounts = accounts;
    }

    record BallotView(
            String roundId,
            String title,
            String period,
            OffsetDateTime closesAt,
            boolean voted,
            List<RatingBallots.Subject> subjects,
            List<Round.Question> questions,
            List<RatingRoundController.OptionView> scale,
            String key) {}

    record SubmitInput(String roundId, List<RatingBallots.Rating> ratings) {}

    record SubmitPayload(boolean submitted, List<UserError> errors) {}

    @QueryMapping
    Connection<BallotView> myRatingBallots(@Argument Integer first, @Argument String after) {
        var person = person();
        return Connection.page(
                first,
                after,
                (cursor, limit) -> ballots.mine(person, cursor, limit).stream()
                        .map(b -> new BallotView(
                                b.round().id(),
                                b.round().title(),
                                b.round().period(),
                                RatingRoundController.utc(b.round().closesAt()),
                                b.voted(),
                                b.subjects(),
                                b.round().questionList(),
                                RatingRoundController.OptionView.of(b.round().scale()),
                                b.key()))
                        .toList(),
                BallotView::key);
    }

    @MutationMapping
    SubmitPayload submitRatingBallot(@Argument SubmitInput input) {
        var errors = ballots.submit(person(), input.roundId(), input.ratings());
        return new SubmitPayload(errors.isEmpty(), errors);
    }

    private String person() {
        return accounts.find(
                        SecurityContextHolder.getContext().getAuthentication().getName())
                .map(Account::personId)
                .orElse(null);
    }
}
