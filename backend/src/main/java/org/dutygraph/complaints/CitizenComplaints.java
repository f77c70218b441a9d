package org.dutygraph.complaints;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dutygraph.complaints.ComplaintViews.CitizenView;
import org.dutygraph.complaints.ComplaintViews.MessageView;
import org.dutygraph.complaints.receipts.FollowSeal;
import org.dutygraph.complaints.receipts.Receipts;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.dutygraph.notifications.DeviceRegistry;
import org.dutygraph.notifications.NotificationEvent;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.dutygraph.security.AccountService;
import org.springframework.stereotype.Service;

/**
 * What citizens do without an account: file a complaint, follow it with the receipt, answer questions,
 * opt in to pushes. Nothing about the caller's connection or device is received here, let alone kept.
 */
@Service
public class CitizenComplaints {

    public static final Set<String> CATEGORIES = Set.of(
            "COLD",
            "LAZY",
            "BUCK_PASSING",
            "DISORDERLY",
            "GREEDY",
            "PETTY_EXTORTION",
            "ILLEGAL_FEES",
            "INACTION",
            "SLOW_ACTION",
            "OTHER");

    public record Submission(
            String submissionId,
            ComplaintTarget target,
            String category,
            String description,
            Instant occurredAt,
            String place,
            String areaId,
            List<String> photoIds,
            String contactName,
            String contactPhone) {}

    public record Submitted(CitizenView complaint, String receipt, List<UserError> errors) {}

    public record Replied(MessageView message, List<UserError> errors) {}

    private final CitizenCaseStore cases;
    private final ComplaintStore complaints;
    private final SubmissionIntake intake;
    private final SubmissionWriter writer;
    private final SubmissionStore submissions;
    private final Receipts receipts;
    private final ComplaintNotices notices;
    private final DeviceRegistry devices;
    private final AccountService accounts;
    private final ComplaintOffice office;
    private final GraphTransactions graph;
    private final LockStore locks;
    private final FollowSeal followSeal;
    private final Clock clock;

    CitizenComplaints(
            CitizenCaseStore cases,
            ComplaintStore complaints,
            SubmissionIntake intake,
            SubmissionWriter writer,
            SubmissionStore submissions,
            Receipts receipts,
            ComplaintNotices notices,
            DeviceRegistry devices,
            AccountService accounts,
            ComplaintOffice office,
            GraphTransactions graph,
            LockStore locks,
            FollowSeal followSeal,
            Clock clock) {
        this.cases = cases;
        this.complaints = complaints;
        this.intake = intake;
        this.writer = writer;
        this.submissions = submissions;
        this.receipts = receipts;
        this.notices = notices;
        this.devices = devices;
        this.accounts = accounts;
        this.office = office;
        this.graph = graph;
        this.locks = locks;
        this.followSeal = followSeal;
        this.clock = clock;
    }

    public Submitted submit(Submission s) {
        var errors = SubmissionChecks.validate(s, clock.instant());
        if (!errors.isEmpty()) {
            return refused(s, errors);
        }
        var now = clock.instant();
        var receipt = receipts.newReceipt();
        var complaint = intake.prepare(s, receipt, now);
        var outcome = writer.store(new PendingSubmission(s, complaint));
        if (outcome instanceof PendingSubmission.Created created) {
            return new Submitted(
                    new CitizenView(
                            complaint.id(),
                            created.number(),
                            s.category(),
                            "RECEIVED",
                            TimeKeys.utc(now.toEpochMilli()),
                            created.unitName(),
                            created.unitId(),
                            complaint.description(),
                            complaint.place(),
                            complaint.photoIds(),
                            TimeKeys.utc(complaint.dueAt().toEpochMilli()),
                            null,
                            null,
                            List.of()),
                    receipt,
                    List.of());
        }
        if (outcome instanceof PendingSubmission.Rejected rejected) {
            return new Submitted(null, null, rejected.errors());
        }
        // A retry of a stored submission (or two copies at once): answer with the stored one.
        return retried(s, complaint.keys());
    }

    /** Reports unknown references too, so that the app can show every problem at once (no retry to look for). */
    private Submitted refused(Submission s, List<UserError> errors) {
        if (s.target() != null) {
            errors.addAll(submissions
                    .read(q -> SubmissionChecks.references(q, List.of(s), List.of("-"), List.of("-")))
                    .get(0)
                    .errors());
        }
        return new Submitted(null, null, errors);
    }

    public Optional<CitizenView> byReceipt(String receipt) {
        var hash = receipts.hash(receipt);
        return hash.isEmpty()
                ? Optional.empty()
                : graph.read(() -> cases.byReceiptHash(hash.get()).map(ref -> cases.citizenView(ref.id())));
    }

    public Replied reply(String receipt, String body) {
        if (body == null || body.isBlank() || body.strip().length() > 2000) {
            return new Replied(
                    null,
                    List.of(UserError.of("INVALID_LENGTH", Text.of(ComplaintTexts.MESSAGE_LENGTH), "input", "body")));
        }
        var hash = receipts.hash(receipt);
        return graph.write(() -> {
            var ref = hash.flatMap(cases::byReceiptHash);
            if (ref.isEmpty()) {
                return new Replied(null, List.of(unknownReceipt()));
            }
            var handlers = ref.get().routedUnitId() == null
                    ? office.usernames()
                    : accounts.usernamesInUnits(List.of(ref.get().routedUnitId()));
            var message = complaints.addMessage(ref.get().id(), "CITIZEN", null, body.strip(), clock.instant());
            notices.handlers(
                    handlers,
                    NotificationEvent.COMPLAINT_REPLY,
                    Text.of(ComplaintTexts.REPLY_TITLE),
                    Text.of(ComplaintTexts.REPLY_BODY),
                    ref.get().id());
            return new Replied(message, List.of());
        });
    }

    public record Followed(String pushTag, List<UserError> errors) {}

    /**
     * Registers the device for content-free pushes about the case, if the citizen accepted the link risk. Following
     * is per (device, case): one phone follows any number of cases and may also be an account's device, since the
     * follow keeps the token sealed under the case's key (see {@link FollowerPushes}). Returns the tag the pushes
     * for this case carry on this device, visible in the device's language ({@code locale}; Chinese when none is given).
     */
    public Followed followPush(String receipt, String token, String platform, boolean acceptLinkRisk, String locale) {
        if (!acceptLinkRisk) {
            return new Followed(
                    null,
                    List.of(UserError.of(
                            "LINK_RISK_NOT_ACCEPTED",
                            Text.of(ComplaintTexts.LINK_RISK_NOT_ACCEPTED),
                            "input",
                            "acceptLinkRisk")));
        }
        if (!DeviceRegistry.isToken(token)) {
            return new Followed(
                    null,
                    List.of(UserError.of("INVALID_TOKEN", Text.of(ComplaintTexts.FOLLOW_TOKEN), "input", "token")));
        }
        if (locale != null && !Languages.isTag(locale)) {
            return new Followed(
                    null,
                    List.of(UserError.of("INVALID_LOCALE", Text.of(ComplaintTexts.FOLLOW_LOCALE), "input", "locale")));
        }
        var hash = receipts.hash(receipt);
        var pushKey = graph.write(() -> hash.flatMap(cases::byReceiptHash).map(ref -> {
            // lock first, so that two phones opting in at once share one key
            locks.node("Complaint", ref.id());
            return cases.pushKey(ref.id(), UUID.randomUUID().toString());
        }));
        if (pushKey.isEmpty()) {
            return new Followed(null, List.of(unknownReceipt()));
        }
        var follower = ComplaintNotices.follower(pushKey.get());
        var target = "fcm:" + token;
        devices.register(
                follower,
                followSeal.seal(follower.key(), target),
                platform,
                FollowerPushes.CHANNEL,
                locale,
                clock.instant());
        return new Followed(followSeal.tag(follower.key(), target), List.of());
    }

    private Submitted retried(Submission s, NewComplaint.Keys keys) {
        return graph.read(() -> {
            var earlier = cases.bySubmissionKey(keys.submissionKey()).orElseThrow();
            if (!earlier.contentHash().equals(keys.contentHash())) {
                return new Submitted(
                        null,
                        null,
                        List.of(UserError.of(
                                "SUBMISSION_ID_REUSED",
                                Text.of(ComplaintTexts.SUBMISSION_ID_REUSED),
                                "input",
                                "submissionId")));
            }
            var receipt = receipts.unseal(s.submissionId().toLowerCase(), earlier.sealedReceipt());
            return new Submitted(cases.citizenView(earlier.id()), receipt, List.of());
        });
    }

    static List<String> photos(Submission s) {
        return s.photoIds() == null ? List.of() : s.photoIds();
    }

    private static UserError unknownReceipt() {
        return UserError.of("UNKNOWN_RECEIPT", Text.of(ComplaintTexts.UNKNOWN_RECEIPT), "input", "receipt");
    }
}
