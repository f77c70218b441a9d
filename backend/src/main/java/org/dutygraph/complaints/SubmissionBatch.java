package org.dutygraph.complaints;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dutygraph.complaints.PendingSubmission.AlreadySubmitted;
import org.dutygraph.complaints.PendingSubmission.Created;
import org.dutygraph.complaints.PendingSubmission.Outcome;
import org.dutygraph.complaints.PendingSubmission.Rejected;
import org.dutygraph.complaints.routing.ComplaintRouter;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.platform.graphql.UserError;
import org.springframework.stereotype.Component;

/**
 * Stores submissions in one transaction: for each, its references are checked, it is routed and created
 * with the others, or refused on its own (unknown references, a photo another complaint holds, a retry of a
 * stored submission). Checks and writes share the transaction, so nothing checked can change before it is
 * written.
 */
@Component
class SubmissionBatch {

    private final ComplaintRouter router;
    private final ComplaintNotices notices;
    private final ComplaintOffice office;
    private final ComplaintNumbers numbers;
    private final Clock clock;

    SubmissionBatch(
            ComplaintRouter router,
            ComplaintNotices notices,
            ComplaintOffice office,
            ComplaintNumbers numbers,
            Clock clock) {
        this.router = router;
        this.notices = notices;
        this.office = office;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** A submission that passed its checks, routed, about to be created. */
    private record Accepted(int index, NewComplaint complaint, boolean numberTaken) {}

    /** The outcome of each submission, in order. Runs again from the start when the driver retries the transaction. */
    List<Outcome> write(SubmissionStore.Queries graph, List<PendingSubmission> batch) {
        var references = SubmissionChecks.references(
                graph,
                batch.stream().map(PendingSubmission::submission).toList(),
                batch.stream().map(PendingSubmission::submissionKey).toList(),
                batch.stream().map(p -> p.complaint().number()).toList());
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
                var routing =
                        refs.named() != null ? refs.named() : router.route(graph.routing(), s.target(), s.areaId());
                accepted.add(new Accepted(i, pending.complaint().routed(routing), refs.numberTaken()));
                outcomes.add(null); // set once created
            }
        }
        if (!accepted.isEmpty()) {
            create(graph, accepted, outcomes);
        }
        return outcomes;
    }

    private void create(SubmissionStore.Queries graph, List<Accepted> accepted, List<Outcome> outcomes) {
        var complaints = withFreeNumbers(graph, accepted);
        var unitNames = graph.create(complaints, clock.instant());
        for (int k = 0; k < accepted.size(); k++) {
            var c = complaints.get(k);
            outcomes.set(accepted.get(k).index(), new Created(c.number(), unitNames.get(k), c.routedUnitId()));
        }
        graph.enqueue(triageNotices(
                complaints.stream().filter(c -> c.routedUnitId() == null).toList()));
    }

    /**
     * The complaints with new case numbers where theirs is taken, in the graph or earlier in the batch, drawn until
     * every number is free (almost always at once: a clash needs two of a day's complaints to draw the same).
     */
    private List<NewComplaint> withFreeNumbers(SubmissionStore.Queries graph, List<Accepted> accepted) {
        var complaints =
                new ArrayList<>(accepted.stream().map(Accepted::complaint).toList());
        var inBatch = new HashSet<String>();
        var redraw = new ArrayList<Integer>();
        for (int k = 0; k < accepted.size(); k++) {
            if (!inBatch.add(complaints.get(k).number()) || accepted.get(k).numberTaken()) {
                redraw.add(k);
            }
        }
        while (!redraw.isEmpty()) {
            var drawn = new HashMap<String, Integer>();
            for (int k : redraw) {
                String number;
                do {
                    number = numbers.draw(complaints.get(k).receivedAt());
                } while (!inBatch.add(number));
                complaints.set(k, complaints.get(k).withNumber(number));
                drawn.put(number, k);
            }
            redraw = new ArrayList<>(
                    graph.takenNumbers(drawn.keySet()).stream().map(drawn::get).toList());
        }
        return complaints;
    }

    /** Only complaints the graph could not route need the efficiency office at once; the rest wait in its queue. */
    private List<NotificationRequest> triageNotices(List<NewComplaint> unrouted) {
        if (unrouted.isEmpty()) {
            return List.of();
        }
        return notices.awaitingTriage(
                office.usernames(),
                unrouted.stream().map(c -> Map.entry(c.id(), c.number())).toList());
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
