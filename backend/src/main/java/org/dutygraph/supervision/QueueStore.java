package org.dutygraph.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Halls' queue snapshots, the alerts raised on them, and each hall's latest snapshot (what alerts follow). */
@Component
class QueueStore {

    /** A snapshot to store; {@code late} when it is older than the hall's latest (it then moved no alert). */
    record SnapshotRow(String key, String hallId, Instant at, int waiting, boolean late) {}

    /** A hall's state: the time of its latest snapshot (null before the first) and its raised alerts by level. */
    record HallState(Instant latest, Map<QueueLevel, String> raised) {}

    /** An alert as the day shows it. */
    record StoredAlert(
            String id, QueueLevel level, OffsetDateTime raisedAt, int waitingAtRaise, OffsetDateTime clearedAt) {}

    /** A snapshot as the day shows it. */
    record StoredSnapshot(OffsetDateTime at, int waiting, boolean late) {}

    private final Neo4jClient neo4j;

    QueueStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    static String key(String hallId, Instant at) {
        return hallId + "|" + at;
    }

    /** The waiting count of each stored snapshot among {@code keys}. */
    Map<String, Integer> known(Collection<String> keys) {
        var found = new HashMap<String, Integer>();
        neo4j.query("UNWIND $keys AS key MATCH (s:QueueSnapshot {key: key}) RETURN s.key AS key, s.waiting AS waiting")
                .bind(List.copyOf(keys))
                .to("keys")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) ->
                        Map.entry(r.get("key").asString(), r.get("waiting").asInt()))
                .all()
                .forEach(e -> found.put((String) e.getKey(), (Integer) e.getValue()));
        return found;
    }

    HallState hall(String hallId) {
        var latest = neo4j.query("MATCH (h:QueueHall {id: $hall}) RETURN h.latestMillis AS latest")
                .bind(hallId)
                .to("hall")
                .fetchAs(Long.class)
                .mappedBy((t, r) ->
                        r.get("latest").isNull() ? null : r.get("latest").asLong())
                .one()
                .orElse(null);
        var raised = new EnumMap<QueueLevel, String>(QueueLevel.class);
        neo4j.query(
                        "MATCH (a:QueueAlert {hallId: $hall}) WHERE a.clearedAt IS NULL RETURN a.level AS level, a.id AS id")
                .bind(hallId)
                .to("hall")
                .fetchAs(Map.Entry.class)
                .mappedBy((t, r) -> Map.entry(
                        QueueLevel.valueOf(r.get("level").asString()),
                        r.get("id").asString()))
                .all()
                .forEach(e -> raised.put((QueueLevel) e.getKey(), (String) e.getValue()));
        return new HallState(latest == null ? null : Instant.ofEpochMilli(latest), raised);
    }

    void saveSnapshots(String system, List<SnapshotRow> snapshots, Instant receivedAt) {
        var rows = snapshots.stream()
                .map(s -> Map.<String, Object>of(
                        "key", s.key(),
                        "hallId", s.hallId(),
                        "at", utc(s.at()),
                        "atMillis", s.at().toEpochMilli(),
                        "waiting", s.waiting(),
                        "late", s.late()))
                .toList();
        neo4j.query("""
                UNWIND $rows AS row
                CREATE (s:QueueSnapshot) SET s = row, s.system = $system, s.receivedAt = $receivedAt""")
                .bindAll(Map.of("rows", rows, "system", system, "receivedAt", utc(receivedAt)))
                .run();
    }

    void setLatest(String hallId, Instant latest) {
        neo4j.query("MERGE (h:QueueHall {id: $hall}) SET h.latestMillis = $latest")
                .bindAll(Map.of("hall", hallId, "latest", latest.toEpochMilli()))
                .run();
    }

    void raise(String id, String hallId, QueueLevel level, Instant at, int waiting) {
        neo4j.query("""
                CREATE (a:QueueAlert {id: $id, hallId: $hall, level: $level, raisedAt: $at, raisedAtMillis: $millis,
                                      waitingAtRaise: $waiting})""")
                .bindAll(Map.of(
                        "id",
                        id,
                        "hall",
                        hallId,
                        "level",
                        level.name(),
                        "at",
                        utc(at),
                        "millis",
                        at.toEpochMilli(),
                        "waiting",
                        waiting))
                .run();
    }

    void clear(String id, Instant at) {
        neo4j.query("MATCH (a:QueueAlert {id: $id}) SET a.clearedAt = $at, a.clearedAtMillis = $millis")
                .bindAll(Map.of("id", id, "at", utc(at), "millis", at.toEpochMilli()))
                .run();
    }

    /** The hall's snapshots in [from, to), in time order. */
    List<StoredSnapshot> snapshots(String hallId, Instant from, Instant to) {
        return List.copyOf(neo4j.query("""
                        MATCH (s:QueueSnapshot {hallId: $hall}) WHERE s.atMillis >= $from AND s.atMillis < $to
                        RETURN s.at AS at, s.waiting AS waiting, s.late AS late ORDER BY s.atMillis""")
                .bindAll(Map.of("hall", hallId, "from", from.toEpochMilli(), "to", to.toEpochMilli()))
                .fetchAs(StoredSnapshot.class)
                .mappedBy((t, r) -> new StoredSnapshot(
                        r.get("at").asOffsetDateTime(),
                        r.get("waiting").asInt(),
                        r.get("late").asBoolean()))
                .all());
    }

    /** The hall's alerts raised in [from, to) or raised before and still raised at {@code from}, by raise time. */
    List<StoredAlert> alerts(String hallId, Instant from, Instant to) {
        return List.copyOf(neo4j.query("""
                        MATCH (a:QueueAlert {hallId: $hall})
                        WHERE a.raisedAtMillis < $to AND (a.clearedAtMillis IS NULL OR a.clearedAtMillis >= $from)
                        RETURN a""")
                .bindAll(Map.of("hall", hallId, "from", from.toEpochMilli(), "to", to.toEpochMilli()))
                .fetchAs(StoredAlert.class)
                .mappedBy((t, r) -> {
                    var a = r.get("a").asNode();
                    return new StoredAlert(
                            a.get("id").asString(),
                            QueueLevel.valueOf(a.get("level").asString()),
                            a.get("raisedAt").asOffsetDateTime(),
                            a.get("waitingAtRaise").asInt(),
                            a.get("clearedAt").isNull()
                                    ? null
                                    : a.get("clearedAt").asOffsetDateTime());
                })
                .all());
    }

    /** The unit's principal, else its head (not dissolved). */
    Optional<String> headOf(String unitId) {
        return neo4j.query("""
                        MATCH (head:Post)-[:IN_ORG]->(:Organization {id: $unit})
                        WHERE head.role IN ['principal', 'head'] AND coalesce(head.status, 'active') <> 'dissolved'
                        RETURN head.id AS id ORDER BY CASE head.role WHEN 'principal' THEN 0 ELSE 1 END, head.id LIMIT 1""").bind(unitId).to("unit").fetchAs(String.class).one();
    }

    Optional<String> parentOf(String unitId) {
        return neo4j.query("MATCH (:Organization {id: $unit})-[:PART_OF]->(p:Organization) RETURN p.id AS id LIMIT 1")
                .bind(unitId)
                .to("unit")
                .fetchAs(String.class)
                .one();
    }

    /** The unit's name, if it has one. */
    Optional<String> unitName(String unitId) {
        return neo4j.query("MATCH (o:Organization {id: $unit}) WHERE o.name IS NOT NULL RETURN o.name AS name")
                .bind(unitId)
                .to("unit")
                .fetchAs(String.class)
                .one();
    }

    boolean unitExists(String unitId) {
        return neo4j.query("MATCH (o:Organization {id: $unit}) RETURN count(o) > 0 AS found")
                .bind(unitId)
                .to("unit")
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
