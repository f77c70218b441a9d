package org.dutygraph.complaints;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dutygraph.complaints.PendingSubmission.AlreadySubmitted;
import org.dutygraph.complaints.PendingSubmission.Created;
import org.dutygraph.complaints.PendingSubmission.Outcome;
import org.dutygraph.complaints.PendingSubmission.Rejected;
import org.dutygraph.complaints.routing.ComplaintRouter;
import org.dutygraph.platform.graphql.UserError;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * Stores submissions in one transaction: for each, its references are checked, it is routed and created
 * with the others, or refused on its own (unknown references, a photo another complaint holds, a retry of a
 * stored submission). Checks and writes share the transaction, so nothing checked can change before it is
 * written.
 */
@Component
class SubmissionBatch {

    private final ComplaintStore store;
    private final SubmissionChecks checks;
    private final ComplaintRouter router;
    private final ComplaintNotices notices;
    private final ComplaintOffice office;
    private final ComplaintNumbers numbers;
    private final Clock clock;

    SubmissionBatch(ComplaintStore store, ComplaintRouter router, ComplaintNotices notices, ComplaintOffice office,
                    ComplaintNumbers numbers, Clock clock) {
        this.store = store;
        this.numbers = numbers;
        this.checks = new SubmissionChecks(store);
        this.router = router;
        this.notices = notices;
        this.office = office;
        this.clock = clock;
    }

    /** A submission that passed its checks, routed, about to be created. */
    private record Accepted(int index, Map<String, Object> complaint, List<String> photos, boolean numberTaken) {

        String number() {
            return (String) complaint.get("number");
        }
    }

    /** The outcome of each submission, in order. Runs again from the start when the driver retries the transaction. */
    List<Outcome> write(TransactionContext tx, List<PendingSubmission> batch) {
        var references = checks.references(tx, batch.stream().map(PendingSubmission::submission).toList(),
                batch.stream().map(PendingSubmission::submissionKey).toList(),
                batch.stream().map(p -> (String) p.complaint().get("number")).toList());
        var outcomes = new ArrayList<Outcome>(batch.size());
        var accepted = new ArrayList<Accepted>();
        var keys = new HashSet<String>();
        var photos = new HashSet<String>();
        for (int i = 0; i < batch.size(); i++) {
            var pending = batch.get(i);
            var s = pending.submission();
            var refs = references.get(i);
            var errors = new ArrayList<>(refs.errors());
            errors.addAll(photosTakenInBatch(s, photos));
            if (refs.submitted() || !keys.add(pending.submissionKey())) {
                outcomes.add(new AlreadySubmitted());
            } else if (!errors.isEmpty()) {
                outcomes.add(new Rejected(errors));
            } else {
                photos.addAll(CitizenComplaints.photos(s));
                var routing = refs.named() != null ? refs.named() : router.route(tx, s.target(), s.areaId());
                var c = new HashMap<>(pending.complaint());
                c.put("routedUnitId", routing.unitId());
                c.put("routing", routing.reason());
                c.put("findingId", routing.findingId());
                c.put("suggestedUnitIds", routing.suggestedUnitIds());
                c.put("suggestionReasons", routing.suggestionReasons());
                accepted.add(new Accepted(i, c, CitizenComplaints.photos(s), refs.numberTaken()));
                outcomes.add(null); // set once created
            }
        }
        if (!accepted.isEmpty()) {
            create(tx, accepted, outcomes);
        }
        return outcomes;
    }

    private void create(TransactionContext tx, List<Accepted> accepted, List<Outcome> outcomes) {
        giveFreeNumbers(tx, accepted);
        var rows = accepted.stream().map(a -> Map.<String, Object>of("i", a.index(), "c", a.complaint(), "photos", a.photos(),
                "stepId", UUID.randomUUID().toString())).toList();
        var unitNames = store.create(tx, rows, clock.instant());
        for (var a : accepted) {
            outcomes.set(a.index(), new Created(a.number(), unitNames.get(a.index()),
                    (String) a.complaint().get("routedUnitId")));
        }
        notifyTriage(tx, accepted.stream().filter(a -> a.complaint().get("routedUnitId") == null).toList());
    }

    /**
     * Draws new case numbers for the complaints whose number is taken, in the graph or earlier in the batch, until
     * every number is free (almost always at once: a clash needs two of a day's complaints to draw the same).
     */
    private void giveFreeNumbers(TransactionContext tx, List<Accepted> accepted) {
        var inBatch = new HashSet<String>();
        var redraw = new ArrayList<Accepted>();
        for (var a : accepted) {
            if (!inBatch.add(a.number()) || a.numberTaken()) {
                redraw.add(a);
            }
        }
        while (!redraw.isEmpty()) {
            var drawn = new HashMap<String, Accepted>();
            for (var a : redraw) {
                String number;
                do {
                    number = numbers.draw(Instant.ofEpochMilli((Long) a.complaint().get("receivedAt")));
                } while (!inBatch.add(number));
                a.complaint().put("number", number);
                drawn.put(number, a);
            }
            redraw = new ArrayList<>(store.takenNumbers(tx, drawn.keySet()).stream().map(drawn::get).toList());
        }
    }

    /** Only complaints the graph could not route need the efficiency office at once; the rest wait in its queue. */
    private void notifyTriage(TransactionContext tx, List<Accepted> unrouted) {
        if (unrouted.isEmpty()) {
            return;
        }
        notices.awaitingTriage(tx, office.usernames(),
                unrouted.stream().map(a -> Map.entry((String) a.complaint().get("id"), a.number())).toList());
    }

    /** A photo may go with one complaint only, also when two in the same batch name it. */
    private static List<UserError> photosTakenInBatch(CitizenComplaints.Submission s, Set<String> taken) {
        var errors = new ArrayList<UserError>();
        var ids = CitizenComplaints.photos(s);
        for (int i = 0; i < ids.size(); i++) {
            if (taken.contains(ids.get(i))) {
                errors.add(SubmissionChecks.photoNotFree(i));
            }
        }
        return errors;
    }
}
