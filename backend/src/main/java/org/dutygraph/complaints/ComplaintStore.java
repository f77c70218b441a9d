package org.dutygraph.complaints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.dutygraph.complaints.ComplaintViews.AuditView;
import org.dutygraph.complaints.ComplaintViews.ContactView;
import org.dutygraph.complaints.ComplaintViews.HandlerView;
import org.dutygraph.complaints.ComplaintViews.MessageView;
import org.dutygraph.complaints.ComplaintViews.StatsView;
import org.dutygraph.complaints.ComplaintViews.StepView;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.i18n.TextJson;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Complaints as case handlers see and change them (model: graph-schema/docs/model.md): scoped reads, the
 * lifecycle's steps, messages, the audit trail, statistics. Each call joins the caller's transaction when there
 * is one.
 */
@Component
class ComplaintStore {

    /** Cypher predicate on {@code c}: may the handler in $all/$unit see it. */
    private static final String VISIBLE = """
            ($all OR ($unit IS NOT NULL AND c.routedUnitId IS NOT NULL
                      AND EXISTS { MATCH (:Organization {id: c.routedUnitId})-[:PART_OF*0..]->(:Organization {id: $unit}) }))""";

    /**
     * The handling unit sees how to reach a citizen who chose to identify; the office does for its triage queue. Never
     * the person the complaint names: the one with the badge given, or anyone who holds or held the post given (the
     * complainant's fear is retaliation by the one complained about, who may work in the handling unit).
     */
    private static final String CONTACT_VISIBLE = """
            (CASE WHEN c.routedUnitId IS NULL THEN $office
                 ELSE $unit IS NOT NULL AND EXISTS { MATCH (:Organization {id: c.routedUnitId})-[:PART_OF*0..]->(:Organization {id: $unit}) }
            END
            AND NOT ($person IS NOT NULL
                     AND (c.badgeNumber = $person
                          OR EXISTS { MATCH (:Person {id: $person})-[:HOLDS]->(:Post {id: c.targetPostId}) })))
            AS contactVisible""";

    /** Which complaints a handler's list shows; null or false filters nothing. */
    record HandlerFilter(List<String> statuses, String unitId, boolean triageOnly, boolean overdueOnly) {}

    /**
     * A change of status as case handling decided it, applied only while the case is still in {@code from}.
     *
     * @param due the deadline of the new status, null for none
     */
    record StepChange(
            String id,
            String from,
            String to,
            String unitId,
            String conclusion,
            boolean serious,
            String answer,
            Instant due,
            Instant at,
            String by,
            String note) {}

    /** A case's key for its followers' pushes; {@code pushKey} is null when nobody follows it. */
    record FollowKey(String pushKey) {}

    private final Neo4jClient neo4j;

    ComplaintStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A page of complaints the scope may see, newest first. */
    List<HandlerView> page(HandlerScope scope, HandlerFilter filter, String before, int limit, Instant now) {
        var params = scoped(scope, now);
        params.put("statuses", filter.statuses());
        params.put("filterUnit", filter.unitId());
        params.put("triageOnly", filter.triageOnly());
        params.put("overdueOnly", filter.overdueOnly());
        params.put("before", before);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("MATCH (c:Complaint) WHERE " + VISIBLE + """
                          AND ($before IS NULL OR c.key < $before)
                          AND ($statuses IS NULL OR c.status IN $statuses)
                          AND ($triageOnly = false OR c.routedUnitId IS NULL)
                          AND ($overdueOnly = false OR (c.dueAt < $now AND c.status <> 'PUBLISHED'))
                          AND ($filterUnit IS NULL OR EXISTS {
                                MATCH (:Organization {id: c.routedUnitId})-[:PART_OF*0..]->(:Organization {id: $filterUnit}) })
                        WITH c ORDER BY c.key DESC LIMIT $limit
                        RETURN c {.*} AS c, """ + CONTACT_VISIBLE)
                .bindAll(params)
                .fetchAs(HandlerView.class)
                .mappedBy((types, r) -> view(r, now))
                .all());
    }

    Optional<HandlerView> read(HandlerScope scope, String id, Instant now) {
        var params = scoped(scope, now);
        params.put("id", id);
        return neo4j.query("MATCH (c:Complaint {id: $id}) WHERE " + VISIBLE + " RETURN c {.*} AS c, " + CONTACT_VISIBLE)
                .bindAll(params)
                .fetchAs(HandlerView.class)
                .mappedBy((types, r) -> view(r, now))
                .first();
    }

    /** The case's follow key; empty when there is no such case. */
    Optional<FollowKey> followKey(String id) {
        return neo4j.query("MATCH (c:Complaint {id: $id}) RETURN c.pushKey AS pushKey")
                .bind(id)
                .to("id")
                .fetchAs(FollowKey.class)
                .mappedBy((types, r) -> new FollowKey(r.get("pushKey").asString(null)))
                .first();
    }

    /**
     * Moves the case to the new status (and to the unit, if another), sets the outcome and the next deadline, and
     * records the step with its outcome; returns the case's follow key, empty when the case is no longer in
     * {@code from}.
     */
    Optional<FollowKey> apply(StepChange step) {
        var params = new HashMap<String, Object>();
        params.put("id", step.id());
        params.put("from", step.from());
        params.put("to", step.to());
        params.put("unit", step.unitId());
        params.put("conclusion", step.conclusion());
        params.put("serious", step.serious());
        params.put("answer", step.answer());
        params.put("due", step.due() == null ? null : step.due().toEpochMilli());
        params.put("now", step.at().toEpochMilli());
        params.put("by", step.by());
        params.put("note", step.note());
        return neo4j.query("""
                        MATCH (c:Complaint {id: $id}) WHERE c.status = $from
                        SET c.status = $to, c.conclusion = $conclusion, c.serious = $serious, c.answer = $answer,
                            c.dueAt = $due, c.nextEscalationAt = $due, c.concludedAt = CASE WHEN $to = 'CONCLUDED' THEN $now ELSE c.concludedAt END
                        WITH c
                        CALL (c) {
                          WITH c WHERE c.routedUnitId IS NULL OR c.routedUnitId <> $unit
                          OPTIONAL MATCH (c)-[old:ROUTED_TO]->() DELETE old
                          WITH DISTINCT c
                          MATCH (o:Organization {id: $unit}) CREATE (c)-[:ROUTED_TO]->(o) SET c.routedUnitId = $unit
                        }
                        CREATE (s:ComplaintStep {id: randomUUID(), complaintId: c.id, status: $to, by: $by, note: $note, at: $now})
                        // each round's outcome stays on its step, so that after a reopen the citizen sees it as superseded
                        SET s.conclusion = CASE WHEN $to = 'CONCLUDED' THEN $conclusion END,
                            s.answer = CASE WHEN $to = 'ANSWERED' THEN $answer END
                        RETURN c.pushKey AS pushKey""")
                .bindAll(params)
                .fetchAs(FollowKey.class)
                .mappedBy((types, r) -> new FollowKey(r.get("pushKey").asString(null)))
                .first();
    }

    boolean unitExists(String unitId) {
        return neo4j.query("MATCH (o:Organization {id: $id}) RETURN count(o) > 0 AS found")
                .bind(unitId)
                .to("id")
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }

    void audit(String username, String action, List<String> complaintIds, Instant now) {
        if (complaintIds.isEmpty()) {
            return;
        }
        var rows = complaintIds.stream()
                .map(id -> Map.of(
                        "id",
                        id,
                        "key",
                        TimeKeys.key(now.toEpochMilli(), UUID.randomUUID().toString())))
                .toList();
        var params = new HashMap<String, Object>();
        params.put("rows", rows);
        params.put("user", username);
        params.put("action", action);
        params.put("at", now.toEpochMilli());
        neo4j.query("""
                        UNWIND $rows AS r
                        CREATE (:ComplaintAccess {complaintId: r.id, username: $user, action: $action, at: $at, key: r.key})""").bindAll(params).run();
    }

    List<AuditView> auditPage(String complaintId, String before, int limit) {
        var params = new HashMap<String, Object>();
        params.put("id", complaintId);
        params.put("before", before);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (a:ComplaintAccess) WHERE a.complaintId = $id AND ($before IS NULL OR a.key < $before)
                        WITH a ORDER BY a.key DESC LIMIT $limit
                        RETURN a.username AS u, a.action AS action, a.at AS at, a.key AS key""")
                .bindAll(params)
                .fetchAs(AuditView.class)
                .mappedBy((types, r) -> new AuditView(
                        r.get("u").asString(),
                        r.get("action").asString(),
                        TimeKeys.utc(r.get("at").asLong()),
                        r.get("key").asString()))
                .all());
    }

    MessageView addMessage(String complaintId, String author, String by, String body, Instant now) {
        var id = UUID.randomUUID().toString();
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("complaintId", complaintId);
        params.put("author", author);
        params.put("by", by);
        params.put("body", body);
        params.put("at", now.toEpochMilli());
        neo4j.query(
                        "CREATE (:ComplaintMessage {id: $id, complaintId: $complaintId, author: $author, by: $by, body: $body, at: $at})")
                .bindAll(params)
                .run();
        return new MessageView(id, author, body, TimeKeys.utc(now.toEpochMilli()));
    }

    /** The messages of each case, oldest first. */
    Map<String, List<MessageView>> messages(Collection<String> complaintIds) {
        return byComplaint(
                """
                MATCH (m:ComplaintMessage) WHERE m.complaintId IN $ids
                RETURN m.complaintId AS c, m.id AS id, m.author AS author, m.body AS body, m.at AS at ORDER BY m.at, m.id""",
                complaintIds,
                r -> new MessageView(
                        r.get("id").asString(),
                        r.get("author").asString(),
                        r.get("body").asString(),
                        TimeKeys.utc(r.get("at").asLong())));
    }

    /** The steps of each case (who, when, notes), oldest first. */
    Map<String, List<StepView>> steps(Collection<String> complaintIds) {
        return byComplaint(
                """
                MATCH (s:ComplaintStep) WHERE s.complaintId IN $ids
                RETURN s.complaintId AS c, s.status AS status, s.by AS by, s.note AS note, s.noteText AS noteText, s.at AS at
                ORDER BY s.at, s.id""",
                complaintIds,
                r -> new StepView(
                        r.get("status").asString(),
                        r.get("by").asString(null),
                        TextJson.read(
                                r.get("noteText").asString(null), r.get("note").asString(null)),
                        TimeKeys.utc(r.get("at").asLong())));
    }

    /**
     * Why each case's suggested units were suggested, in the order of its suggestedUnitIds, in the reader's language;
     * complaints routed before reasons were kept as texts have their words.
     */
    Map<String, List<Text>> suggestionReasons(Collection<String> complaintIds) {
        var out = new HashMap<String, List<Text>>();
        byComplaint(
                        """
                MATCH (c:Complaint) WHERE c.id IN $ids
                RETURN c.id AS c, coalesce(c.suggestionReasons, []) AS reasons, c.suggestionReasonTexts AS texts""",
                        complaintIds,
                        r -> reasons(
                                r.get("reasons").asList(Value::asString),
                                r.get("texts").isNull()
                                        ? List.of()
                                        : r.get("texts").asList(Value::asString)))
                .forEach((id, rows) -> out.put(id, rows.get(0)));
        return out;
    }

    private static List<Text> reasons(List<String> words, List<String> texts) {
        var out = new ArrayList<Text>(words.size());
        for (int i = 0; i < words.size(); i++) {
            out.add(TextJson.read(i < texts.size() ? texts.get(i) : null, words.get(i)));
        }
        return out;
    }

    /** Rows of a query over $ids, grouped by their complaint id (column c), in query order. */
    private <T> Map<String, List<T>> byComplaint(
            String cypher, Collection<String> complaintIds, Function<Record, T> row) {
        var out = new HashMap<String, List<T>>();
        neo4j.delegateTo(runner -> Optional.of(runner.run(cypher, Map.of("ids", List.copyOf(complaintIds)))
                        .list(r -> Map.entry(r.get("c").asString(), row.apply(r)))))
                .run()
                .orElseThrow()
                .forEach(e ->
                        out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** Per child unit of {@code parentId} (top-level units when null), complaints routed to its subtree. */
    List<StatsView> stats(String parentId, String after, int limit, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("parent", parentId);
        params.put("after", after);
        params.put("limit", limit);
        params.put("now", now.toEpochMilli());
        return List.copyOf(neo4j.query("""
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
                        RETURN u.id AS id, received, closed, overdue""")
                .bindAll(params)
                .fetchAs(StatsView.class)
                .mappedBy((types, r) -> {
                    int received = r.get("received").asInt();
                    int closed = r.get("closed").asInt();
                    return new StatsView(
                            r.get("id").asString(),
                            received,
                            closed,
                            received == 0 ? null : (double) closed / received,
                            r.get("overdue").asInt());
                })
                .all());
    }

    boolean unitWithin(String unitId, String ancestorId) {
        return neo4j.query("""
                        RETURN EXISTS { MATCH (:Organization {id: $u})-[:PART_OF*0..]->(:Organization {id: $a}) } AS within""")
                .bindAll(Map.of("u", unitId, "a", ancestorId))
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }

    private static HashMap<String, Object> scoped(HandlerScope scope, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("all", scope.all());
        params.put("unit", scope.unitId());
        params.put("office", scope.office());
        params.put("person", scope.personId());
        params.put("now", now.toEpochMilli());
        return params;
    }

    private static HandlerView view(Record r, Instant now) {
        var c = r.get("c");
        Long due = c.get("dueAt").isNull() ? null : c.get("dueAt").asLong();
        var status = c.get("status").asString();
        var contact = !r.get("contactVisible").asBoolean()
                        || c.get("contactName").isNull()
                                && c.get("contactPhone").isNull()
                ? null
                : new ContactView(
                        c.get("contactName").asString(null),
                        c.get("contactPhone").asString(null));
        return new HandlerView(
                c.get("id").asString(),
                c.get("number").asString(),
                c.get("category").asString(),
                status,
                c.get("description").asString(),
                c.get("occurredAt").isNull()
                        ? null
                        : TimeKeys.utc(c.get("occurredAt").asLong()),
                c.get("place").asString(null),
                c.get("areaId").asString(null),
                new ComplaintTarget(
                        c.get("targetUnitId").asString(null),
                        c.get("targetWindowId").asString(null),
                        c.get("targetPostId").asString(null),
                        c.get("badgeNumber").asString(null),
                        c.get("powerItemId").asString(null),
                        c.get("matterText").asString(null),
                        c.get("matterId").asString(null)),
                contact,
                strings(c.get("photoIds")),
                c.get("routedUnitId").asString(null),
                TextJson.read(
                        c.get("routingText").asString(null), c.get("routing").asString()),
                c.get("findingId").asString(null),
                strings(c.get("suggestedUnitIds")),
                c.get("conclusion").asString(null),
                c.get("serious").asBoolean(false),
                c.get("answer").asString(null),
                TimeKeys.utc(c.get("receivedAt").asLong()),
                TimeKeys.utc(due),
                due != null && due < now.toEpochMilli() && !status.equals("PUBLISHED"),
                c.get("escalations").asInt(0),
                c.get("key").asString());
    }

    static List<String> strings(Value v) {
        return v.isNull() ? List.of() : v.asList(Value::asString);
    }
}
