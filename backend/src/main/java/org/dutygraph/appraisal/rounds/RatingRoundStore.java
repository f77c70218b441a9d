package org.dutygraph.appraisal.rounds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.i18n.TextJson;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rating rounds in the graph. What is kept, and what is not:
 * <ul>
 *   <li>{@code RatingRound}: the definition, its window and state, who opened and closed it;</li>
 *   <li>{@code RatingEligibility}, one per rater, fixed at opening: the subjects they rate and in which group. Never
 *       changed by voting;</li>
 *   <li>{@code RatingBallotBox}, one per subject and group, created at opening: the ballots as a list kept sorted by
 *       content (so its order says nothing of when or by whom), and their count. No time, no person, no relationship;</li>
 *   <li>{@code RatingVoteMarker}: only a keyed hash of round and rater (see {@link VoterTags}), unique, with the round's
 *       id. No time, no relationship, nothing of the ballot;</li>
 *   <li>{@code RatingRoundEvent}: opening, closing and refused closes, with who and when.</li>
 * </ul>
 * Each call joins the caller's transaction when there is one.
 */
@Component
class RatingRoundStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Neo4jClient neo4j;

    RatingRoundStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** One eligible rater: the subjects and, parallel to them, the group they rate each in. */
    record Eligibility(String roundId, String personId, List<String> subjectIds, List<String> groups) {}

    /** Stores a new round, its raters and its empty ballot boxes, and the OPENED event. */
    void create(Round round, List<Eligibility> raters, List<RoundTally.Box> boxes) {
        var params = new HashMap<String, Object>();
        params.put("id", round.id());
        params.put("title", round.title());
        params.put("schemeId", round.schemeId());
        params.put("schemeVersion", round.schemeVersion());
        params.put("period", round.period());
        params.put("code", round.indicatorCode());
        params.put("target", round.target());
        params.put(
                "inputMax", round.inputMax() == null ? null : round.inputMax().toPlainString());
        params.put("subjectKind", round.subjectKind());
        params.put("subjectIds", round.subjectIds());
        params.put(
                "groups",
                JSON.writeValueAsString(
                        round.groups().stream().map(RatingRoundStore::groupMap).toList()));
        params.put("questions", round.questions());
        params.put(
                "scaleLabels", round.scale().stream().map(Round.Option::label).toList());
        params.put(
                "scalePoints",
                round.scale().stream().map(o -> o.points().toPlainString()).toList());
        params.put("opensAt", round.opensAt().toEpochMilli());
        params.put("closesAt", round.closesAt().toEpochMilli());
        params.put("minGroupSize", round.minGroupSize());
        params.put("eligibleRaters", round.eligibleRaters());
        params.put("openedBy", round.openedBy());
        params.put("openedAt", round.openedAt().toEpochMilli());
        params.put("key", round.key());
        var raterRows = raters.stream()
                .map(e -> Map.<String, Object>of(
                        "key",
                        round.id() + "|" + e.personId(),
                        "person",
                        e.personId(),
                        "subjects",
                        e.subjectIds(),
                        "groups",
                        e.groups()))
                .toList();
        var boxRows = boxes.stream()
                .map(b -> Map.<String, Object>of(
                        "key",
                        boxKey(round.id(), b.subjectId(), b.group()),
                        "subject",
                        b.subjectId(),
                        "group",
                        b.group(),
                        "eligible",
                        b.eligible()))
                .toList();
        neo4j.query("""
                        CREATE (:RatingRound {id: $id, title: $title, schemeId: $schemeId, schemeVersion: $schemeVersion,
                                period: $period, indicatorCode: $code, target: $target, inputMax: $inputMax,
                                subjectKind: $subjectKind, subjectIds: $subjectIds, groups: $groups, questions: $questions,
                                scaleLabels: $scaleLabels, scalePoints: $scalePoints, opensAt: $opensAt, closesAt: $closesAt,
                                minGroupSize: $minGroupSize, eligibleRaters: $eligibleRaters, state: 'OPEN',
                                openedBy: $openedBy, openedAt: $openedAt, closedAutomatically: false, key: $key})""").bindAll(params).run();
        neo4j.query("""
                        UNWIND $rows AS r CREATE (:RatingEligibility {key: r.key, roundId: $id, personId: r.person,
                                subjectIds: r.subjects, groups: r.groups})""").bindAll(Map.of("rows", raterRows, "id", round.id())).run();
        neo4j.query("""
                        UNWIND $rows AS r CREATE (:RatingBallotBox {key: r.key, roundId: $id, subjectId: r.subject, group: r.group,
                                eligible: r.eligible, ballots: [], count: 0})""").bindAll(Map.of("rows", boxRows, "id", round.id())).run();
        event(round.id(), "OPENED", round.openedBy(), round.openedAt(), null);
    }

    static String boxKey(String roundId, String subjectId, String group) {
        return roundId + "|" + subjectId + "|" + group;
    }

    private static Map<String, Object> groupMap(Round.Group g) {
        var map = new HashMap<String, Object>();
        map.put("name", g.name());
        map.put("label", g.label());
        map.put("weight", g.weight() == null ? null : g.weight().toPlainString());
        map.put("relation", g.relation().name());
        map.put("unitIds", g.unitIds());
        map.put("personIds", g.personIds());
        map.put("eligibleRaters", g.eligibleRaters());
        return map;
    }

    void event(String roundId, String action, String by, Instant at, String note) {
        event(roundId, action, by, at, note, null);
    }

    /** @param noteText the note as a catalogue text (rendered in the reader's language), for notes the service writes */
    private void event(String roundId, String action, String by, Instant at, String note, Text noteText) {
        var params = new HashMap<String, Object>();
        params.put("noteText", TextJson.write(noteText));
        params.put("round", roundId);
        params.put("action", action);
        params.put("by", by);
        params.put("at", at.toEpochMilli());
        params.put("note", note);
        neo4j.query(
                        "CREATE (:RatingRoundEvent {roundId: $round, action: $action, by: $by, at: $at, note: $note, noteText: $noteText})")
                .bindAll(params)
                .run();
    }

    /** Open rounds with the same scheme, period and indicator that rate one of these subjects. */
    Optional<String> overlapping(String schemeId, String period, String code, List<String> subjects) {
        return neo4j.query("""
                        MATCH (r:RatingRound {state: 'OPEN', schemeId: $scheme, period: $period, indicatorCode: $code})
                        WHERE any(s IN r.subjectIds WHERE s IN $subjects) RETURN r.id AS id LIMIT 1""")
                .bindAll(Map.of("scheme", schemeId, "period", period, "code", code, "subjects", subjects))
                .fetchAs(String.class)
                .one();
    }

    Optional<Round> find(String id) {
        return neo4j.query("MATCH (r:RatingRound {id: $id}) RETURN r")
                .bind(id == null ? "" : id)
                .to("id")
                .fetchAs(Round.class)
                .mappedBy((types, r) -> view(r.get("r").asNode()))
                .one();
    }

    /** Newest first, keyset paged. */
    List<Round> page(String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("after", after);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (r:RatingRound) WHERE $after IS NULL OR r.key < $after RETURN r ORDER BY r.key DESC LIMIT $limit""")
                .bindAll(params)
                .fetchAs(Round.class)
                .mappedBy((types, r) -> view(r.get("r").asNode()))
                .all());
    }

    /** Write-locks the round: casting and closing take it first, so no ballot lands in a round being closed. */
    void lock(String id) {
        neo4j.query("MATCH (r:RatingRound {id: $id}) SET r._lock = true REMOVE r._lock")
                .bind(id)
                .to("id")
                .run();
    }

    Optional<Eligibility> eligibility(String roundId, String personId) {
        return neo4j.query("MATCH (e:RatingEligibility {key: $key}) RETURN e")
                .bind(roundId + "|" + personId)
                .to("key")
                .fetchAs(Eligibility.class)
                .mappedBy((types, r) -> eligibility(r.get("e").asNode()))
                .one();
    }

    /** The rounds a person rates in, open at {@code now}, by closing time then id, keyset paged. */
    List<Round> openFor(String personId, Instant now, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("person", personId);
        params.put("now", now.toEpochMilli());
        params.put("after", after);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (e:RatingEligibility {personId: $person}) MATCH (r:RatingRound {id: e.roundId})
                        WHERE r.state = 'OPEN' AND r.opensAt <= $now AND r.closesAt > $now
                        WITH r, right('000000000000000' + toString(r.closesAt), 15) + '|' + r.id AS key
                        WHERE $after IS NULL OR key > $after
                        RETURN r ORDER BY key LIMIT $limit""")
                .bindAll(params)
                .fetchAs(Round.class)
                .mappedBy((types, r) -> view(r.get("r").asNode()))
                .all());
    }

    /** The sort key of {@link #openFor}. */
    static String openKey(Round round) {
        return String.format("%015d|%s", round.closesAt().toEpochMilli(), round.id());
    }

    List<Eligibility> eligibilities(String personId, List<String> roundIds) {
        return List.copyOf(neo4j.query("MATCH (e:RatingEligibility) WHERE e.key IN $keys RETURN e")
                .bind(roundIds.stream().map(id -> id + "|" + personId).toList())
                .to("keys")
                .fetchAs(Eligibility.class)
                .mappedBy((types, r) -> eligibility(r.get("e").asNode()))
                .all());
    }

    /** Of these markers, those stored. */
    List<String> markers(List<String> tags) {
        return List.copyOf(neo4j.query("MATCH (m:RatingVoteMarker) WHERE m.tag IN $tags RETURN m.tag AS tag")
                .bind(tags)
                .to("tags")
                .fetchAs(String.class)
                .all());
    }

    boolean hasMarker(String tag) {
        return neo4j.query("MATCH (m:RatingVoteMarker {tag: $tag}) RETURN count(m) > 0 AS e")
                .bind(tag)
                .to("tag")
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }

    /**
     * Records a ballot: the rater's marker (unique: a concurrent second ballot fails here), and each subject's choices added
     * to its box, whose list is sorted again so that nothing in it follows the order of voting.
     */
    void cast(String roundId, String tag, Map<String, String> choicesByBoxKey) {
        neo4j.query("CREATE (:RatingVoteMarker {tag: $tag, roundId: $round})")
                .bindAll(Map.of("tag", tag, "round", roundId))
                .run();
        var rows = choicesByBoxKey.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Map.<String, Object>of("key", e.getKey(), "ballot", e.getValue()))
                .toList();
        neo4j.query("""
                        UNWIND $rows AS row
                        MATCH (b:RatingBallotBox {key: row.key})
                        SET b._lock = true REMOVE b._lock
                        WITH b, row
                        CALL (b, row) {
                            UNWIND b.ballots + row.ballot AS ballot
                            WITH ballot ORDER BY ballot
                            RETURN collect(ballot) AS sorted
                        }
                        SET b.ballots = sorted, b.count = size(sorted)""").bind(rows).to("rows").run();
    }

    /** How many raters have voted: the markers of the round. */
    int markerCount(String roundId) {
        return neo4j.query("MATCH (m:RatingVoteMarker {roundId: $id}) RETURN count(m) AS c")
                .bind(roundId)
                .to("id")
                .fetchAs(Integer.class)
                .one()
                .orElse(0);
    }

    List<RoundTally.Box> boxes(String roundId) {
        return List.copyOf(neo4j.query("MATCH (b:RatingBallotBox {roundId: $id}) RETURN b ORDER BY b.key")
                .bind(roundId)
                .to("id")
                .fetchAs(RoundTally.Box.class)
                .mappedBy((types, r) -> {
                    var b = r.get("b").asNode();
                    return new RoundTally.Box(
                            b.get("subjectId").asString(),
                            b.get("group").asString(),
                            b.get("eligible").asInt(),
                            b.get("ballots").asList(Value::asString));
                })
                .all());
    }

    /** Marks the round closed (the caller holds its lock and has entered its results in the same transaction). */
    void markClosed(String id, String by, Instant at, boolean automatically) {
        neo4j.query("""
                        MATCH (r:RatingRound {id: $id})
                        SET r.state = 'CLOSED', r.closedBy = $by, r.closedAt = $at, r.closedAutomatically = $auto
                        REMOVE r.closeProblem""")
                .bindAll(Map.of("id", id, "by", by, "at", at.toEpochMilli(), "auto", automatically))
                .run();
        event(id, "CLOSED", by, at, null, automatically ? Text.of(RoundTexts.CLOSED_AUTOMATICALLY) : null);
    }

    /** Notes why a close was refused, on an open round; true when the reason is new (the caller then records the event). */
    boolean noteCloseProblem(String id, String problem) {
        return neo4j.query("""
                        MATCH (r:RatingRound {id: $id}) WHERE r.state = 'OPEN' AND coalesce(r.closeProblem, '') <> $problem
                        SET r.closeProblem = $problem RETURN count(r) > 0 AS changed""")
                .bindAll(Map.of("id", id, "problem", problem))
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }

    /** Rounds still open whose closing time has passed. */
    List<String> due(Instant now) {
        return List.copyOf(neo4j.query("""
                        MATCH (r:RatingRound {state: 'OPEN'}) WHERE r.closesAt <= $now RETURN r.id AS id ORDER BY r.closesAt LIMIT 100""")
                .bind(now.toEpochMilli())
                .to("now")
                .fetchAs(String.class)
                .all());
    }

    List<RoundEvent> events(String roundId) {
        return List.copyOf(neo4j.query("MATCH (e:RatingRoundEvent {roundId: $id}) RETURN e ORDER BY e.at, elementId(e)")
                .bind(roundId)
                .to("id")
                .fetchAs(RoundEvent.class)
                .mappedBy((types, r) -> {
                    var e = r.get("e").asNode();
                    return new RoundEvent(
                            e.get("action").asString(),
                            e.get("by").asString(),
                            Instant.ofEpochMilli(e.get("at").asLong()),
                            TextJson.read(
                                    e.get("noteText").asString(null),
                                    e.get("note").asString(null)));
                })
                .all());
    }

    private static Eligibility eligibility(Node e) {
        return new Eligibility(
                e.get("roundId").asString(),
                e.get("personId").asString(),
                e.get("subjectIds").asList(Value::asString),
                e.get("groups").asList(Value::asString));
    }

    private static Round view(Node r) {
        List<Map<String, Object>> groups = JSON.readValue(r.get("groups").asString(), new TypeReference<>() {});
        var labels = r.get("scaleLabels").asList(Value::asString);
        var points = r.get("scalePoints").asList(Value::asString);
        var scale = new ArrayList<Round.Option>();
        for (int i = 0; i < labels.size(); i++) {
            scale.add(new Round.Option(labels.get(i), new BigDecimal(points.get(i))));
        }
        return new Round(
                r.get("id").asString(),
                r.get("title").asString(),
                r.get("schemeId").asString(),
                r.get("schemeVersion").asInt(),
                r.get("period").asString(),
                r.get("indicatorCode").asString(),
                r.get("target").asString(),
                r.get("inputMax").isNull()
                        ? null
                        : new BigDecimal(r.get("inputMax").asString()),
                r.get("subjectKind").asString(),
                r.get("subjectIds").asList(Value::asString),
                groups.stream().map(RatingRoundStore::group).toList(),
                r.get("questions").asList(Value::asString),
                scale,
                Instant.ofEpochMilli(r.get("opensAt").asLong()),
                Instant.ofEpochMilli(r.get("closesAt").asLong()),
                r.get("minGroupSize").asInt(),
                r.get("eligibleRaters").asInt(),
                r.get("state").asString(),
                r.get("openedBy").asString(),
                Instant.ofEpochMilli(r.get("openedAt").asLong()),
                r.get("closedBy").asString(null),
                r.get("closedAt").isNull()
                        ? null
                        : Instant.ofEpochMilli(r.get("closedAt").asLong()),
                r.get("closedAutomatically").asBoolean(false),
                r.get("closeProblem").asString(null),
                r.get("key").asString());
    }

    @SuppressWarnings("unchecked")
    private static Round.Group group(Map<String, Object> m) {
        return new Round.Group(
                (String) m.get("name"),
                (String) m.get("label"),
                m.get("weight") == null ? null : new BigDecimal((String) m.get("weight")),
                RaterRelation.valueOf((String) m.get("relation")),
                (List<String>) m.get("unitIds"),
                (List<String>) m.get("personIds"),
                ((Number) m.get("eligibleRaters")).intValue());
    }
}
