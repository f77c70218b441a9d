package org.dutygraph.complaints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.dutygraph.complaints.ComplaintViews.AuditView;
import org.dutygraph.complaints.ComplaintViews.CitizenView;
import org.dutygraph.complaints.ComplaintViews.ContactView;
import org.dutygraph.complaints.ComplaintViews.HandlerView;
import org.dutygraph.complaints.ComplaintViews.MessageView;
import org.dutygraph.complaints.ComplaintViews.StatsView;
import org.dutygraph.complaints.ComplaintViews.StepView;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.neo4j.GraphLocks;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.stereotype.Repository;

/** Complaints in the graph (model: graph-schema/docs/model.md). Handler reads are scoped and audited here. */
@Repository
class ComplaintStore {

    /** Cypher predicate on {@code c}: may the handler in $all/$unit see it. */
    static final String VISIBLE = """
            ($all OR ($unit IS NOT NULL AND c.routedUnitId IS NOT NULL
                      AND EXISTS { MATCH (:Organization {id: c.routedUnitId})-[:PART_OF*0..]->(:Organization {id: $unit}) }))""";

    /** The handling unit sees how to reach a citizen who chose to identify; the office does for its triage queue. */
    static final String CONTACT_VISIBLE = """
            CASE WHEN c.routedUnitId IS NULL THEN $office
                 ELSE $unit IS NOT NULL AND EXISTS { MATCH (:Organization {id: c.routedUnitId})-[:PART_OF*0..]->(:Organization {id: $unit}) }
            END AS contactVisible""";

    record Existing(String id, String contentHash, String sealedReceipt, String number) {
    }

    record CaseRef(String id, String status, String pushKey, String routedUnitId) {
    }

    private final Driver driver;

    ComplaintStore(Driver driver) {
        this.driver = driver;
    }

    Optional<Existing> bySubmissionKey(String key) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (c:Complaint {submissionKey: $key})
                    RETURN c.id AS id, c.contentHash AS hash, c.sealedReceipt AS sealed, c.number AS number""",
                    Map.of("key", key)).list(r -> new Existing(r.get("id").asString(), r.get("hash").asString(),
                    r.get("sealed").asString(), r.get("number").asString()))).stream().findFirst();
        }
    }

    /**
     * Creates complaints in one statement. Each row holds {@code i} (its place in the caller's list), {@code c}
     * (the complaint's properties), {@code photos} and {@code stepId}; returns, by {@code i}, the name of the unit
     * each is routed to (null when none).
     */
    Map<Integer, String> create(TransactionContext tx, List<Map<String, Object>> rows, Instant now) {
        var names = new HashMap<Integer, String>();
        tx.run("""
                UNWIND $rows AS r
                CREATE (c:Complaint) SET c = r.c
                WITH r, c
                OPTIONAL MATCH (o:Organization {id: c.routedUnitId})
                FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (c)-[:ROUTED_TO]->(o))
                CREATE (:ComplaintStep {id: r.stepId, complaintId: c.id, status: 'RECEIVED', note: c.routing, at: $now})
                WITH r, c, o
                CALL (r, c) {
                  MATCH (p:Photo) WHERE p.id IN r.photos AND p.complaintId IS NULL
                  SET p.complaintId = c.id
                }
                RETURN r.i AS i, o.name AS name
                """, Map.of("rows", rows, "now", now.toEpochMilli()))
                .forEachRemaining(r -> names.put(r.get("i").asInt(), r.get("name").asString(null)));
        return names;
    }

    /**
     * For each row ({@code i}, {@code unit}, {@code window}, {@code post}, {@code item}, {@code area}, {@code photos},
     * {@code submissionKey}, {@code number}): which references exist (booleans unit, window, post, item, area;
     * unitName and windowName), which photos are free, whether a complaint with that submission key is stored
     * (submitted) and whether the case number is taken (numberTaken). One query.
     */
    List<Record> references(TransactionContext tx, List<Map<String, Object>> rows) {
        return tx.run("""
                UNWIND $rows AS r
                OPTIONAL MATCH (u:Organization {id: r.unit})
                OPTIONAL MATCH (w:Organization {id: r.window})
                RETURN r.i AS i, u IS NOT NULL AS unit, u.name AS unitName, w IS NOT NULL AS window, w.name AS windowName,
                       EXISTS { MATCH (p:Post) WHERE p.id = r.post } AS post,
                       EXISTS { MATCH (x:PowerItem) WHERE x.id = r.item } AS item,
                       EXISTS { MATCH (a:Area) WHERE a.id = r.area } AS area,
                       COLLECT { MATCH (p:Photo) WHERE p.id IN r.photos AND p.complaintId IS NULL RETURN p.id } AS photos,
                       EXISTS { MATCH (c:Complaint) WHERE c.submissionKey = r.submissionKey } AS submitted,
                       EXISTS { MATCH (c:Complaint) WHERE c.number = r.number } AS numberTaken
                ORDER BY i""", Map.of("rows", rows)).list();
    }

    /** Those of the case numbers that are taken. */
    Set<String> takenNumbers(TransactionContext tx, Collection<String> numbers) {
        return new HashSet<>(tx.run("MATCH (c:Complaint) WHERE c.number IN $numbers RETURN c.number AS n",
                Map.of("numbers", List.copyOf(numbers))).list(r -> r.get("n").asString()));
    }

    List<String> existing(String label, Collection<String> ids) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> existing(tx, label, ids));
        }
    }

    List<String> existing(TransactionContext tx, String label, Collection<String> ids) {
        return tx.run("MATCH (n:" + label + ") WHERE n.id IN $ids RETURN n.id AS id", Map.of("ids", List.copyOf(ids)))
                .list(r -> r.get("id").asString());
    }

    Optional<CaseRef> byReceiptHash(String hash) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> ref(tx, "c.receiptHash = $v", hash));
        }
    }

    Optional<CaseRef> ref(TransactionContext tx, String where, String value) {
        return tx.run("MATCH (c:Complaint) WHERE " + where
                        + " RETURN c.id AS id, c.status AS status, c.pushKey AS pushKey, c.routedUnitId AS unit",
                Map.of("v", value)).list(r -> new CaseRef(r.get("id").asString(), r.get("status").asString(),
                r.get("pushKey").asString(null), r.get("unit").asString(null))).stream().findFirst();
    }

    /** The case as its citizen sees it; conclusion and answer only if given since the last reopen. */
    CitizenView citizenView(String id) {
        Record r;
        try (var session = driver.session()) {
            r = session.executeRead(tx -> tx.run("""
                    MATCH (c:Complaint {id: $id})
                    OPTIONAL MATCH (c)-[:ROUTED_TO]->(o)
                    CALL (c) {
                      OPTIONAL MATCH (s:ComplaintStep {complaintId: c.id})
                      RETURN max(CASE WHEN s.status = 'REOPENED' THEN s.at END) AS reopenedAt,
                             max(CASE WHEN s.status = 'CONCLUDED' THEN s.at END) AS concludedAt,
                             max(CASE WHEN s.status = 'ANSWERED' THEN s.at END) AS answeredAt
                    }
                    RETURN c.number AS number, c.category AS category, c.status AS status, c.receivedAt AS receivedAt,
                           o.name AS unitName, o.id AS unitId, c.description AS description, c.place AS place,
                           c.photoIds AS photoIds, c.dueAt AS dueAt,
                           CASE WHEN reopenedAt IS NULL OR concludedAt > reopenedAt THEN c.conclusion END AS conclusion,
                           CASE WHEN reopenedAt IS NULL OR answeredAt > reopenedAt THEN c.answer END AS answer""",
                    Map.of("id", id)).single());
        }
        return new CitizenView(id, r.get("number").asString(), r.get("category").asString(), r.get("status").asString(),
                TimeKeys.utc(r.get("receivedAt").asLong()), r.get("unitName").asString(null), r.get("unitId").asString(null),
                r.get("description").asString(), r.get("place").asString(null), strings(r.get("photoIds")),
                r.get("dueAt").isNull() ? null : TimeKeys.utc(r.get("dueAt").asLong()),
                r.get("conclusion").asString(null), r.get("answer").asString(null),
                messages(List.of(id)).getOrDefault(id, List.of()));
    }

    /** What anyone may know of cases: by number, or the published ones; description and answer only once published. */
    List<PublicCase> publicCases(String number, String category, int limit) {
        var params = new HashMap<String, Object>();
        params.put("number", number);
        params.put("category", category);
        params.put("limit", limit);
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (c:Complaint)
                    WHERE ($number IS NOT NULL AND c.number = $number)
                       OR ($number IS NULL AND c.status = 'PUBLISHED' AND ($category IS NULL OR c.category = $category))
                    WITH c ORDER BY c.key DESC LIMIT $limit
                    OPTIONAL MATCH (c)-[:ROUTED_TO]->(o)
                    OPTIONAL MATCH (s:ComplaintStep {complaintId: c.id})
                    WITH c, o, max(s.at) AS updated
                    RETURN c.number AS number, c.category AS category, c.status AS status, c.receivedAt AS receivedAt,
                           updated, o.name AS unit,
                           CASE WHEN c.status = 'PUBLISHED' THEN c.description END AS description,
                           CASE WHEN c.status = 'PUBLISHED' THEN c.answer END AS answer""", params)
                    .list(r -> new PublicCase(r.get("number").asString(), r.get("category").asString(), r.get("status").asString(),
                            r.get("receivedAt").asLong(), r.get("updated").isNull() ? null : r.get("updated").asLong(),
                            r.get("unit").asString(null), r.get("description").asString(null), r.get("answer").asString(null))));
        }
    }

    MessageView addMessage(TransactionContext tx, String complaintId, String author, String by, String body, Instant now) {
        var id = UUID.randomUUID().toString();
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("complaintId", complaintId);
        params.put("author", author);
        params.put("by", by);
        params.put("body", body);
        params.put("at", now.toEpochMilli());
        tx.run("CREATE (:ComplaintMessage {id: $id, complaintId: $complaintId, author: $author, by: $by, body: $body, at: $at})",
                params).consume();
        return new MessageView(id, author, body, TimeKeys.utc(now.toEpochMilli()));
    }

    /** Gives the case a push key unless it has one; returns the key it has. */
    String pushKey(String id) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                // lock first, so that two phones opting in at once share one key
                GraphLocks.node(tx, "Complaint", id);
                return tx.run("MATCH (c:Complaint {id: $id}) SET c.pushKey = coalesce(c.pushKey, $k) RETURN c.pushKey AS k",
                        Map.of("id", id, "k", UUID.randomUUID().toString())).single().get("k").asString();
            });
        }
    }

    Map<String, List<MessageView>> messages(Collection<String> complaintIds) {
        return byComplaint("""
                MATCH (m:ComplaintMessage) WHERE m.complaintId IN $ids
                RETURN m.complaintId AS c, m.id AS id, m.author AS author, m.body AS body, m.at AS at ORDER BY m.at, m.id""",
                complaintIds, r -> new MessageView(r.get("id").asString(), r.get("author").asString(), r.get("body").asString(),
                        TimeKeys.utc(r.get("at").asLong())));
    }

    Map<String, List<StepView>> steps(Collection<String> complaintIds) {
        return byComplaint("""
                MATCH (s:ComplaintStep) WHERE s.complaintId IN $ids
                RETURN s.complaintId AS c, s.status AS status, s.by AS by, s.note AS note, s.at AS at ORDER BY s.at, s.id""",
                complaintIds, r -> new StepView(r.get("status").asString(), r.get("by").asString(null),
                        r.get("note").asString(null), TimeKeys.utc(r.get("at").asLong())));
    }

    /** Rows of a query over $ids, grouped by their complaint id (column c), in query order. */
    private <T> Map<String, List<T>> byComplaint(String query, Collection<String> complaintIds, Function<Record, T> row) {
        var out = new HashMap<String, List<T>>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run(query, Map.of("ids", List.copyOf(complaintIds))).list())
                    .forEach(r -> out.computeIfAbsent(r.get("c").asString(), k -> new ArrayList<>()).add(row.apply(r)));
        }
        return out;
    }

    /** A write refused by a uniqueness constraint (a retried submission, a case already rated). */
    static boolean isDuplicate(ClientException e) {
        return e.code() != null && e.code().contains("ConstraintValidationFailed");
    }

    /** A page of complaints the scope may see, newest first; each returned complaint is audited as listed. */
    List<HandlerView> page(HandlerScope scope, Map<String, Object> filter, String before, int limit, Instant now) {
        var params = scoped(scope, now);
        params.putAll(filter);
        params.put("before", before);
        params.put("limit", limit);
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var views = tx.run("MATCH (c:Complaint) WHERE " + VISIBLE + """
                          AND ($before IS NULL OR c.key < $before)
                          AND ($statuses IS NULL OR c.status IN $statuses)
                          AND ($triageOnly = false OR c.routedUnitId IS NULL)
                          AND ($overdueOnly = false OR (c.dueAt < $now AND c.status <> 'PUBLISHED'))
                          AND ($filterUnit IS NULL OR EXISTS {
                                MATCH (:Organization {id: c.routedUnitId})-[:PART_OF*0..]->(:Organization {id: $filterUnit}) })
                        WITH c ORDER BY c.key DESC LIMIT $limit
                        RETURN c {.*} AS c, """ + CONTACT_VISIBLE, params).list(r -> view(r, now));
                audit(tx, scope.username(), "list", views.stream().map(HandlerView::id).toList(), now);
                return views;
            });
        }
    }

    Optional<HandlerView> read(TransactionContext tx, HandlerScope scope, String id, Instant now) {
        var params = scoped(scope, now);
        params.put("id", id);
        return tx.run("MATCH (c:Complaint {id: $id}) WHERE " + VISIBLE + " RETURN c {.*} AS c, " + CONTACT_VISIBLE, params)
                .list(r -> view(r, now)).stream().findFirst();
    }

    void audit(TransactionContext tx, String username, String action, List<String> complaintIds, Instant now) {
        if (complaintIds.isEmpty()) {
            return;
        }
        var rows = complaintIds.stream().map(id -> Map.of("id", id, "key",
                TimeKeys.key(now.toEpochMilli(), UUID.randomUUID().toString()))).toList();
        var params = new HashMap<String, Object>();
        params.put("rows", rows);
        params.put("user", username);
        params.put("action", action);
        params.put("at", now.toEpochMilli());
        tx.run("""
                UNWIND $rows AS r
                CREATE (:ComplaintAccess {complaintId: r.id, username: $user, action: $action, at: $at, key: r.key})""",
                params).consume();
    }

    List<AuditView> auditPage(String complaintId, String before, int limit) {
        var params = new HashMap<String, Object>();
        params.put("id", complaintId);
        params.put("before", before);
        params.put("limit", limit);
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (a:ComplaintAccess) WHERE a.complaintId = $id AND ($before IS NULL OR a.key < $before)
                    WITH a ORDER BY a.key DESC LIMIT $limit
                    RETURN a.username AS u, a.action AS action, a.at AS at, a.key AS key""", params)
                    .list(r -> new AuditView(r.get("u").asString(), r.get("action").asString(),
                            TimeKeys.utc(r.get("at").asLong()), r.get("key").asString())));
        }
    }

    /** Per child unit of {@code parentId} (top-level units when null), complaints routed to its subtree. */
    List<StatsView> stats(String parentId, String after, int limit, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("parent", parentId);
        params.put("after", after);
        params.put("limit", limit);
        params.put("now", now.toEpochMilli());
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (u:Organization)
                    WHERE ($parent IS NULL AND NOT (u)-[:PART_OF]->()) OR ($parent IS NOT NULL AND (u)-[:PART_OF]->(:Organization {id: $parent}))
                    WITH u WHERE $after IS NULL OR u.id > $after
                    WITH u ORDER BY u.id LIMIT $limit
                    CALL (u) {
                      OPTIONAL MATCH (u)<-[:PART_OF*0..]-(:Organization)<-[:ROUTED_TO]-(c:Complaint)
                      WITH DISTINCT c
                      RETURN count(c) AS received,
                             count(CASE WHEN c.status IN ['ANSWERED', 'PUBLISHED'] THEN 1 END) AS closed,
                             count(CASE WHEN c.dueAt < $now AND c.status <> 'PUBLISHED' THEN 1 END) AS overdue
                    }
                    RETURN u.id AS id, received, closed, overdue""", params).list(r -> {
                int received = r.get("received").asInt();
                int closed = r.get("closed").asInt();
                return new StatsView(r.get("id").asString(), received, closed,
                        received == 0 ? null : (double) closed / received, r.get("overdue").asInt());
            }));
        }
    }

    boolean unitWithin(String unitId, String ancestorId) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    RETURN EXISTS { MATCH (:Organization {id: $u})-[:PART_OF*0..]->(:Organization {id: $a}) } AS within""",
                    Map.of("u", unitId, "a", ancestorId)).single().get("within").asBoolean());
        }
    }

    static HashMap<String, Object> scoped(HandlerScope scope, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("all", scope.all());
        params.put("unit", scope.unitId());
        params.put("office", scope.office());
        params.put("now", now.toEpochMilli());
        return params;
    }

    static HandlerView view(Record r, Instant now) {
        var c = r.get("c");
        Long due = c.get("dueAt").isNull() ? null : c.get("dueAt").asLong();
        var status = c.get("status").asString();
        var contact = !r.get("contactVisible").asBoolean() || c.get("contactName").isNull() && c.get("contactPhone").isNull() ? null
                : new ContactView(c.get("contactName").asString(null), c.get("contactPhone").asString(null));
        return new HandlerView(c.get("id").asString(), c.get("number").asString(), c.get("category").asString(), status,
                c.get("description").asString(), c.get("occurredAt").isNull() ? null : TimeKeys.utc(c.get("occurredAt").asLong()),
                c.get("place").asString(null), c.get("areaId").asString(null),
                new ComplaintTarget(c.get("targetUnitId").asString(null), c.get("targetWindowId").asString(null),
                        c.get("targetPostId").asString(null), c.get("badgeNumber").asString(null),
                        c.get("powerItemId").asString(null), c.get("matterText").asString(null), c.get("matterId").asString(null)),
                contact, strings(c.get("photoIds")), c.get("routedUnitId").asString(null), c.get("routing").asString(),
                c.get("findingId").asString(null), strings(c.get("suggestedUnitIds")), c.get("conclusion").asString(null),
                c.get("serious").asBoolean(false), c.get("answer").asString(null), TimeKeys.utc(c.get("receivedAt").asLong()),
                TimeKeys.utc(due), due != null && due < now.toEpochMilli() && !status.equals("PUBLISHED"),
                c.get("escalations").asInt(0), c.get("key").asString());
    }

    private static List<String> strings(Value v) {
        return v.isNull() ? List.of() : v.asList(Value::asString);
    }
}
