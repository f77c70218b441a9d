package org.dutygraph.appraisal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.platform.graphql.TimeKeys;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Appraisal events ({@code AppraisalEvent}: a subject, a month, a kind, how many months it runs, where it came from;
 * withdrawn ones are kept with who, when and why). Each call joins the caller's transaction when there is one.
 */
@Component
class AppraisalEventStore {

    /** An event as the computation reads it: its month, kind and how many months it runs. */
    record Event(Period month, String kind, int months) {}

    /** A new event; {@code effectId} is the other feature's effect that recorded it (null for others). */
    record NewEvent(
            String id,
            String subjectId,
            Period month,
            String kind,
            int months,
            String source,
            String sourceId,
            String by,
            long at,
            String effectId) {}

    private final Neo4jClient neo4j;

    AppraisalEventStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void create(NewEvent e) {
        var params = new HashMap<String, Object>();
        params.put("id", e.id());
        params.put("subject", e.subjectId());
        params.put("period", e.month().toString());
        params.put("year", e.month().year());
        params.put("kind", e.kind());
        params.put("months", e.months());
        params.put("source", e.source());
        params.put("sourceId", e.sourceId());
        params.put("by", e.by());
        params.put("at", e.at());
        params.put("effect", e.effectId());
        neo4j.query("""
                        CREATE (:AppraisalEvent {id: $id, subjectId: $subject, period: $period, year: $year, kind: $kind,
                                months: $months, source: $source, sourceId: $sourceId, by: $by, at: $at, effectId: $effect})""").bindAll(params).run();
    }

    /** The event the effect {@code effectId} recorded for this subject, if it did. */
    Optional<String> recordedBy(String effectId, String subjectId) {
        return neo4j.query(
                        "MATCH (e:AppraisalEvent {effectId: $effect, subjectId: $subject}) RETURN e.id AS id LIMIT 1")
                .bindAll(Map.of("effect", effectId, "subject", subjectId))
                .fetchAs(String.class)
                .one();
    }

    /** Whether the event is withdrawn; empty when there is no such event. */
    Optional<Boolean> withdrawn(String id) {
        return neo4j.query("MATCH (e:AppraisalEvent {id: $id}) RETURN e.withdrawnAt IS NOT NULL AS withdrawn")
                .bind(id)
                .to("id")
                .fetchAs(Boolean.class)
                .one();
    }

    void withdraw(String id, String by, String reason, long now) {
        neo4j.query("""
                        MATCH (e:AppraisalEvent {id: $id})
                        SET e.withdrawnAt = $now, e.withdrawnBy = $by, e.withdrawReason = $reason""")
                .bindAll(Map.of("id", id, "by", by, "reason", reason, "now", now))
                .run();
    }

    /** The subject's events in these months of a year, withdrawn ones included, oldest first. */
    List<AppraisalInputLog.Event> inMonths(String subjectId, int year, List<String> months) {
        return List.copyOf(neo4j.query("""
                        MATCH (e:AppraisalEvent {year: $year}) WHERE e.subjectId = $subject AND e.period IN $months
                        RETURN e ORDER BY e.at, e.id""")
                .bindAll(Map.of("year", year, "subject", subjectId, "months", months))
                .fetchAs(AppraisalInputLog.Event.class)
                .mappedBy((types, r) -> {
                    var e = r.get("e").asNode();
                    return new AppraisalInputLog.Event(
                            e.get("id").asString(),
                            e.get("subjectId").asString(),
                            e.get("period").asString(),
                            e.get("kind").asString(),
                            e.get("months").asInt(1),
                            e.get("source").asString(""),
                            e.get("by").asString(""),
                            TimeKeys.utc(e.get("at").asLong()),
                            e.get("withdrawnAt").isNull()
                                    ? null
                                    : TimeKeys.utc(e.get("withdrawnAt").asLong()),
                            e.get("withdrawnBy").asString(null),
                            e.get("withdrawReason").asString(null));
                })
                .all());
    }

    /**
     * Subject -> the events in effect in the year, not withdrawn: those of the year, and those of the year before that
     * still run into it (an event lasts at most 12 months, so none from earlier does).
     */
    Map<String, List<Event>> inEffect(int year) {
        record Row(String subjectId, Event event) {}
        var january = Period.month(year, 1);
        var events = new HashMap<String, List<Event>>();
        neo4j
                .query("""
                        MATCH (e:AppraisalEvent) WHERE e.year IN [$year - 1, $year] AND e.withdrawnAt IS NULL
                        RETURN e.subjectId AS s, e.period AS p, e.kind AS k, e.months AS m""")
                .bind(year)
                .to("year")
                .fetchAs(Row.class)
                .mappedBy((types, r) -> new Row(
                        r.get("s").asString(),
                        new Event(
                                Period.parse(r.get("p").asString()),
                                r.get("k").asString(),
                                r.get("m").asInt(1))))
                .all()
                .stream()
                .filter(row ->
                        row.event().month().plusMonths(row.event().months() - 1).compareTo(january) >= 0)
                .forEach(row -> events.computeIfAbsent(row.subjectId(), k -> new ArrayList<>())
                        .add(row.event()));
        return events;
    }
}
