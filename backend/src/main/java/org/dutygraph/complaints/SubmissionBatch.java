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

    SubmissionBatch(ComplaintStore store, ComplaintRouter router, ComplaintNotices notices, AccountService accounts) {
        this.store = store;
        this.checks = new SubmissionChecks(store);
        this.router = router;
        this.notices = notices;
        this.accounts = accounts;
    }

    /** The outcome of each submission, in order. Runs again from the start when the driver retries the transaction. */
    List<Outcome> write(TransactionContext tx, List<PendingSubmission> batch) {
        var submissions = batch.stream().map(PendingSubmission::submission).toList();
        var references = checks.references(tx, submissions, batch.stream().map(PendingSubmission::submissionKey).toList());
        var outcomes = new ArrayList<Outcome>(batch.size());
        var rows = new ArrayList<Map<String, Object>>();
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
        var names = store.create(tx, rows, Instant.now());
        var triage = new ArrayList<Map<String, Object>>();
        for (var row : rows) {
            int i = (Integer) row.get("i");
            outcomes.set(i, new Created(names.get(i)));
            @SuppressWarnings("unchecked") var c = (Map<String, Object>) row.get("c");
            if (c.get("routedUnitId") == null) {
                triage.add(c);
            }
        }
        notifyTriage(tx, triage);
        return outcomes;
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
