package org.dutygraph.inspections;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.dutygraph.inspections.InspectionViews.SyncedItem;
import org.dutygraph.org.OrgTexts;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores what an inspector's phone recorded offline, in one transaction. Every record is keyed by the
 * inspector and the client id the phone gave it (unique in the graph), so a replay, or a hundred
 * replays at once, finds the stored record instead of making another; a client id sent again with
 * other content is refused, and then nothing of the batch is stored.
 */
@Service
public class InspectorDaySync {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    public record Synced(List<SyncedItem> visits, List<SyncedItem> findings, List<SyncedItem> evidence,
                         List<SyncedItem> patrols, OffsetDateTime receivedAt, List<UserError> errors) {

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

    private final Driver driver;
    private final InspectionSettings settings;
    private final Clock clock;

    InspectorDaySync(Driver driver, InspectionSettings settings, Clock clock) {
        this.driver = driver;
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
        try (var session = driver.session()) {
            return session.executeWrite(tx -> store(tx, caller.username(), batch, now));
        } catch (Refused refused) {
            return Synced.failed(refused.errors);
        }
    }

    private Synced store(TransactionContext tx, String me, SyncBatch batch, long now) {
        var errors = new ArrayList<UserError>();
        var assignments = assignments(tx, me, batch);
        var codes = new ChecklistCodes();
        var visitAssignment = new HashMap<String, Map<String, Object>>();
        var visits = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < batch.visits().size(); i++) {
            var v = batch.visits().get(i);
            var a = assignments.get(v.assignmentId());
            if (a == null) {
                errors.add(UserError.of("NOT_ASSIGNED", Text.of(InspectionTexts.NOT_ASSIGNED, v.assignmentId()),
                        "input", "visits", String.valueOf(i), "assignmentId"));
                continue;
            }
            // a return visit (回马枪) checks the fix after the deadline: a visit before it is not one
            if ("RETURN_VISIT".equals(a.get("kind")) && a.get("dueFrom") != null
                    && v.startedAt().atZoneSameInstant(clock.getZone()).toLocalDate().isBefore(LocalDate.parse((String) a.get("dueFrom")))) {
                errors.add(UserError.of("RETURN_VISIT_NOT_DUE", Text.of(InspectionTexts.VISIT_BEFORE_DUE, a.get("dueFrom")),
                        "input", "visits", String.valueOf(i), "startedAt"));
                continue;
            }
            var answers = v.answers() == null ? List.<SyncBatch.AnswerIn>of() : v.answers();
            for (int j = 0; j < answers.size(); j++) {
                if (!codes.contains(a, answers.get(j).code())) {
                    errors.add(UserError.of("UNKNOWN_CODE", Text.of(InspectionTexts.NOT_ON_CHECKLIST, answers.get(j).code()),
                            "input", "visits", String.valueOf(i), "answers", String.valueOf(j), "code"));
                }
            }
            visitAssignment.put(v.clientId(), a);
            var props = new TreeMap<String, Object>();
            props.put("clientId", v.clientId());
            props.put("assignmentId", v.assignmentId());
            props.put("planId", a.get("planId"));
            props.put("targetUnitId", a.get("targetUnitId"));
            props.put("startedAt", millis(v.startedAt()));
            props.put("endedAt", millis(v.endedAt()));
            props.put("latitude", v.latitude());
            props.put("longitude", v.longitude());
            props.put("accuracyMeters", v.accuracyMeters());
            props.put("answers", InspectionStore.json(answers));
            var visit = row(me, "visit", props, now, "input", "visits", String.valueOf(i));
            extra(visit).put("inspector", me);
            visits.add(visit);
        }
        var storedVisits = storedVisitAssignments(tx, me, batch);
        var findings = new ArrayList<Map<String, Object>>();
        var evidence = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < batch.findings().size(); i++) {
            var f = batch.findings().get(i);
            var a = visitAssignment.getOrDefault(f.visitClientId(), storedVisits.get(f.visitClientId()));
            if (a == null) {
                errors.add(UserError.of("UNKNOWN_VISIT", Text.of(InspectionTexts.NO_VISIT_WITH_CLIENT_ID, f.visitClientId()),
                        "input", "findings", String.valueOf(i), "visitClientId"));
                continue;
            }
            if (!codes.contains(a, f.normCode())) {
                errors.add(UserError.of("UNKNOWN_CODE", Text.of(InspectionTexts.NOT_ON_CHECKLIST, f.normCode()),
                        "input", "findings", String.valueOf(i), "normCode"));
            }
            var props = new TreeMap<String, Object>();
            props.put("clientId", f.clientId());
            props.put("visitClientId", f.visitClientId());
            props.put("assignmentId", a.get("id"));
            props.put("planId", a.get("planId"));
            props.put("targetUnitId", a.get("targetUnitId"));
            props.put("normCode", f.normCode());
            props.put("description", f.description());
            props.put("observedAt", millis(f.observedAt()));
            props.put("postId", f.postId());
            props.put("badgeNumber", f.badgeNumber() == null ? null : f.badgeNumber().strip());
            var finding = row(me, "finding", props, now, "input", "findings", String.valueOf(i));
            extra(finding).putAll(Map.of("status", "RECORDED", "recordedBy", me,
                    "key", TimeKeys.key(now, (String) finding.get("id"))));
            findings.add(finding);
            for (int j = 0; j < f.evidence().size(); j++) {
                var e = f.evidence().get(j);
                var ep = new TreeMap<String, Object>();
                ep.put("clientId", e.clientId());
                ep.put("findingClientKey", finding.get("clientKey"));
                ep.put("kind", e.kind());
                ep.put("sha256", e.sha256());
                ep.put("sizeBytes", e.sizeBytes());
                ep.put("mimeType", e.mimeType());
                ep.put("capturedAt", millis(e.capturedAt()));
                ep.put("metadata", e.metadata() == null ? null : CANONICAL.writeValueAsString(e.metadata()));
                ep.put("text", e.text());
                evidence.add(row(me, "evidence", ep, now, "input", "findings", String.valueOf(i), "evidence", String.valueOf(j)));
            }
        }
        var patrols = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < batch.patrols().size(); i++) {
            var p = batch.patrols().get(i);
            var props = new TreeMap<String, Object>();
            props.put("clientId", p.clientId());
            props.put("hallId", p.hallId());
            props.put("at", millis(p.at()));
            props.put("day", p.at().toInstant().atZone(clock.getZone()).toLocalDate().toString());
            props.put("note", p.note());
            var patrol = row(me, "patrol", props, now, "input", "patrols", String.valueOf(i));
            extra(patrol).put("inspector", me);
            patrols.add(patrol);
        }
        unknownHalls(tx, batch, errors);
        unknownPosts(tx, batch, errors);
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        var batchId = UUID.randomUUID().toString();
        var syncedVisits = merge(tx, "Visit", visits, batchId, errors);
        var syncedFindings = merge(tx, "InspectionFinding", findings, batchId, errors);
        var findingIds = new HashMap<String, String>();
        for (int i = 0; i < findings.size(); i++) {
            findingIds.put((String) findings.get(i).get("clientKey"), syncedFindings.get(i).id());
        }
        evidence.forEach(e -> extra(e).put("findingId", findingIds.get((String) ((Map<?, ?>) e.get("props")).get("findingClientKey"))));
        var syncedEvidence = merge(tx, "Evidence", evidence, batchId, errors);
        var syncedPatrols = merge(tx, "Patrol", patrols, batchId, errors);
        if (!errors.isEmpty()) {
            throw new Refused(errors);
        }
        var visited = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < visits.size(); i++) {
            if (syncedVisits.get(i).outcome().equals("CREATED")) {
                var props = (Map<?, ?>) visits.get(i).get("props");
                visited.add(Map.of("assignmentId", props.get("assignmentId"), "startedAt", props.get("startedAt")));
            }
        }
        tx.run("""
                UNWIND $visited AS v
                MATCH (a:Assignment {id: v.assignmentId})
                SET a.status = 'VISITED', a.visitedAt = CASE WHEN a.visitedAt IS NULL OR a.visitedAt < v.startedAt
                    THEN v.startedAt ELSE a.visitedAt END""", Map.of("visited", visited)).consume();
        return new Synced(syncedVisits, syncedFindings, syncedEvidence, syncedPatrols,
                receivedAt(now, syncedVisits, syncedFindings, syncedEvidence, syncedPatrols), List.of());
    }

    /** When the server had all of the batch: now if anything is new, else the latest stored time (a replay changes nothing). */
    @SafeVarargs
    private static OffsetDateTime receivedAt(long now, List<SyncedItem>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).map(SyncedItem::receivedAt)
                .max(java.util.Comparator.naturalOrder()).orElse(TimeKeys.utc(now));
    }

    /** MERGEs the rows by client key, in key order (so concurrent replays lock in the same order). */
    private static List<SyncedItem> merge(TransactionContext tx, String label, List<Map<String, Object>> rows, String batchId,
                                          List<UserError> errors) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var sorted = rows.stream().sorted(java.util.Comparator.comparing(r -> (String) r.get("clientKey"))).toList();
        var stored = new HashMap<String, Map<String, Object>>();
        tx.run("""
                UNWIND $rows AS r
                MERGE (n:%s {clientKey: r.clientKey})
                ON CREATE SET n += r.props, n += r.extra, n.id = r.id, n.contentHash = r.hash, n.receivedAt = r.receivedAt,
                              n.batchId = $batch
                RETURN r.clientKey AS clientKey, n.id AS id, n.contentHash = r.hash AS same, n.batchId = $batch AS created,
                       n.receivedAt AS receivedAt"""
                .formatted(label), Map.of("rows", sorted, "batch", batchId))
                .forEachRemaining(r -> stored.put(r.get("clientKey").asString(), Map.of("id", r.get("id").asString(),
                        "same", r.get("same").asBoolean(), "created", r.get("created").asBoolean(),
                        "receivedAt", r.get("receivedAt").asLong())));
        var items = new ArrayList<SyncedItem>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var s = stored.get((String) row.get("clientKey"));
            var clientId = (String) ((Map<?, ?>) row.get("props")).get("clientId");
            if (!(Boolean) s.get("same")) {
                errors.add(UserError.of("CLIENT_ID_REUSED", Text.of(InspectionTexts.CLIENT_ID_REUSED, clientId), path(row)));
            }
            items.add(new SyncedItem(clientId, (String) s.get("id"), (Boolean) s.get("created") ? "CREATED" : "ALREADY_SYNCED",
                    TimeKeys.utc((Long) s.get("receivedAt"))));
        }
        return items;
    }

    private static String[] path(Map<String, Object> row) {
        return ((List<?>) row.get("path")).toArray(String[]::new);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> extra(Map<String, Object> row) {
        return (Map<String, Object>) row.get("extra");
    }

    /** A row to MERGE: props are the content (hashed), extra is set on creation only and not hashed. */
    private static Map<String, Object> row(String me, String kind, TreeMap<String, Object> props, long now, String... path) {
        var row = new HashMap<String, Object>();
        var fieldPath = new ArrayList<>(List.of(path));
        fieldPath.add("clientId");
        row.put("path", fieldPath);
        row.put("extra", new HashMap<String, Object>());
        var clientKey = me + "/" + kind + "/" + props.get("clientId");
        row.put("clientKey", clientKey);
        row.put("id", UUID.randomUUID().toString());
        row.put("hash", hash(props));
        row.put("receivedAt", now);
        var stored = new HashMap<String, Object>(props);
        stored.values().removeIf(java.util.Objects::isNull);
        row.put("props", stored);
        return row;
    }

    private static String hash(Map<String, Object> props) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(CANONICAL.writeValueAsString(props).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller's own assignments named by the batch's visits. */
    private static Map<String, Map<String, Object>> assignments(TransactionContext tx, String me, SyncBatch batch) {
        var ids = batch.visits().stream().map(SyncBatch.VisitIn::assignmentId).distinct().toList();
        var result = new HashMap<String, Map<String, Object>>();
        tx.run("""
                MATCH (:Account {username: $me})-[:ASSIGNED]->(a:Assignment) WHERE a.id IN $ids
                RETURN a {.id, .planId, .targetUnitId, .checklist, .kind, .dueFrom} AS a""", Map.of("me", me, "ids", ids))
                .forEachRemaining(r -> result.put(r.get("a").get("id").asString(), r.get("a").asMap()));
        return result;
    }

    /** The assignments of visits the caller synced before, by their client ids. */
    private static Map<String, Map<String, Object>> storedVisitAssignments(TransactionContext tx, String me, SyncBatch batch) {
        var keys = batch.findings().stream().map(f -> me + "/visit/" + f.visitClientId()).distinct().toList();
        var result = new HashMap<String, Map<String, Object>>();
        tx.run("""
                MATCH (v:Visit) WHERE v.clientKey IN $keys MATCH (a:Assignment {id: v.assignmentId})
                RETURN v.clientId AS clientId, a {.id, .planId, .targetUnitId, .checklist} AS a""", Map.of("keys", keys))
                .forEachRemaining(r -> result.put(r.get("clientId").asString(), r.get("a").asMap()));
        return result;
    }

    private static void unknownHalls(TransactionContext tx, SyncBatch batch, List<UserError> errors) {
        if (batch.patrols().isEmpty()) {
            return;
        }
        var ids = batch.patrols().stream().map(SyncBatch.PatrolIn::hallId).distinct().toList();
        var known = tx.run("MATCH (o:Organization) WHERE o.id IN $ids RETURN collect(o.id) AS ids", Map.of("ids", ids))
                .single().get("ids").asList(Value::asString);
        for (int i = 0; i < batch.patrols().size(); i++) {
            if (!known.contains(batch.patrols().get(i).hallId())) {
                errors.add(UserError.of("UNKNOWN_UNIT", Text.of(PlatformTexts.NO_SUCH_ID, Text.of(OrgTexts.UNIT), batch.patrols().get(i).hallId()),
                        "input", "patrols", String.valueOf(i), "hallId"));
            }
        }
    }

    private static void unknownPosts(TransactionContext tx, SyncBatch batch, List<UserError> errors) {
        var ids = batch.findings().stream().map(SyncBatch.FindingIn::postId).filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        var known = tx.run("MATCH (p:Post) WHERE p.id IN $ids RETURN collect(p.id) AS ids", Map.of("ids", ids))
                .single().get("ids").asList(Value::asString);
        for (int i = 0; i < batch.findings().size(); i++) {
            var postId = batch.findings().get(i).postId();
            if (postId != null && !known.contains(postId)) {
                errors.add(UserError.of("UNKNOWN_POST", Text.of(PlatformTexts.NO_SUCH_ID, Text.of(OrgTexts.POST), postId), "input", "findings",
                        String.valueOf(i), "postId"));
            }
        }
    }

    /** The checklist codes of each assignment, parsed once per sync however many items name it. */
    private static final class ChecklistCodes {
        private final Map<Object, java.util.Set<String>> byAssignment = new HashMap<>();

        boolean contains(Map<String, Object> assignment, String code) {
            return byAssignment.computeIfAbsent(assignment.get("id"), id -> InspectionStore.items((String) assignment.get("checklist"))
                    .stream().map(Checklists.Item::code).collect(java.util.stream.Collectors.toSet())).contains(code);
        }
    }

    private static Long millis(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toEpochMilli();
    }
}
