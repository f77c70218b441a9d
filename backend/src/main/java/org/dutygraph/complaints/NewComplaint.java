package org.dutygraph.complaints;

import java.time.Instant;
import java.util.List;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.dutygraph.complaints.routing.Routing;

/**
 * A complaint about to be created, as prepared on the request thread (SubmissionIntake) from a checked submission:
 * the citizen's fields cleaned (stripped, blanks as null), its keys, case number and first deadline. The writer
 * fills in the routing, and draws another number if this one is taken; SubmissionStore turns it into the node's
 * properties.
 *
 * @param routing null until routed
 */
record NewComplaint(
        String id,
        String number,
        String key,
        Keys keys,
        String category,
        String description,
        Instant occurredAt,
        String place,
        String areaId,
        ComplaintTarget target,
        String contactName,
        String contactPhone,
        List<String> photoIds,
        Instant receivedAt,
        Instant dueAt,
        Routing routing) {

    /**
     * How the complaint is found again without storing what would identify the citizen.
     *
     * @param receiptHash   the receipt's hash (the receipt itself is only shown)
     * @param submissionKey the app's submission id, keyed: a retry finds the stored complaint
     * @param contentHash   what was submitted, to tell a retry from a reused submission id
     * @param sealedReceipt the receipt sealed under the submission id, to answer a retry with it
     */
    record Keys(String receiptHash, String submissionKey, String contentHash, String sealedReceipt) {}

    NewComplaint withNumber(String newNumber) {
        return new NewComplaint(
                id,
                newNumber,
                key,
                keys,
                category,
                description,
                occurredAt,
                place,
                areaId,
                target,
                contactName,
                contactPhone,
                photoIds,
                receivedAt,
                dueAt,
                routing);
    }

    NewComplaint routed(Routing how) {
        return new NewComplaint(
                id,
                number,
                key,
                keys,
                category,
                description,
                occurredAt,
                place,
                areaId,
                target,
                contactName,
                contactPhone,
                photoIds,
                receivedAt,
                dueAt,
                how);
    }

    String routedUnitId() {
        return routing == null ? null : routing.unitId();
    }
}
