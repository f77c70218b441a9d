package org.dutygraph.appraisal.rounds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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

    public record Answer(String questionId, int choice) {}

    public record Rating(String subjectId, List<Answer> answers) {}

    public record Subject(String id, String kind, String name, String group) {}

    /** A rater's ballot in one open round; {@code key} pages them by closing time. */
    public record Ballot(Round round, boolean voted, List<Subject> subjects, String key) {}

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
        store.eligibilities(personId, rounds.stream().map(Round::id).toList())
                .forEach(e -> eligibility.put(e.roundId(), e));
        var markers = new HashMap<String, String>();
        rounds.forEach(r -> markers.put(r.id(), tags.of(r.id(), personId)));
        var voted = new HashSet<>(store.markers(List.copyOf(markers.values())));
        var names = raters.names(eligibility.values().stream()
                .flatMap(e -> e.subjectIds().stream())
                .distinct()
                .toList());
        var ballots = new ArrayList<Ballot>();
        for (var round : rounds) {
            var e = eligibility.get(round.id());
            var labels = new HashMap<String, String>();
            round.groups().forEach(g -> labels.put(g.name(), g.label() == null ? g.name() : g.label()));
            var subjects = new ArrayList<Subject>();
            for (int i = 0; i < e.subjectIds().size(); i++) {
                var id = e.subjectIds().get(i);
                subjects.add(new Subject(
                        id,
                        round.subjectKind(),
                        names.getOrDefault(id, id),
                        labels.get(e.groups().get(i))));
            }
            ballots.add(new Ballot(
                    round, voted.contains(markers.get(round.id())), subjects, RatingRoundStore.openKey(round)));
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
            var check = new BallotCheck(round, eligibility.get());
            var errors = check.check(ratings, eligibility.get().subjectIds());
            if (!errors.isEmpty()) {
                return errors;
            }
            store.cast(roundId, tags.of(roundId, personId), check.choices());
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
            return UserError.of(
                    "ROUND_NOT_OPEN", Text.of(RoundTexts.ROUND_NOT_OPEN, round.opensAt()), "input", "roundId");
        }
        if (store.hasMarker(tag)) {
            return UserError.of("ALREADY_VOTED", Text.of(RoundTexts.ALREADY_VOTED), "input", "roundId");
        }
        return null;
    }
}
