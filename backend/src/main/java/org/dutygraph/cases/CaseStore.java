package org.dutygraph.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.cases.CaseViews.Appeal;
import org.dutygraph.cases.CaseViews.CaseView;
import org.dutygraph.cases.CaseViews.ChainLink;
import org.dutygraph.cases.CaseViews.Decision;
import org.dutygraph.cases.CaseViews.Named;
import org.dutygraph.cases.CaseViews.SituationRef;
import org.dutygraph.cases.CaseViews.Source;
import org.dutygraph.cases.CaseViews.Statement;
import org.dutygraph.cases.CaseViews.Step;
import org.dutygraph.org.read.Holdings;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * {@code AccountabilityCase} nodes with their {@code CaseStep} (audit) and {@code CaseStatement} nodes. A case keeps the
 * post, person, situation and chain of the day of the act as properties: people move, the record must not.
 */
@Component
class CaseStore {

    /** Leadership roles: their holders see the cases of the units they lead and the units under them. */
    private static final List<String> LEADING = List.of("principal", "deputy", "head", "deputy_head");

    /**
     * What a page of cases asks for; {@code units} null: any unit; {@code personId}: only that person's cases;
     * {@code withDrafts}: also cases never registered (drafts, and drafts dismissed as no matter for accountability).
     */
    record Query(List<String> statuses, String sourceKind, List<String> units, String personId, boolean withDrafts) {}

    private final Neo4jClient neo4j;

    CaseStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The next {@code count} case numbers of the year, e.g. AC-2026-0007 (call under the case-number lock). */
    List<String> nextNumbers(int year, int count) {
        long last = neo4j.query("""
                        MERGE (c:CaseCounter {year: $year}) SET c.next = coalesce(c.next, 0) + $count
                        RETURN c.next AS n""")
                .bindAll(Map.of("year", year, "count", count))
                .fetchAs(Long.class)
                .one()
                .orElseThrow();
        return java.util.stream.LongStream.rangeClosed(last - count + 1, last)
                .mapToObj(n -> "AC-%d-%04d".formatted(year, n))
                .toList();
    }

    /** Of these sources ([kind, source id]), those that already have a case, each as {@link #sourceKey}. */
    java.util.Set<String> openedSources(List<List<String>> sources) {
        return java.util.Set.copyOf(neo4j.query("""
                        UNWIND $sources AS s
                        MATCH (c:AccountabilityCase {sourceKind: s[0], sourceId: s[1]})
                        RETURN DISTINCT s[0] AS kind, s[1] AS id""")
                .bind(sources)
                .to("sources")
                .fetchAs(String.class)
                .mappedBy((types, row) ->
                        sourceKey(row.get("kind").asString(), row.get("id").asString()))
                .all());
    }

    static String sourceKey(String kind, String sourceId) {
        return kind + '\u0000' + sourceId;
    }

    Optional<String> bySource(String kind, String sourceId) {
        return neo4j.query("MATCH (c:AccountabilityCase {sourceKind: $kind, sourceId: $id}) RETURN c.id AS id LIMIT 1")
                .bindAll(Map.of("kind", kind, "id", sourceId))
                .fetchAs(String.class)
                .one();
    }

    /** A case of this source against this post in one of these statuses, if any. */
    Optional<String> undecidedBySourceAndPost(String kind, String sourceId, String postId, List<String> statuses) {
        return neo4j.query("""
                        MATCH (c:AccountabilityCase {sourceKind: $kind, sourceId: $id})
                        WHERE c.postId = $post AND c.status IN $statuses
                        RETURN c.id AS id ORDER BY c.key LIMIT 1""")
                .bindAll(Map.of("kind", kind, "id", sourceId, "post", postId, "statuses", statuses))
                .fetchAs(String.class)
                .one();
    }

    /** Cases of this source kind, unit and situation whose act lies between the two days (both included). */
    long countSimilar(String kind, String unitId, String situationCode, LocalDate from, LocalDate to) {
        return neo4j.query("""
                        MATCH (c:AccountabilityCase {sourceKind: $kind, unitId: $unit, situationCode: $situation})
                        WHERE c.actDate >= $from AND c.actDate <= $to AND c.status <> 'DISMISSED'
                        RETURN count(c) AS n""")
                .bindAll(Map.of(
                        "kind",
                        kind,
                        "unit",
                        unitId,
                        "situation",
                        situationCode,
                        "from",
                        from.toString(),
                        "to",
                        to.toString()))
                .fetchAs(Long.class)
                .one()
                .orElse(0L);
    }

    /** Whether the case was already extended to this leader's post. */
    boolean jointExists(String caseId, String postId) {
        return neo4j.query("""
                        MATCH (c:AccountabilityCase {sourceKind: 'JOINT', sourceId: $case, postId: $post}) RETURN count(c) > 0 AS e""")
                .bindAll(Map.of("case", caseId, "post", postId))
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }

    void createAll(List<Map<String, Object>> properties) {
        neo4j.query("UNWIND $rows AS props CREATE (c:AccountabilityCase) SET c = props")
                .bind(properties)
                .to("rows")
                .run();
    }

    /** Sets these properties (null removes one). */
    void update(String id, Map<String, Object> changes) {
        neo4j.query("MATCH (c:AccountabilityCase {id: $id}) SET c += $changes")
                .bindAll(Map.of("id", id, "changes", changes))
                .run();
    }

    Optional<CaseView> get(String id, Instant now) {
        return neo4j.query("MATCH (c:AccountabilityCase {id: $id}) RETURN c")
                .bind(id)
                .to("id")
                .fetchAs(CaseView.class)
                .mappedBy((types, row) -> view(row.get("c"), now))
                .one();
    }

    List<CaseView> page(Query q, String after, int limit, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("statuses", q.statuses());
        params.put("kind", q.sourceKind());
        params.put("units", q.units());
        params.put("person", q.personId());
        params.put("drafts", q.withDrafts());
        params.put("after", after);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (c:AccountabilityCase)
                        WHERE ($after IS NULL OR c.key > $after) AND ($statuses IS NULL OR c.status IN $statuses)
                          AND ($kind IS NULL OR c.sourceKind = $kind) AND ($units IS NULL OR c.unitId IN $units)
                          AND ($person IS NULL OR c.personId = $person) AND ($drafts OR c.registered)
                        RETURN c ORDER BY c.key LIMIT $limit""")
                .bindAll(params)
                .fetchAs(CaseView.class)
                .mappedBy((types, row) -> view(row.get("c"), now))
                .all());
    }

    /** The units the person leads on {@code day} (holding a post of a leading role there) and every unit under them. */
    List<String> ledUnits(String personId, LocalDate day) {
        return List.copyOf(neo4j.query("""
                        MATCH (:Person {id: $person})-[h:HOLDS]->(lead:Post)-[:IN_ORG]->(top:Organization)
                        WHERE lead.role IN $leading AND %s
                        MATCH (u:Organization)-[:PART_OF*0..]->(top)
                        RETURN DISTINCT u.id AS id""".formatted(Holdings.currentOn("h", "$day")))
                .bindAll(Map.of("person", personId, "day", day.toString(), "leading", LEADING))
                .fetchAs(String.class)
                .all());
    }

    /** A registered case as statistics count it: the measure is the one in force (an appeal's change included). */
    record Counted(
            String unitId,
            String unitName,
            String sourceKind,
            String situationCode,
            String situationWording,
            String measure,
            long openedAt,
            Long decidedAt) {}

    /** The units (of these; null: every unit) with registered cases opened in [from, to), after {@code after}, by id. */
    List<String> unitsWithCases(List<String> units, long from, long to, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("units", units);
        params.put("from", from);
        params.put("to", to);
        params.put("after", after);
        params.put("limit", limit);
        return List.copyOf(
                neo4j.query("""
                        MATCH (c:AccountabilityCase) WHERE c.openedAt >= $from AND c.openedAt < $to
                          AND c.registered AND c.unitId IS NOT NULL AND ($units IS NULL OR c.unitId IN $units)
                          AND ($after IS NULL OR c.unitId > $after)
                        RETURN DISTINCT c.unitId AS id ORDER BY id LIMIT $limit""").bindAll(params).fetchAs(String.class).all());
    }

    /** The registered cases (drafts and drafts dismissed unregistered left out) opened in [from, to) in these units (null: every unit). */
    List<Counted> counted(List<String> units, long from, long to) {
        var params = new HashMap<String, Object>();
        params.put("units", units);
        params.put("from", from);
        params.put("to", to);
        return List.copyOf(neo4j.query("""
                        MATCH (c:AccountabilityCase) WHERE c.openedAt >= $from AND c.openedAt < $to
                          AND c.registered AND ($units IS NULL OR c.unitId IN $units)
                        RETURN c.unitId AS unit, c.unitName AS unitName, c.sourceKind AS source,
                               c.situationCode AS situation, c.situationWording AS wording,
                               CASE WHEN c.appealOutcome = 'CHANGED' THEN c.appealMeasure ELSE c.decisionMeasure END
                                 AS measure,
                               c.openedAt AS openedAt, c.decidedAt AS decidedAt""")
                .bindAll(params)
                .fetchAs(Counted.class)
                .mappedBy((types, r) -> new Counted(
                        r.get("unit").asString(null),
                        r.get("unitName").asString(null),
                        r.get("source").asString(),
                        r.get("situation").asString(null),
                        r.get("wording").asString(null),
                        r.get("measure").asString(null),
                        r.get("openedAt").asLong(),
                        r.get("decidedAt").isNull() ? null : r.get("decidedAt").asLong()))
                .all());
    }

    /** Which of these ids are units. */
    List<String> existingUnits(List<String> ids) {
        return List.copyOf(neo4j.query("MATCH (o:Organization) WHERE o.id IN $ids RETURN o.id AS id")
                .bind(ids)
                .to("ids")
                .fetchAs(String.class)
                .all());
    }

    /** The unit's name ("" when it has none); empty when no unit has this id. */
    Optional<String> unitName(String unitId) {
        return neo4j.query("MATCH (o:Organization {id: $id}) RETURN coalesce(o.name, '') AS name")
                .bind(unitId)
                .to("id")
                .fetchAs(String.class)
                .one();
    }

    /** The unit's principal leader's post, else its head's (not dissolved). */
    Optional<String> leaderPost(String unitId) {
        return neo4j.query("""
                        MATCH (p:Post)-[:IN_ORG]->(:Organization {id: $unit})
                        WHERE p.role IN ['principal', 'head'] AND coalesce(p.status, 'active') <> 'dissolved'
                        RETURN p.id AS id ORDER BY CASE p.role WHEN 'principal' THEN 0 ELSE 1 END, p.id LIMIT 1""").bind(unitId).to("unit").fetchAs(String.class).one();
    }

    /** The unit a post is in: [id, name]. */
    Optional<Named> unitOfPost(String postId) {
        return neo4j.query(
                        "MATCH (:Post {id: $post})-[:IN_ORG]->(u:Organization) RETURN u.id AS id, u.name AS name LIMIT 1")
                .bind(postId)
                .to("post")
                .fetchAs(Named.class)
                .mappedBy((types, row) ->
                        new Named(row.get("id").asString(), row.get("name").asString(null)))
                .one();
    }

    /** {@link #unitOfPost} of each post in one query (an unknown post is left out). */
    Map<String, Named> unitsOfPosts(java.util.Collection<String> postIds) {
        var found = new HashMap<String, Named>();
        neo4j.query("""
                        UNWIND $posts AS post
                        CALL (post) { MATCH (:Post {id: post})-[:IN_ORG]->(u:Organization) RETURN u LIMIT 1 }
                        RETURN post, u.id AS id, u.name AS name""")
                .bind(List.copyOf(postIds))
                .to("posts")
                .fetchAs(Map.Entry.class)
                .mappedBy((types, row) -> Map.entry(
                        row.get("post").asString(),
                        new Named(row.get("id").asString(), row.get("name").asString(null))))
                .all()
                .forEach(e -> found.put((String) e.getKey(), (Named) e.getValue()));
        return found;
    }

    /** {@link #personName} of each person in one query (an unknown person is left out). */
    Map<String, String> personNames(java.util.Collection<String> personIds) {
        var found = new HashMap<String, String>();
        neo4j.query("UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN p.id AS id, coalesce(p.name, '') AS name")
                .bind(List.copyOf(personIds))
                .to("ids")
                .fetchAs(Map.Entry.class)
                .mappedBy((types, row) ->
                        Map.entry(row.get("id").asString(), row.get("name").asString()))
                .all()
                .forEach(e -> found.put((String) e.getKey(), (String) e.getValue()));
        return found;
    }

    Optional<String> personName(String personId) {
        return neo4j.query("MATCH (p:Person {id: $id}) RETURN coalesce(p.name, '') AS name")
                .bind(personId)
                .to("id")
                .fetchAs(String.class)
                .one();
    }

    void addStep(Step step) {
        addSteps(List.of(step));
    }

    void addSteps(List<Step> steps) {
        var rows = steps.stream()
                .map(step -> {
                    var row = new HashMap<String, Object>();
                    row.put("caseId", step.caseId());
                    row.put("action", step.action());
                    row.put("status", step.status());
                    row.put("by", step.by());
                    row.put("at", step.at().toInstant().toEpochMilli());
                    row.put("note", step.note());
                    row.put("key", step.key());
                    return row;
                })
                .toList();
        neo4j.query("""
                        UNWIND $rows AS s
                        CREATE (:CaseStep {caseId: s.caseId, action: s.action, status: s.status, by: s.by, at: s.at,
                                note: s.note, key: s.key})""").bind(rows).to("rows").run();
    }

    List<Step> steps(List<String> caseIds) {
        return List.copyOf(neo4j.query("MATCH (s:CaseStep) WHERE s.caseId IN $ids RETURN s ORDER BY s.key")
                .bind(caseIds)
                .to("ids")
                .fetchAs(Step.class)
                .mappedBy((types, row) -> {
                    var s = row.get("s");
                    return new Step(
                            s.get("caseId").asString(),
                            s.get("action").asString(),
                            s.get("status").asString(),
                            s.get("by").asString(null),
                            TimeKeys.utc(s.get("at").asLong()),
                            s.get("note").asString(null),
                            s.get("key").asString());
                })
                .all());
    }

    void addStatement(Statement statement) {
        neo4j.query("CREATE (:CaseStatement {caseId: $caseId, text: $text, at: $at, key: $key})")
                .bindAll(Map.of(
                        "caseId",
                        statement.caseId(),
                        "text",
                        statement.text(),
                        "at",
                        statement.submittedAt().toInstant().toEpochMilli(),
                        "key",
                        statement.key()))
                .run();
    }

    List<Statement> statements(List<String> caseIds) {
        return List.copyOf(neo4j.query("MATCH (s:CaseStatement) WHERE s.caseId IN $ids RETURN s ORDER BY s.key")
                .bind(caseIds)
                .to("ids")
                .fetchAs(Statement.class)
                .mappedBy((types, row) -> {
                    var s = row.get("s");
                    return new Statement(
                            s.get("caseId").asString(),
                            s.get("text").asString(),
                            TimeKeys.utc(s.get("at").asLong()),
                            s.get("key").asString());
                })
                .all());
    }

    private static CaseView view(Value c, Instant now) {
        var due = millis(c, "investigationDueAt");
        var status = c.get("status").asString();
        boolean overdue = due != null && status.equals("INVESTIGATING") && now.toEpochMilli() > due;
        var situation = c.get("situationCode").isNull()
                ? null
                : new SituationRef(
                        c.get("catalogueVersion").asInt(),
                        c.get("situationCode").asString(),
                        c.get("situationArea").asString(null),
                        c.get("situationWording").asString(null),
                        c.get("measureFrom").asString(null),
                        c.get("measureTo").asString(null),
                        c.get("suspendFirst").asBoolean(false));
        var decision = c.get("decisionMeasure").isNull()
                ? null
                : new Decision(
                        c.get("decisionMeasure").asString(),
                        c.get("decisionInRange").asBoolean(true),
                        c.get("decisionReason").asString(null),
                        c.get("outOfRangeReason").asString(null),
                        time(c, "decidedAt"));
        var appeal = c.get("appealGrounds").isNull()
                ? null
                : new Appeal(
                        c.get("appealGrounds").asString(),
                        time(c, "appealedAt"),
                        c.get("appealOutcome").asString(null),
                        c.get("appealMeasure").asString(null),
                        c.get("appealReason").asString(null),
                        time(c, "appealDecidedAt"));
        return new CaseView(
                c.get("id").asString(),
                c.get("number").asString(),
                status,
                new Source(
                        c.get("sourceKind").asString(),
                        c.get("sourceId").asString(null),
                        c.get("sourceReference").asString(null),
                        c.get("clueChannel").asString(null)),
                c.get("summary").asString(null),
                named(c, "unitId", "unitName"),
                named(c, "postId", "postLabel"),
                named(c, "personId", "personName"),
                c.get("actDate").isNull()
                        ? null
                        : LocalDate.parse(c.get("actDate").asString()),
                situation,
                chain(c),
                c.get("openedBy").asString(null),
                time(c, "openedAt"),
                time(c, "suspendedAt"),
                time(c, "investigationDueAt"),
                overdue,
                decision,
                time(c, "notifiedAt"),
                time(c, "appealDueAt"),
                appeal,
                time(c, "executedAt"),
                c.get("executionNote").asString(null),
                time(c, "closedAt"),
                c.get("dismissReason").asString(null),
                c.get("key").asString(),
                c.get("jointRules").isNull() ? List.of() : c.get("jointRules").asList(Value::asString),
                c.get("unitMissedDeadline").isNull()
                        ? null
                        : LocalDate.parse(c.get("unitMissedDeadline").asString()),
                c.get("registered").asBoolean(false),
                null);
    }

    private static Named named(Value c, String id, String name) {
        return c.get(id).isNull()
                ? null
                : new Named(c.get(id).asString(), c.get(name).asString(null));
    }

    private static List<ChainLink> chain(Value c) {
        if (c.get("chain").isNull()) {
            return List.of();
        }
        return SituationCatalogues.JSON.readValue(c.get("chain").asString(), new TypeReference<List<ChainLink>>() {});
    }

    private static Long millis(Value c, String key) {
        return c.get(key).isNull() ? null : c.get(key).asLong();
    }

    private static java.time.OffsetDateTime time(Value c, String key) {
        var m = millis(c, key);
        return m == null ? null : TimeKeys.utc(m);
    }
}
