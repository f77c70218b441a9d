package org.dutygraph.supervision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The watched halls' thresholds, kept on each hall's {@code QueueHall} node (a hall without thresholds is not
 * watched), and every change of them as a {@code HallThresholdChange} (who, when, the values set).
 */
@Component
class HallStore {

    private static final String HALL = """
            h.id AS unitId, h.yellow AS yellow, h.orange AS orange, h.red AS red, h.clearMargin AS clearMargin,
            h.yellowPostId AS yellowPostId, h.orangePostId AS orangePostId, h.redPostId AS redPostId,
            h.thresholdsBy AS updatedBy, h.thresholdsAt AS updatedAt""";

    private final Neo4jClient neo4j;

    HallStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Up to {@code limit} watched halls after the unit id {@code after} (null: from the first), by unit id. */
    List<WatchedHall> watched(String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("after", after);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (h:QueueHall) WHERE h.yellow IS NOT NULL AND ($after IS NULL OR h.id > $after)
                        RETURN %s ORDER BY h.id LIMIT $limit""".formatted(HALL))
                .bindAll(params)
                .fetchAs(WatchedHall.class)
                .mappedBy((t, r) -> hall(r))
                .all());
    }

    /** Every watched hall, by unit id. */
    List<WatchedHall> watched() {
        return watched(null, Integer.MAX_VALUE);
    }

    Optional<WatchedHall> find(String unitId) {
        return neo4j.query("MATCH (h:QueueHall {id: $hall}) WHERE h.yellow IS NOT NULL RETURN " + HALL)
                .bind(unitId)
                .to("hall")
                .fetchAs(WatchedHall.class)
                .mappedBy((t, r) -> hall(r))
                .one();
    }

    /**
     * Writes the hall's thresholds and records the change; with {@code onlyIfUnwatched}, leaves a hall that has
     * thresholds already as it is. Whether it wrote.
     */
    boolean save(WatchedHall hall, boolean onlyIfUnwatched) {
        var values = new HashMap<String, Object>();
        values.put("yellow", hall.yellow());
        values.put("orange", hall.orange());
        values.put("red", hall.red());
        values.put("clearMargin", hall.clearMargin());
        values.put("yellowPostId", hall.yellowPostId());
        values.put("orangePostId", hall.orangePostId());
        values.put("redPostId", hall.redPostId());
        values.put("thresholdsBy", hall.updatedBy());
        values.put("thresholdsAt", hall.updatedAt());
        return neo4j.query("""
                        MERGE (h:QueueHall {id: $hall})
                        WITH h WHERE NOT $onlyIfUnwatched OR h.yellow IS NULL
                        SET h += $values
                        CREATE (c:HallThresholdChange {hallId: $hall, atMillis: $atMillis})
                        SET c += $values
                        RETURN count(h) > 0 AS wrote""")
                .bindAll(Map.of(
                        "hall",
                        hall.unitId(),
                        "onlyIfUnwatched",
                        onlyIfUnwatched,
                        "values",
                        values,
                        "atMillis",
                        hall.updatedAt().toInstant().toEpochMilli()))
                .fetchAs(Boolean.class)
                .one()
                .orElse(false);
    }

    /**
     * Up to {@code limit} recorded changes of the hall's thresholds, newest first, after the one whose key is
     * {@code after} (null: from the newest; {@link HallChangeStore}).
     */
    List<HallThresholdChange> changes(String hallId, String after, int limit) {
        return HallChangeStore.newestFirst(
                neo4j,
                "HallThresholdChange",
                """
                c.yellow AS yellow, c.orange AS orange, c.red AS red, c.clearMargin AS clearMargin,
                c.yellowPostId AS yellowPostId, c.orangePostId AS orangePostId, c.redPostId AS redPostId,
                c.thresholdsBy AS changedBy, c.thresholdsAt AS changedAt""",
                hallId,
                after,
                limit,
                r -> new HallThresholdChange(
                        r.get("key").asString(),
                        r.get("yellow").asInt(),
                        r.get("orange").asInt(),
                        r.get("red").asInt(),
                        r.get("clearMargin").asInt(),
                        r.get("yellowPostId", (String) null),
                        r.get("orangePostId", (String) null),
                        r.get("redPostId", (String) null),
                        r.get("changedBy", (String) null),
                        r.get("changedAt").isNull() ? null : r.get("changedAt").asOffsetDateTime()));
    }

    /** The ids among {@code postIds} that name no post. */
    List<String> unknownPosts(List<String> postIds) {
        return List.copyOf(
                neo4j.query("""
                        UNWIND $ids AS id OPTIONAL MATCH (p:Post {id: id})
                        WITH id, p WHERE p IS NULL RETURN id""").bind(postIds).to("ids").fetchAs(String.class).all());
    }

    private static WatchedHall hall(Record r) {
        return new WatchedHall(
                r.get("unitId").asString(),
                r.get("yellow").asInt(),
                r.get("orange").asInt(),
                r.get("red").asInt(),
                r.get("clearMargin").asInt(),
                r.get("yellowPostId", (String) null),
                r.get("orangePostId", (String) null),
                r.get("redPostId", (String) null),
                r.get("updatedBy", (String) null),
                r.get("updatedAt").isNull() ? null : r.get("updatedAt").asOffsetDateTime());
    }
}
