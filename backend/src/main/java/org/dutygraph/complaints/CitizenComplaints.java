package org.dutygraph.complaints;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dutygraph.complaints.ComplaintViews.CitizenView;
import org.dutygraph.complaints.ComplaintViews.MessageView;
import org.dutygraph.complaints.receipts.FollowSeal;
import org.dutygraph.complaints.receipts.Receipts;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.dutygraph.notifications.DeviceRegistry;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.security.AccountService;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Service;

/**
 * What citizens do without an account: file a complaint, follow it with the receipt, answer questions,
 * opt in to pushes. Nothing about the caller's connection or device is received here, let alone kept.
 */
@Service
public class CitizenComplaints {

    public static final Set<String> CATEGORIES = Set.of("COLD", "LAZY", "BUCK_PASSING", "DISORDERLY", "GREEDY",
            "PETTY_EXTORTION", "ILLEGAL_FEES", "INACTION", "SLOW_ACTION", "OTHER");

    public record Submission(String submissionId, ComplaintTarget target, String category, String description,
                             Instant occurredAt, String place, String areaId, List<String> photoIds, String contactName,
                             String contactPhone) {
    }

    public record Submitted(CitizenView complaint, String receipt, List<UserError> errors) {
    }

    public record Replied(MessageView message, List<UserError> errors) {
    }

    private final ComplaintStore store;
    private final Receipts receipts;
    private final WorkingCalendar calendar;
    private final ComplaintSettings settings;
    private final ComplaintNotices notices;
    private final DeviceRegistry devices;
    private final AccountService accounts;
    private final ComplaintOffice office;
    private final Driver driver;
    private final SubmissionChecks checks;
    private final SubmissionWriter writer;
    private final ComplaintNumbers numbers;
    private final FollowSeal followSeal;
    private final Clock clock;

    CitizenComplaints(ComplaintStore store, Receipts receipts, SubmissionWriter writer, ComplaintNumbers numbers,
                      WorkingCalendar calendar, ComplaintSettings settings, ComplaintNotices notices, DeviceRegistry devices,
                      AccountService accounts, ComplaintOffice office, Driver driver, FollowSeal followSeal, Clock clock) {
        this.store = store;
        this.followSeal = followSeal;
        this.receipts = receipts;
        this.writer = writer;
        this.numbers = numbers;
        this.calendar = calendar;
        this.settings = settings;
        this.notices = notices;
        this.devices = devices;
        this.accounts = accounts;
        this.office = office;
        this.driver = driver;
        this.checks = new SubmissionChecks(store);
        this.clock = clock;
    }

    public Submitted submit(Submission s) {
        var errors = SubmissionChecks.validate(s, clock.instant());
        if (!errors.isEmpty()) {
            if (s.target() != null) {
                // report unknown references too, so that the app can show every problem at once (no retry to look for)
                try (var session = driver.session()) {
                    errors.addAll(session.executeRead(tx -> checks.references(tx, List.of(s), List.of("-"), List.of("-"))
                            .get(0).errors()));
                }
            }
            return new Submitted(null, null, errors);
        }
        var submissionKey = receipts.submissionKey(s.submissionId().toLowerCase());
        var contentHash = contentHash(s);
        var now = clock.instant();
        var receipt = receipts.newReceipt();
        var id = UUID.randomUUID().toString();
        var c = new HashMap<String, Object>();
        c.put("id", id);
        c.put("number", numbers.draw(now));
        c.put("receiptHash", receipts.hash(receipt).orElseThrow());
        c.put("submissionKey", submissionKey);
        c.put("contentHash", contentHash);
        c.put("sealedReceipt", receipts.seal(s.submissionId().toLowerCase(), receipt));
        c.put("category", s.category());
        c.put("description", s.description().strip());
        c.put("occurredAt", s.occurredAt() == null ? null : s.occurredAt().toEpochMilli());
        c.put("place", blankToNull(s.place()));
        c.put("areaId", s.areaId());
        c.put("targetUnitId", s.target().unitId());
        c.put("targetWindowId", s.target().windowId());
        c.put("targetPostId", s.target().postId());
        c.put("badgeNumber", blankToNull(s.target().badgeNumber()));
        c.put("powerItemId", s.target().powerItemId());
        c.put("matterText", blankToNull(s.target().matterText()));
        c.put("matterId", s.target().matterId());
        c.put("contactName", blankToNull(s.contactName()));
        c.put("contactPhone", blankToNull(s.contactPhone()));
        c.put("photoIds", photos(s));
        c.put("status", "RECEIVED");
        c.put("receivedAt", now.toEpochMilli());
        long due = calendar.due(now, settings.workingDaysIn("RECEIVED")).toEpochMilli();
        c.put("dueAt", due);
        c.put("nextEscalationAt", due);
        c.put("escalations", 0);
        c.put("serious", false);
        c.put("key", TimeKeys.key(now.toEpochMilli(), id));
        var outcome = writer.store(new PendingSubmission(s, submissionKey, c));
        if (outcome instanceof PendingSubmission.Rejected rejected) {
            return new Submitted(null, null, rejected.errors());
        }
        if (outcome instanceof PendingSubmission.AlreadySubmitted) {
            // A retry of a stored submission (or two copies at once): answer with the stored one.
            return retried(s, store.bySubmissionKey(submissionKey).orElseThrow(), contentHash);
        }
        var created = (PendingSubmission.Created) outcome;
        return new Submitted(new CitizenView(id, created.number(), s.category(), "RECEIVED", TimeKeys.utc(now.toEpochMilli()),
                created.unitName(), created.unitId(), s.description().strip(), blankToNull(s.place()), photos(s),
                TimeKeys.utc(due), null, null, List.of()), receipt, List.of());
    }

    public Optional<CitizenView> byReceipt(String receipt) {
        return receipts.hash(receipt).flatMap(store::byReceiptHash).map(ref -> store.citizenView(ref.id()));
    }

    public Replied reply(String receipt, String body) {
        if (body == null || body.isBlank() || body.strip().length() > 2000) {
            return new Replied(null, List.of(UserError.of("INVALID_LENGTH", "'body' must be 1 to 2000 characters", "input", "body")));
        }
        var ref = receipts.hash(receipt).flatMap(store::byReceiptHash);
        if (ref.isEmpty()) {
            return new Replied(null, List.of(unknownReceipt()));
        }
        var handlers = ref.get().routedUnitId() == null ? office.usernames()
                : accounts.usernamesInUnits(List.of(ref.get().routedUnitId()));
        try (var session = driver.session()) {
            var message = session.executeWrite(tx -> {
                var m = store.addMessage(tx, ref.get().id(), "CITIZEN", null, body.strip(), clock.instant());
                notices.handlers(tx, handlers, "COMPLAINT_REPLY", "投诉人回复", "投诉人回复了您的问题。", ref.get().id());
                return m;
            });
            return new Replied(message, List.of());
        }
    }

    public record Followed(String pushTag, List<UserError> errors) {
    }

    /**
     * Registers the device for content-free pushes about the case, if the citizen accepted the link risk. Following
     * is per (device, case): one phone follows any number of cases and may also be an account's device, since the
     * follow keeps the token sealed under the case's key (see {@link FollowerPushes}). Returns the tag the pushes
     * for this case carry on this device.
     */
    public Followed followPush(String receipt, String token, String platform, boolean acceptLinkRisk) {
        if (!acceptLinkRisk) {
            return new Followed(null, List.of(UserError.of("LINK_RISK_NOT_ACCEPTED", "Push updates let the push provider link this device "
                    + "to the case; show the warning and pass acceptLinkRisk: true to opt in", "input", "acceptLinkRisk")));
        }
        if (!DeviceRegistry.isToken(token)) {
            return new Followed(null, List.of(UserError.of("INVALID_TOKEN", "'token' must be the push SDK's registration token", "input", "token")));
        }
        var ref = receipts.hash(receipt).flatMap(store::byReceiptHash);
        if (ref.isEmpty()) {
            return new Followed(null, List.of(unknownReceipt()));
        }
        var follower = ComplaintNotices.follower(store.pushKey(ref.get().id()));
        var target = "fcm:" + token;
        devices.register(follower, followSeal.seal(follower.key(), target), platform, FollowerPushes.CHANNEL, null, clock.instant());
        return new Followed(followSeal.tag(follower.key(), target), List.of());
    }

    private Submitted retried(Submission s, ComplaintStore.Existing earlier, String contentHash) {
        if (!earlier.contentHash().equals(contentHash)) {
            return new Submitted(null, null, List.of(UserError.of("SUBMISSION_ID_REUSED",
                    "This submissionId was already used for a different complaint; generate a new one", "input", "submissionId")));
        }
        var receipt = receipts.unseal(s.submissionId().toLowerCase(), earlier.sealedReceipt());
        return new Submitted(store.citizenView(earlier.id()), receipt, List.of());
    }

    static List<String> photos(Submission s) {
        return s.photoIds() == null ? List.of() : s.photoIds();
    }

    private static String contentHash(Submission s) {
        var t = s.target();
        var canonical = String.join("\u0000", s.category(), s.description().strip(), Objects.toString(s.occurredAt()),
                Objects.toString(blankToNull(s.place())), Objects.toString(s.areaId()), Objects.toString(t.unitId()),
                Objects.toString(t.windowId()), Objects.toString(t.postId()), Objects.toString(blankToNull(t.badgeNumber())),
                Objects.toString(t.powerItemId()), Objects.toString(blankToNull(t.matterText())),
                String.join(",", photos(s)), Objects.toString(blankToNull(s.contactName())),
                Objects.toString(blankToNull(s.contactPhone())))
                // only when given, so that earlier complaints' hashes stay valid for their retries
                + (t.matterId() == null ? "" : "\u0000matter:" + t.matterId());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UserError unknownReceipt() {
        return UserError.of("UNKNOWN_RECEIPT", "No complaint has this receipt", "input", "receipt");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
