package org.dutygraph.complaints;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import org.dutygraph.complaints.receipts.Receipts;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.dutygraph.platform.graphql.TimeKeys;
import org.springframework.stereotype.Component;

/**
 * Turns a checked submission into the complaint to create, on the request thread: the citizen's fields cleaned,
 * the receipt's hash and seal, the submission and content keys, a case number and the first deadline.
 */
@Component
class SubmissionIntake {

    private final Receipts receipts;
    private final ComplaintNumbers numbers;
    private final WorkingCalendar calendar;
    private final ComplaintSettings settings;

    SubmissionIntake(
            Receipts receipts, ComplaintNumbers numbers, WorkingCalendar calendar, ComplaintSettings settings) {
        this.receipts = receipts;
        this.numbers = numbers;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** The keyed submission id, which finds a stored complaint again when the app retries. */
    private String submissionKey(CitizenComplaints.Submission s) {
        return receipts.submissionKey(s.submissionId().toLowerCase());
    }

    NewComplaint prepare(CitizenComplaints.Submission s, String receipt, Instant now) {
        var id = UUID.randomUUID().toString();
        var keys = new NewComplaint.Keys(
                receipts.hash(receipt).orElseThrow(),
                submissionKey(s),
                contentHash(s),
                receipts.seal(s.submissionId().toLowerCase(), receipt));
        var t = s.target();
        var target = new ComplaintTarget(
                t.unitId(),
                t.windowId(),
                t.postId(),
                blankToNull(t.badgeNumber()),
                t.powerItemId(),
                blankToNull(t.matterText()),
                t.matterId());
        return new NewComplaint(
                id,
                numbers.draw(now),
                TimeKeys.key(now.toEpochMilli(), id),
                keys,
                s.category(),
                s.description().strip(),
                s.occurredAt(),
                blankToNull(s.place()),
                s.areaId(),
                target,
                blankToNull(s.contactName()),
                blankToNull(s.contactPhone()),
                CitizenComplaints.photos(s),
                now,
                calendar.due(now, settings.workingDaysIn("RECEIVED")),
                null);
    }

    /** What was submitted, to tell a retry (same content) from a submission id used again for another complaint. */
    static String contentHash(CitizenComplaints.Submission s) {
        var t = s.target();
        var canonical = String.join(
                        "\u0000",
                        s.category(),
                        s.description().strip(),
                        Objects.toString(s.occurredAt()),
                        Objects.toString(blankToNull(s.place())),
                        Objects.toString(s.areaId()),
                        Objects.toString(t.unitId()),
                        Objects.toString(t.windowId()),
                        Objects.toString(t.postId()),
                        Objects.toString(blankToNull(t.badgeNumber())),
                        Objects.toString(t.powerItemId()),
                        Objects.toString(blankToNull(t.matterText())),
                        String.join(",", CitizenComplaints.photos(s)),
                        Objects.toString(blankToNull(s.contactName())),
                        Objects.toString(blankToNull(s.contactPhone())))
                // only when given, so that earlier complaints' hashes stay valid for their retries
                + (t.matterId() == null ? "" : "\u0000matter:" + t.matterId());
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
