package org.dutygraph.complaints;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.dutygraph.platform.graphql.UserError;

/**
 * A complaint checked and prepared on the request thread (receipt hashed, number drawn), waiting for the
 * writer to store it; {@code stored} completes once its transaction has committed, or with the reason why not.
 *
 * @param complaint the complaint to create, routing still to fill in
 */
record PendingSubmission(
        CitizenComplaints.Submission submission, NewComplaint complaint, CompletableFuture<Outcome> stored) {

    PendingSubmission(CitizenComplaints.Submission submission, NewComplaint complaint) {
        this(submission, complaint, new CompletableFuture<>());
    }

    String submissionKey() {
        return complaint.keys().submissionKey();
    }

    sealed interface Outcome permits Created, Rejected, AlreadySubmitted {}

    /**
     * Stored and committed under this case number (drawn again if the prepared one was taken); {@code unitName} is
     * the unit it was routed to, null when it waits for triage ({@code unitId} its id).
     */
    record Created(String number, String unitName, String unitId) implements Outcome {}

    /** Refers to things the graph does not have; nothing was stored. */
    record Rejected(List<UserError> errors) implements Outcome {}

    /** A complaint with this submission id was stored before (or just now, by a copy of the same request). */
    record AlreadySubmitted() implements Outcome {}
}
