package org.dutygraph.complaints;

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
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
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
    private final AccountService accounts;
    private final ComplaintNumbers numbers;

    SubmissionBatch(ComplaintStore store, ComplaintRouter router, ComplaintNotices notices, AccountService accounts,
                    ComplaintNumbers numbers) {
        this.store = store;
        this.numbers = numbers;
        this.checks = new SubmissionChecks(store);
        this.router = router;
        this.notices = notices;
        this.accounts = accounts;
    }

    /** The outcome of each submission, in order. Runs again from the start when the driver retries the transaction. */
    List<Outcome> write(TransactionContext tx, List<PendingSubmission> batch) {
        var submissions = batch.stream().map(PendingSubmission::submission).toList();
        var references = checks.references(tx, submissions, batch.stream().map(PendingSubmission::submissionKey).toList(),
                batch.stream().map(p -> (String) p.complaint().get("number")).toList());
        var outcomes = new ArrayList<Outcome>(batch.size());
        var rows = new ArrayList<Map<String, Object>>();
        var numbersToRedraw = new ArrayList<Map<String, Object>>();
        var keys = new HashSet<String>();
        var photos = new HashSet<String>();
        for (int i = 0; i < batch.size(); i++) {
            var pending = batch.get(i);
            var refs = references.get(i);
            if (refs.submitted() || !keys.add(pending.submissionKey())) {
                outcomes.add(new AlreadySubmitted());
                continue;
            }
            var errors = new ArrayList<>(refs.errors());
            errors.addAll(photosTakenInBatch(pending.submission(), photos));
            if (!errors.isEmpty()) {
                outcomes.add(new Rejected(errors));
                continue;
            }
            photos.addAll(CitizenComplaints.photos(pending.submission()));
            var s = pending.submission();
            var routing = refs.named() != null ? refs.named() : router.route(tx, s.target(), s.areaId());
            var c = new HashMap<>(pending.complaint());
            if (refs.numberTaken()) {
                numbersToRedraw.add(c);
            }
            c.put("routedUnitId", routing.unitId());
            c.put("routing", routing.reason());
            c.put("findingId", routing.findingId());
            c.put("suggestedUnitIds", routing.suggestedUnitIds());
            var row = new HashMap<String, Object>();
            row.put("i", i);
            row.put("c", c);
            row.put("photos", CitizenComplaints.photos(s));
            row.put("stepId", UUID.randomUUID().toString());
            rows.add(row);
            outcomes.add(null);
        }
        if (rows.isEmpty()) {
            return outcomes;
        }
        var complaints = rows.stream().map(SubmissionBatch::complaint).toList();
        giveFreeNumbers(tx, complaints, numbersToRedraw);
        var names = store.create(tx, rows, Instant.now());
        var triage = new ArrayList<Map<String, Object>>();
        for (var row : rows) {
            int i = (Integer) row.get("i");
            var c = complaint(row);
            outcomes.set(i, new Created((String) c.get("number"), names.get(i)));
            if (c.get("routedUnitId") == null) {
                triage.add(c);
            }
        }
        notifyTriage(tx, triage);
        return outcomes;
    }

    /**
     * Draws new case numbers for the complaints whose number is taken, in the graph or earlier in the batch, until
     * every number is free (almost always at once: a clash needs two of a day's complaints to draw the same).
     */
    private void giveFreeNumbers(TransactionContext tx, List<Map<String, Object>> complaints, List<Map<String, Object>> taken) {
        var inBatch = new HashSet<String>();
        var redraw = new ArrayList<Map<String, Object>>();
        for (var c : complaints) {
            if (!inBatch.add((String) c.get("number")) || taken.contains(c)) {
                redraw.add(c);
            }
        }
        while (!redraw.isEmpty()) {
            var drawn = new HashMap<String, Map<String, Object>>();
            for (var c : redraw) {
                String number;
                do {
                    number = numbers.draw(Instant.ofEpochMilli((Long) c.get("receivedAt")));
                } while (!inBatch.add(number));
                c.put("number", number);
                drawn.put(number, c);
            }
            var clash = store.takenNumbers(tx, drawn.keySet());
            redraw = new ArrayList<>(clash.stream().map(drawn::get).toList());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> complaint(Map<String, Object> row) {
        return (Map<String, Object>) row.get("c");
    }

    /** Only complaints the graph could not route need the efficiency office at once; the rest wait in its queue. */
    private void notifyTriage(TransactionContext tx, List<Map<String, Object>> complaints) {
        if (complaints.isEmpty()) {
            return;
        }
        notices.awaitingTriage(tx, accounts.usernames(List.of(), List.of(Role.INSPECTOR)),
                complaints.stream().map(c -> Map.entry((String) c.get("id"), (String) c.get("number"))).toList());
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
