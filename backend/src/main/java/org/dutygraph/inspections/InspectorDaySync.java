package org.dutygraph.inspections;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.dutygraph.inspections.DaySyncStore.AssignmentRef;
import org.dutygraph.inspections.DaySyncStore.Merged;
import org.dutygraph.inspections.InspectionViews.SyncedItem;
import org.dutygraph.inspections.SyncBatch.AnswerIn;
import org.dutygraph.org.read.OrgNouns;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * Stores what an inspector's phone recorded offline, in one transaction. Every record is keyed by the
 * inspector and the client id the phone gave it (unique in the graph), so a replay, or a hundred
 * replays at once, finds the stored record instead of making another; a client id sent again with
 * other content is refused, and then nothing of the batch is stored.
 */
@Service
public class InspectorDaySync {

    public record Synced(
            List<SyncedItem> visits,
            List<SyncedItem> findings,
            List<SyncedItem> evidence,
            List<SyncedItem> patrols,
            OffsetDateTime receivedAt,
            List<UserError> errors) {

        static Synced failed(List<UserError> errors) {
            return new Synced(List.of(), List.of(), List.of(), List.of(), null, errors);
        }
    }

    /** Thrown inside the transaction to roll the whole batch back. */
    private static final class Refused extends RuntimeException {
        private final List<UserError> errors;

        Refused(List<UserError> errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }

    /** A finding to store with its evidence. */
    private record Recorded(SyncItem<SyncItem.Finding> finding, List<SyncItem<SyncItem.Evidence>> evidence) {}

    /** The batch's items checked against the graph, ready to store. */
    private record Checked(
            List<SyncItem<SyncItem.Visit>> visits, List<Recorded> findings, List<SyncItem<SyncItem.Patrol>> patrols) {}

    private final GraphTransactions graph;
    private final DaySyncStore store;
    private final InspectionReferenceStore known;
    private final InspectionSettings settings;
    private final Clock clock;

    InspectorDaySync(
            GraphTransactions graph,
            DaySyncStore store,
            InspectionReferenceStore known,
            InspectionSettings settings,
            Clock clock) {
        this.graph = graph;
        this.store = store;
        this.known = known;
        this.settings = settings;
        this.clock = clock;
    }

    public Synced sync(InspectionCaller caller, SyncBatch batch) {
        var errors = new ArrayList<UserError>();
        SyncChecks.check(batch, settings.maxBatchItems(), errors);
        if (!errors.isEmpty()) {
            return Synced.failed(errors);
        }
        var now = clock.millis();
        try {
            return graph.write(() -> write(caller.username(), check(caller.username(), batch, now), now));
        } catch (Refused refused) {
            return Synced.failed(refused.errors);
        }
    }

    /** The batch's items, or {@link Refused} naming every item the graph refuses. */
    private Checked check(String me, SyncBatch batch, long now) {
        var errors = new ArrayList<UserError>();
        var assignments = store.assignments(
                me,
                batch.visits().stream()
                        .map(SyncBatch.VisitIn::assignmentId)
                        .distinct()
                        .toList());
        var visitAssignments = new HashMap<String, AssignmentRef>();
        var visits = visits(me, batch, assignments, visitAssignments, now, errors);
        store.assignmentsOfVisits(batch.findings().stream()
                        .map(f -> SyncItem.clientKey(me, "visit", f.visitClientId()))
                        .distinct()
                        .toList())
                .forEach(visitAssignments::putIfAbsent);
        var findings = findings(me, batch, visitAssignments, now, errors);
        var patrols = patrols(me, batch, now);
        unknownHalls(batch, errors);
        unknownPosts(batch, errors);
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        return new Checked(visits, findings, patrols);
    }

    /** @param visitAssignments filled with each visit's assignment, by the visit's client id */
    private List<SyncItem<SyncItem.Visit>> visits(
            String me,
            SyncBatch batch,
            Map<String, AssignmentRef> assignments,
            Map<String, AssignmentRef> visitAssignments,
            long now,
            List<UserError> errors) {
        var visits = new ArrayList<SyncItem<SyncItem.Visit>>();
        for (int i = 0; i < batch.visits().size(); i++) {
            var v = batch.visits().get(i);
            var at = String.valueOf(i);
            var a = assignments.get(v.assignmentId());
            if (a == null) {
                errors.add(UserError.of(
                        "NOT_ASSIGNED",
                        Text.of(InspectionTexts.NOT_ASSIGNED, v.assignmentId()),
                        "input",
                        "visits",
                        at,
                        "assignmentId"));
                continue;
            }
            // a return visit (回马枪) checks the fix after the deadline: a visit before it is not one
            if ("RETURN_VISIT".equals(a.kind())
                    && a.dueFrom() != null
                    && v.startedAt()
                            .atZoneSameInstant(clock.getZone())
                            .toLocalDate()
                            .isBefore(a.dueFrom())) {
                errors.add(UserError.of(
                        "RETURN_VISIT_NOT_DUE",
                        Text.of(InspectionTexts.VISIT_BEFORE_DUE, a.dueFrom()),
                        "input",
                        "visits",
                        at,
                        "startedAt"));
                continue;
            }
            var answers = v.answers() == null ? List.<AnswerIn>of() : v.answers();
            for (int j = 0; j < answers.size(); j++) {
                if (!a.codes().contains(answers.get(j).code())) {
                    errors.add(UserError.of(
                            "UNKNOWN_CODE",
                            Text.of(
                                    InspectionTexts.NOT_ON_CHECKLIST,
                                    answers.get(j).code()),
                            "input",
                            "visits",
                            at,
                            "answers",
                            String.valueOf(j),
                            "code"));
                }
            }
            visitAssignments.put(v.clientId(), a);
            visits.add(SyncItem.of(
                    me,
                    "visit",
                    new SyncItem.Visit(
                            v.clientId(),
                            v.assignmentId(),
                            a.planId(),
                            a.targetUnitId(),
                            millis(v.startedAt()),
                            millis(v.endedAt()),
                            v.latitude(),
                            v.longitude(),
                            v.accuracyMeters(),
                            InspectionJson.json(answers)),
                    now,
                    "input",
                    "visits",
                    at));
        }
        return visits;
    }

    /** @param visitAssignments the assignment of each visit, sent in this batch or before, by its client id */
    private List<Recorded> findings(
            String me, SyncBatch batch, Map<String, AssignmentRef> visitAssignments, long now, List<UserError> errors) {
        var findings = new ArrayList<Recorded>();
        for (int i = 0; i < batch.findings().size(); i++) {
            var f = batch.findings().get(i);
            var at = String.valueOf(i);
            var a = visitAssignments.get(f.visitClientId());
            if (a == null) {
                errors.add(UserError.of(
                        "UNKNOWN_VISIT",
                        Text.of(InspectionTexts.NO_VISIT_WITH_CLIENT_ID, f.visitClientId()),
                        "input",
                        "findings",
                        at,
                        "visitClientId"));
                continue;
            }
            if (!a.codes().contains(f.normCode())) {
                errors.add(UserError.of(
                        "UNKNOWN_CODE",
                        Text.of(InspectionTexts.NOT_ON_CHECKLIST, f.normCode()),
                        "input",
                        "findings",
                        at,
                        "normCode"));
            }
            var finding = SyncItem.of(
                    me,
                    "finding",
                    new SyncItem.Finding(
                            f.clientId(),
                            f.visitClientId(),
                            a.id(),
                            a.planId(),
                            a.targetUnitId(),
                            f.normCode(),
                            f.description(),
                            millis(f.observedAt()),
                            f.postId(),
                            f.badgeNumber() == null ? null : f.badgeNumber().strip()),
                    now,
                    "input",
                    "findings",
                    at);
            findings.add(new Recorded(finding, evidence(me, f, finding.clientKey(), now, at)));
        }
        return findings;
    }

    private static List<SyncItem<SyncItem.Evidence>> evidence(
            String me, SyncBatch.FindingIn f, String findingClientKey, long now, String findingAt) {
        var evidence = new ArrayList<SyncItem<SyncItem.Evidence>>();
        for (int j = 0; j < f.evidence().size(); j++) {
            var e = f.evidence().get(j);
            var metadata = e.metadata() == null ? null : SyncItem.CANONICAL.writeValueAsString(e.metadata());
            evidence.add(SyncItem.of(
                    me,
                    "evidence",
                    new SyncItem.Evidence(
                            e.clientId(),
                            findingClientKey,
                            e.kind(),
                            e.sha256(),
                            e.sizeBytes(),
                            e.mimeType(),
                            millis(e.capturedAt()),
                            metadata,
                            e.text()),
                    now,
                    "input",
                    "findings",
                    findingAt,
                    "evidence",
                    String.valueOf(j)));
        }
        return evidence;
    }

    private List<SyncItem<SyncItem.Patrol>> patrols(String me, SyncBatch batch, long now) {
        var patrols = new ArrayList<SyncItem<SyncItem.Patrol>>();
        for (int i = 0; i < batch.patrols().size(); i++) {
            var p = batch.patrols().get(i);
            var day = p.at().toInstant().atZone(clock.getZone()).toLocalDate().toString();
            patrols.add(SyncItem.of(
                    me,
                    "patrol",
                    new SyncItem.Patrol(p.clientId(), p.hallId(), millis(p.at()), day, p.note()),
                    now,
                    "input",
                    "patrols",
                    String.valueOf(i)));
        }
        return patrols;
    }

    private void unknownHalls(SyncBatch batch, List<UserError> errors) {
        var halls = known.units(batch.patrols().stream()
                .map(SyncBatch.PatrolIn::hallId)
                .distinct()
                .toList());
        for (int i = 0; i < batch.patrols().size(); i++) {
            if (!halls.contains(batch.patrols().get(i).hallId())) {
                errors.add(UserError.of(
                        "UNKNOWN_UNIT",
                        Text.of(
                                PlatformTexts.NO_SUCH_ID,
                                Text.of(OrgNouns.UNIT),
                                batch.patrols().get(i).hallId()),
                        "input",
                        "patrols",
                        String.valueOf(i),
                        "hallId"));
            }
        }
    }

    private void unknownPosts(SyncBatch batch, List<UserError> errors) {
        var posts = known.posts(batch.findings().stream()
                .map(SyncBatch.FindingIn::postId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        for (int i = 0; i < batch.findings().size(); i++) {
            var postId = batch.findings().get(i).postId();
            if (postId != null && !posts.contains(postId)) {
                errors.add(UserError.of(
                        "UNKNOWN_POST",
                        Text.of(PlatformTexts.NO_SUCH_ID, Text.of(OrgNouns.POST), postId),
                        "input",
                        "findings",
                        String.valueOf(i),
                        "postId"));
            }
        }
    }

    /** Stores the checked items, or {@link Refused} when a client id was synced before with other content. */
    private Synced write(String me, Checked checked, long now) {
        var errors = new ArrayList<UserError>();
        var batchId = UUID.randomUUID().toString();
        var visits = synced(checked.visits(), store.mergeVisits(checked.visits(), me, batchId), errors);
        var findingItems = checked.findings().stream().map(Recorded::finding).toList();
        var merged = store.mergeFindings(findingItems, me, batchId);
        var findings = synced(findingItems, merged, errors);
        var findingIds = new HashMap<String, String>();
        for (int i = 0; i < findingItems.size(); i++) {
            findingIds.put(findingItems.get(i).clientKey(), merged.get(i).id());
        }
        var evidenceItems =
                checked.findings().stream().flatMap(f -> f.evidence().stream()).toList();
        var evidence = synced(evidenceItems, store.mergeEvidence(evidenceItems, findingIds, batchId), errors);
        var patrols = synced(checked.patrols(), store.mergePatrols(checked.patrols(), me, batchId), errors);
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        var created = new ArrayList<SyncItem.Visit>();
        for (int i = 0; i < visits.size(); i++) {
            if (visits.get(i).outcome().equals("CREATED")) {
                created.add(checked.visits().get(i).content());
            }
        }
        store.markVisited(created);
        return new Synced(
                visits, findings, evidence, patrols, receivedAt(now, visits, findings, evidence, patrols), List.of());
    }

    /** What the phone is told of each item; a client id reused with other content is an error at the item. */
    private static List<SyncedItem> synced(
            List<? extends SyncItem<?>> items, List<Merged> merged, List<UserError> errors) {
        var synced = new ArrayList<SyncedItem>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            var stored = merged.get(i);
            if (!stored.same()) {
                errors.add(UserError.of(
                        "CLIENT_ID_REUSED",
                        Text.of(InspectionTexts.CLIENT_ID_REUSED, item.clientId()),
                        item.path().toArray(String[]::new)));
            }
            synced.add(new SyncedItem(
                    item.clientId(),
                    stored.id(),
                    stored.created() ? "CREATED" : "ALREADY_SYNCED",
                    TimeKeys.utc(stored.receivedAt())));
        }
        return synced;
    }

    /** When the server had all of the batch: now if anything is new, else the latest stored time (a replay changes nothing). */
    @SafeVarargs
    private static OffsetDateTime receivedAt(long now, List<SyncedItem>... lists) {
        return Stream.of(lists)
                .flatMap(List::stream)
                .map(SyncedItem::receivedAt)
                .max(Comparator.naturalOrder())
                .orElse(TimeKeys.utc(now));
    }

    private static Long millis(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toEpochMilli();
    }
}
