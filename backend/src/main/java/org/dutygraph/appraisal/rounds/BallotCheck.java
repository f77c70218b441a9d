package org.dutygraph.appraisal.rounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dutygraph.appraisal.rounds.RatingBallots.Rating;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;

/**
 * A ballot's ratings checked against what the rater may rate: every subject on the ballot once, every question
 * answered once within the scale. Every problem is reported with its path; the choices are kept only when there is
 * none, as box key -> the choices in question order.
 */
final class BallotCheck {

    private final Round round;
    private final Map<String, String> groupOf = new HashMap<>();
    private final Map<String, Integer> questionIndex = new HashMap<>();
    private final Set<String> rated = new HashSet<>();
    private final List<UserError> errors = new ArrayList<>();
    private final Map<String, String> choices = new HashMap<>();

    BallotCheck(Round round, RatingRoundStore.Eligibility ballot) {
        this.round = round;
        for (int i = 0; i < ballot.subjectIds().size(); i++) {
            groupOf.put(ballot.subjectIds().get(i), ballot.groups().get(i));
        }
        var questions = round.questionList();
        for (int q = 0; q < questions.size(); q++) {
            questionIndex.put(questions.get(q).id(), q);
        }
    }

    /** The problems of these ratings, none when the ballot can be cast with {@link #choices()}. */
    List<UserError> check(List<Rating> ratings, List<String> ballotSubjects) {
        for (int i = 0; i < ratings.size(); i++) {
            rating(String.valueOf(i), ratings.get(i));
        }
        var unrated = ballotSubjects.stream().filter(s -> !rated.contains(s)).toList();
        if (!unrated.isEmpty()) {
            errors.add(UserError.of(
                    "MISSING_RATING",
                    Text.of(RoundTexts.MISSING_RATINGS, String.join(", ", unrated)),
                    "input",
                    "ratings"));
        }
        return errors;
    }

    Map<String, String> choices() {
        return choices;
    }

    private void rating(String at, Rating rating) {
        if (!groupOf.containsKey(rating.subjectId())) {
            errors.add(UserError.of(
                    "NOT_ON_BALLOT",
                    Text.of(RoundTexts.NOT_ON_BALLOT, rating.subjectId()),
                    "input",
                    "ratings",
                    at,
                    "subjectId"));
            return;
        }
        if (!rated.add(rating.subjectId())) {
            errors.add(UserError.of(
                    "DUPLICATE_RATING",
                    Text.of(RoundTexts.RATED_TWICE, rating.subjectId()),
                    "input",
                    "ratings",
                    at,
                    "subjectId"));
            return;
        }
        var picked = picked(at, rating);
        var missing = new ArrayList<String>();
        for (int q = 0; q < picked.length; q++) {
            if (picked[q] == null) {
                missing.add(round.questionList().get(q).id());
            }
        }
        if (!missing.isEmpty()) {
            errors.add(UserError.of(
                    "MISSING_ANSWER",
                    Text.of(RoundTexts.MISSING_ANSWERS, String.join(", ", missing)),
                    "input",
                    "ratings",
                    at,
                    "answers"));
            return;
        }
        var text = new StringBuilder();
        for (var p : picked) {
            text.append(text.isEmpty() ? "" : ",").append(p);
        }
        choices.put(
                RatingRoundStore.boxKey(round.id(), rating.subjectId(), groupOf.get(rating.subjectId())),
                text.toString());
    }

    /** The choice per question, in question order; null where unanswered, -1 where out of the scale. */
    private Integer[] picked(String at, Rating rating) {
        var picked = new Integer[round.questionList().size()];
        for (int j = 0; j < rating.answers().size(); j++) {
            var answer = rating.answers().get(j);
            var q = questionIndex.get(answer.questionId());
            var path = new String[] {"input", "ratings", at, "answers", String.valueOf(j)};
            if (q == null) {
                errors.add(UserError.of(
                        "UNKNOWN_QUESTION",
                        Text.of(RoundTexts.NO_QUESTION, answer.questionId()),
                        with(path, "questionId")));
            } else if (picked[q] != null) {
                errors.add(UserError.of(
                        "DUPLICATE_ANSWER",
                        Text.of(RoundTexts.ANSWERED_TWICE, answer.questionId()),
                        with(path, "questionId")));
            } else if (answer.choice() < 0 || answer.choice() >= round.scale().size()) {
                errors.add(UserError.of(
                        "OUT_OF_RANGE",
                        Text.of(RoundTexts.CHOICE_RANGE, round.scale().size() - 1),
                        with(path, "choice")));
                picked[q] = -1;
            } else {
                picked[q] = answer.choice();
            }
        }
        return picked;
    }

    private static String[] with(String[] path, String last) {
        var full = Arrays.copyOf(path, path.length + 1);
        full[path.length] = last;
        return full;
    }
}
