package org.dutygraph.appraisal.rounds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * What a rater meets on the phone: their ballots in the rounds open now, and submitting one, once. A ballot covers every
 * subject the rater rates in the round (one submission per round and rater). What is stored keeps no link to the rater:
 * their marker is a keyed hash, the ballot's choices go into per-subject, per-group boxes kept sorted, nothing carries a
 * time (see {@link RatingRoundStore}). Nothing on this path is logged.
 */
@Service
public class RatingBallots {

    public record Answer(String questionId, int choice) {
    }

    public record Rating(String subjectId, List<Answer> answers) {
    }

    public record Subject(String id, String kind, String name, String group) {
    }

    /** A rater's ballot in one open round; {@code key} pages them by closing time. */
    public record Ballot(Round round, boolean voted, List<Subject> subjects, String key) {
    }

    private final RatingRoundStore store;
    private final RaterStore raters;
    private final VoterTags tags;
    private final RoundTime time;
    private final GraphTransactions graph;

    RatingBallots(RatingRoundStore store, RaterStore raters, VoterTags tags, RoundTime time, GraphTransactions graph) {
        this.store = store;
        this.raters = raters;
        this.tags = tags;
        this.time = time;
        this.graph = graph;
    }

    /** The person's ballots in rounds open now, by closing time; none for an account without a person. */
    public List<Ballot> mine(String personId, String after, int limit) {
        return personId == null ? List.of() : graph.read(() -> ballots(personId, after, limit));
    }

    private List<Ballot> ballots(String personId, String after, int limit) {
        var rounds = store.openFor(personId, time.now(), after, limit);
        if (rounds.isEmpty()) {
            return List.of();
        }
        var eligibility = new HashMap<String, RatingRoundStore.Eligibility>();
        store.eligibilities(personId, rounds.stream().map(Round::id).toList()).forEach(e -> eligibility.put(e.roundId(), e));
        var markers = new HashMap<String, String>();
        rounds.forEach(r -> markers.put(r.id(), tags.of(r.id(), personId)));
        var voted = new HashSet<>(store.markers(List.copyOf(markers.values())));
        var names = raters.names(eligibility.values().stream().flatMap(e -> e.subjectIds().stream()).distinct().toList());
        var ballots = new ArrayList<Ballot>();
        for (var round : rounds) {
            var e = eligibility.get(round.id());
            var labels = new HashMap<String, String>();
            round.groups().forEach(g -> labels.put(g.name(), g.label() == null ? g.name() : g.label()));
            var subjects = new ArrayList<Subject>();
            for (int i = 0; i < e.subjectIds().size(); i++) {
                var id = e.subjectIds().get(i);
                subjects.add(new Subject(id, round.subjectKind(), names.getOrDefault(id, id), labels.get(e.groups().get(i))));
            }
            ballots.add(new Ballot(round, voted.contains(markers.get(round.id())), subjects, RatingRoundStore.openKey(round)));
        }
        return ballots;
    }

    /**
     * Takes the person's ballot, once. Refused, with nothing stored: NOT_ELIGIBLE (no ballot for them in this round, or no
     * such round: the two read the same), ROUND_NOT_OPEN, ROUND_CLOSED, ALREADY_VOTED (before anything else of the ballot
     * is looked at), or a problem with the ratings, naming it.
     */
    public List<UserError> submit(String personId, String roundId, List<Rating> ratings) {
        var notEligible = List.of(UserError.of("NOT_ELIGIBLE", Text.of(RoundTexts.NOT_ELIGIBLE), "input", "roundId"));
        if (personId == null) {
            return notEligible;
        }
        return graph.write(() -> {
            var eligibility = store.eligibility(roundId, personId);
            if (eligibility.isEmpty()) {
                return notEligible;
            }
            // taken before the state is read: a close waits for this ballot, or this ballot sees the round closed
            store.lock(roundId);
            var round = store.find(roundId).orElseThrow();
            var refused = refused(round, tags.of(roundId, personId));
            if (refused != null) {
                return List.of(refused);
            }
            var choices = new HashMap<String, String>();
            var errors = check(round, eligibility.get(), ratings, choices);
            if (!errors.isEmpty()) {
                return errors;
            }
            store.cast(roundId, tags.of(roundId, personId), choices);
            return List.<UserError>of();
        });
    }

    /** Why the round takes no ballot with this marker now (closed, not open yet, voted already); null when it does. */
    private UserError refused(Round round, String tag) {
        var now = time.now();
        if (round.closed() || !now.isBefore(round.closesAt())) {
            return UserError.of("ROUND_CLOSED", Text.of(RoundTexts.ROUND_CLOSED), "input", "roundId");
        }
        if (now.isBefore(round.opensAt())) {
            return UserError.of("ROUND_NOT_OPEN", Text.of(RoundTexts.ROUND_NOT_OPEN, round.opensAt()), "input", "roundId");
        }
        if (store.hasMarker(tag)) {
            return UserError.of("ALREADY_VOTED", Text.of(RoundTexts.ALREADY_VOTED), "input", "roundId");
        }
        return null;
    }

    /** Checks the ratings against the ballot; fills box key -> the choices, in question order. */
    private static List<UserError> check(Round round, RatingRoundStore.Eligibility ballot, List<Rating> ratings,
                                         Map<String, String> choices) {
        var errors = new ArrayList<UserError>();
        var groupOf = new HashMap<String, String>();
        for (int i = 0; i < ballot.subjectIds().size(); i++) {
            groupOf.put(ballot.subjectIds().get(i), ballot.groups().get(i));
        }
        var questions = round.questionList();
        var questionIndex = new HashMap<String, Integer>();
        for (int q = 0; q < questions.size(); q++) {
            questionIndex.put(questions.get(q).id(), q);
        }
        var rated = new HashSet<String>();
        for (int i = 0; i < ratings.size(); i++) {
            var at = String.valueOf(i);
            var rating = ratings.get(i);
            if (!groupOf.containsKey(rating.subjectId())) {
                errors.add(UserError.of("NOT_ON_BALLOT", Text.of(RoundTexts.NOT_ON_BALLOT, rating.subjectId()), "input", "ratings", at,
                        "subjectId"));
                continue;
            }
            if (!rated.add(rating.subjectId())) {
                errors.add(UserError.of("DUPLICATE_RATING", Text.of(RoundTexts.RATED_TWICE, rating.subjectId()), "input",
                        "ratings", at, "subjectId"));
                continue;
            }
            var picked = new Integer[questions.size()];
            for (int j = 0; j < rating.answers().size(); j++) {
                var answer = rating.answers().get(j);
                var q = questionIndex.get(answer.questionId());
                if (q == null) {
                    errors.add(UserError.of("UNKNOWN_QUESTION", Text.of(RoundTexts.NO_QUESTION, answer.questionId()), "input", "ratings",
                            at, "answers", String.valueOf(j), "questionId"));
                } else if (picked[q] != null) {
                    errors.add(UserError.of("DUPLICATE_ANSWER", Text.of(RoundTexts.ANSWERED_TWICE, answer.questionId()), "input",
                            "ratings", at, "answers", String.valueOf(j), "questionId"));
                } else if (answer.choice() < 0 || answer.choice() >= round.scale().size()) {
                    errors.add(UserError.of("OUT_OF_RANGE", Text.of(RoundTexts.CHOICE_RANGE, round.scale().size() - 1),
                            "input", "ratings", at, "answers", String.valueOf(j), "choice"));
                    picked[q] = -1;
                } else {
                    picked[q] = answer.choice();
                }
            }
            var missing = new ArrayList<String>();
            for (int q = 0; q < picked.length; q++) {
                if (picked[q] == null) {
                    missing.add(questions.get(q).id());
                }
            }
            if (!missing.isEmpty()) {
                errors.add(UserError.of("MISSING_ANSWER", Text.of(RoundTexts.MISSING_ANSWERS, String.join(", ", missing)), "input",
                        "ratings", at, "answers"));
                continue;
            }
            var text = new StringBuilder();
            for (var p : picked) {
                text.append(text.isEmpty() ? "" : ",").append(p);
            }
            choices.put(RatingRoundStore.boxKey(round.id(), rating.subjectId(), groupOf.get(rating.subjectId())), text.toString());
        }
        var unrated = ballot.subjectIds().stream().filter(s -> !rated.contains(s)).toList();
        if (!unrated.isEmpty()) {
            errors.add(UserError.of("MISSING_RATING", Text.of(RoundTexts.MISSING_RATINGS, String.join(", ", unrated)),
                    "input", "ratings"));
        }
        return errors;
    }
}
