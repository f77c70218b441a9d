package org.dutygraph.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The halls' workload targets (a {@code HallWorkload} node per hall, every change also kept as a
 * {@code HallWorkloadChange}: who, when, the values set) and what they are measured on: the cases the hall's
 * window posts accepted per day, and who held those posts.
 */
@Component
class WorkloadStore {

    /**
     * Cases one post accepted on one day (in the deployment's zone), as a post of the hall; {@code depth}: how many
     * units up from the post's unit the hall is (0: the post's own unit).
     */
    record AcceptedDay(String hallId, String postId, LocalDate day, int accepted, int depth) {}

    /** A person's holding of a post, from {@code start} to {@code end} (ISO dates; end null: still held). */
    record Holding(String postId, String personId, String personName, String start, String end) {

        boolean on(LocalDate day) {
            var iso = day.toString();
            return (start == null || start.compareTo(iso) <= 0) && (end == null || end.compareTo(iso) >= 0);
        }
    }

    private static final String TARGETS = """
            w.id AS hallId, w.offPeakStandard AS offPeakStandard, w.offPeakChallenge AS offPeakChallenge,
            w.peakStandard AS peakStandard, w.peakChallenge AS peakChallenge, w.peakFrom AS peakFrom, w.peakTo AS peakTo,
            w.updatedBy AS updatedBy, w.updatedAt AS updatedAt""";

    private static final String CHANGE = """
            c.hallId AS hallId, c.offPeakStandard AS offPeakStandard, c.offPeakChallenge AS offPeakChallenge,
            c.peakStandard AS peakStandard, c.peakChallenge AS peakChallenge, c.peakFrom AS peakFrom, c.peakTo AS peakTo,
            c.updatedBy AS updatedBy, c.updatedAt AS updatedAt""";

    private final Neo4jClient neo4j;

    WorkloadStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Optional<WorkloadTargets> find(String hallId) {
        return neo4j.query("MATCH (w:HallWorkload {id: $hall}) RETURN " + TARGETS)
                .bind(hallId)
                .to("hall")
                .fetchAs(WorkloadTargets.class)
                .mappedBy((t, r) -> targets(r))
                .one();
    }

    /** Every recorded change of every hall's targets, each as the targets it set, in the order made. */
    List<WorkloadTargets> history() {
        return List.copyOf(neo4j.query("MATCH (c:HallWorkloadChange) RETURN " + CHANGE + " ORDER BY c.atMillis")
                .fetchAs(WorkloadTargets.class)
                .mappedBy((t, r) -> targets(r))
                .all());
    }

    /**
     * Up to {@code limit} recorded changes of the hall's targets, newest first, after the one whose key is
     * {@code after} (null: from the newest; {@link HallChangeStore}).
     */
    List<HallWorkloadChange> changes(String hallId, String after, int limit) {
        return HallChangeStore.newestFirst(neo4j, "HallWorkloadChange", CHANGE, hallId, after, limit, r -> {
            var set = targets(r);
            return new HallWorkloadChange(
                    r.get("key").asString(),
                    set.offPeakStandard(),
                    set.offPeakChallenge(),
                    set.peakStandard(),
                    set.peakChallenge(),
                    set.peakPeriods(),
                    set.updatedBy(),
                    set.updatedAt());
        });
    }

    /** Writes the hall's targets and records the change. */
    void save(WorkloadTargets targets) {
        var values = new HashMap<String, Object>();
        values.put("offPeakStandard", targets.offPeakStandard());
        values.put("offPeakChallenge", targets.offPeakChallenge());
        values.put("peakStandard", targets.peakStandard());
        values.put("peakChallenge", targets.peakChallenge());
        values.put(
                "peakFrom",
                targets.peakPeriods().stream().map(p -> p.from().toString()).toList());
        values.put(
                "peakTo",
                targets.peakPeriods().stream().map(p -> p.to().toString()).toList());
        values.put("updatedBy", targets.updatedBy());
        values.put("updatedAt", targets.updatedAt());
        neo4j.query("""
                        MERGE (w:HallWorkload {id: $hall}) SET w += $values
                        CREATE (c:HallWorkloadChange {hallId: $hall, atMillis: $atMillis}) SET c += $values""")
                .bindAll(Map.of(
                        "hall",
                        targets.hallId(),
                        "values",
                        values,
                        "atMillis",
                        targets.updatedAt().toInstant().toEpochMilli()))
                .run();
    }

    /**
     * Cases accepted in [from, to) by the posts of each of these halls (posts of the hall or of a unit under it),
     * counted once per case, per post and day in the zone (a post under two of the halls comes once for each). An accepted event without a post counts for no worker.
     */
    List<AcceptedDay> accepted(Collection<String> hallIds, Instant from, Instant to, ZoneId zone) {
        return List.copyOf(neo4j.query("""
                        UNWIND $halls AS hall
                        MATCH (p:Post)-[:IN_ORG]->(:Organization)-[up:PART_OF*0..]->(:Organization {id: hall})
                        WITH hall, p, min(size(up)) AS depth
                        MATCH (e:CaseEvent {postId: p.id}) WHERE e.kind = 'accepted' AND e.atMillis >= $from AND e.atMillis < $to
                        MATCH (e)-[:OF_CASE]->(c:SupervisedCase)
                        WITH hall, p.id AS post, depth, date(datetime({epochMillis: e.atMillis, timezone: $zone})) AS day,
                             count(DISTINCT c.id) AS accepted
                        RETURN hall, post, depth, toString(day) AS day, accepted ORDER BY day, post, depth, hall""")
                .bindAll(Map.of(
                        "halls",
                        List.copyOf(hallIds),
                        "from",
                        from.toEpochMilli(),
                        "to",
                        to.toEpochMilli(),
                        "zone",
                        zone.getId()))
                .fetchAs(AcceptedDay.class)
                .mappedBy((t, r) -> new AcceptedDay(
                        r.get("hall").asString(),
                        r.get("post").asString(),
                        LocalDate.parse(r.get("day").asString()),
                        r.get("accepted").asInt(),
                        r.get("depth").asInt()))
                .all());
    }

    /** Who held these posts at some time, with their names. */
    List<Holding> holdings(Collection<String> postIds) {
        return List.copyOf(neo4j.query("""
                        UNWIND $posts AS post MATCH (person:Person)-[h:HOLDS]->(:Post {id: post})
                        RETURN post, person.id AS person, person.name AS name, h.startDate AS start, h.endDate AS end
                        ORDER BY person.id""")
                .bind(List.copyOf(postIds))
                .to("posts")
                .fetchAs(Holding.class)
                .mappedBy((t, r) -> new Holding(
                        r.get("post").asString(),
                        r.get("person").asString(),
                        r.get("name").asString(null),
                        text(r.get("start")),
                        text(r.get("end"))))
                .all());
    }

    /** Labels of these posts, by id. */
    Map<String, String> postLabels(Collection<String> postIds) {
        var found = new HashMap<String, String>();
        neo4j.query("UNWIND $ids AS id MATCH (p:Post {id: id}) RETURN p.id AS id, p.label AS label")
                .bind(List.copyOf(postIds))
                .to("ids")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) ->
                        Map.entry(r.get("id").asString(), r.get("label").asString("")))
                .all()
                .forEach(e -> found.put((String) e.getKey(), (String) e.getValue()));
        return found;
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asObject().toString();
    }

    private static WorkloadTargets targets(Record r) {
        var from = r.get("peakFrom").asList(Value::asString);
        var to = r.get("peakTo").asList(Value::asString);
        var periods = new ArrayList<WorkloadTargets.PeakPeriod>();
        for (int i = 0; i < from.size(); i++) {
            periods.add(new WorkloadTargets.PeakPeriod(LocalDate.parse(from.get(i)), LocalDate.parse(to.get(i))));
        }
        return new WorkloadTargets(
                r.get("hallId").asString(),
                r.get("offPeakStandard").asInt(),
                r.get("offPeakChallenge").asInt(),
                r.get("peakStandard").asInt(),
                r.get("peakChallenge").asInt(),
                periods,
                r.get("updatedBy").asString(null),
                r.get("updatedAt").isNull() ? null : r.get("updatedAt").asOffsetDateTime());
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(java.time.ZoneOffset.UTC);
    }
}
