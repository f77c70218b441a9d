package org.dutygraph.accountability;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.accountability.AccountabilityChains.Measure;
import org.dutygraph.org.read.Holdings;
import org.dutygraph.platform.graphql.TimeKeys;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Measures taken against posts ({@code AccountabilityMeasure} nodes), and who holds a post by badge number. */
@Component
class AccountabilityStore {

    record NewMeasure(
            String id,
            String subjectType,
            String subjectId,
            String postId,
            String measure,
            String note,
            String recordedBy,
            long recordedAt,
            String key) {}

    record PostMeasure(String postId, Measure measure) {}

    private final Neo4jClient neo4j;

    AccountabilityStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The posts the person with this badge number (their id) holds on {@code day}. */
    List<String> postsHeld(String badgeNumber, LocalDate day) {
        return List.copyOf(neo4j.query("""
                        MATCH (:Person {id: $badge})-[h:HOLDS]->(p:Post)
                        WHERE %s
                        RETURN DISTINCT p.id AS id""".formatted(Holdings.currentOn("h", "$today")))
                .bindAll(Map.of("badge", badgeNumber, "today", day.toString()))
                .fetchAs(String.class)
                .all());
    }

    /** The sole holder of each post on each day (none when nobody, or several, held it): [person id, name] by [post id, day]. */
    Map<List<String>, List<String>> soleHoldersOn(Collection<List<String>> postDays) {
        var rows = neo4j.query("""
                        UNWIND $rows AS row
                        WITH row[0] AS postId, row[1] AS day
                        MATCH (p:Person)-[h:HOLDS]->(:Post {id: postId})
                        WHERE %s
                        WITH postId, day, collect(DISTINCT p) AS people WHERE size(people) = 1
                        RETURN postId, day, people[0].id AS id, coalesce(people[0].name, '') AS name""".formatted(Holdings.currentOn("h", "day")))
                .bind(List.copyOf(postDays))
                .to("rows")
                .fetchAs(List.class)
                .mappedBy((types, row) -> List.of(
                        row.get("postId").asString(),
                        row.get("day").asString(),
                        row.get("id").asString(),
                        row.get("name").asString()))
                .all();
        var byPostDay = new HashMap<List<String>, List<String>>();
        for (List<?> row : rows) {
            byPostDay.put(List.of((String) row.get(0), (String) row.get(1)), List.of((String) row.get(2), (String)
                    row.get(3)));
        }
        return byPostDay;
    }

    void create(NewMeasure m) {
        var params = new HashMap<String, Object>();
        params.put("id", m.id());
        params.put("type", m.subjectType());
        params.put("subject", m.subjectId());
        params.put("post", m.postId());
        params.put("measure", m.measure());
        params.put("note", m.note());
        params.put("by", m.recordedBy());
        params.put("now", m.recordedAt());
        params.put("key", m.key());
        neo4j.query("""
                        CREATE (:AccountabilityMeasure {id: $id, subjectType: $type, subjectId: $subject, postId: $post,
                                measure: $measure, note: $note, recordedBy: $by, recordedAt: $now, key: $key})""").bindAll(params).run();
    }

    /** The measures recorded under {@code subjectId}, oldest first. */
    List<PostMeasure> measures(String subjectId) {
        return List.copyOf(neo4j.query("MATCH (m:AccountabilityMeasure {subjectId: $subject}) RETURN m ORDER BY m.key")
                .bind(subjectId)
                .to("subject")
                .fetchAs(PostMeasure.class)
                .mappedBy((types, row) -> {
                    var m = row.get("m").asNode();
                    return new PostMeasure(
                            m.get("postId").asString(),
                            new Measure(
                                    m.get("measure").asString(),
                                    m.get("note").asString(null),
                                    m.get("recordedBy").asString(),
                                    TimeKeys.utc(m.get("recordedAt").asLong())));
                })
                .all());
    }
}
