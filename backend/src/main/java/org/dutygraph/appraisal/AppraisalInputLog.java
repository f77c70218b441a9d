package org.dutygraph.appraisal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.springframework.stereotype.Service;

/** Reads back what was entered for a subject in a period: the score sheet, the entry log and the events of its months. */
@Service
public class AppraisalInputLog {

    public record Score(String code, String value) {
    }

    /**
     * One logged entry; {@code key} sorts the log oldest first (the time, then the node). {@code source} is
     * {@code rating-round:<id>} for a rating round's result (null otherwise), {@code ballots} its ballots per group
     * ({@code group:count}).
     */
    public record Entry(String code, String value, String enteredBy, OffsetDateTime enteredAt, String key, String source,
                        List<String> ballots) {
    }

    public record Event(String id, String subjectId, String period, String kind, int months, String source, String recordedBy,
                        OffsetDateTime recordedAt, OffsetDateTime withdrawnAt, String withdrawnBy, String withdrawReason) {
    }

    private final Driver driver;

    AppraisalInputLog(Driver driver) {
        this.driver = driver;
    }

    /** The current values, in code order. */
    public List<Score> scores(String subjectId, Period period) {
        try (var session = driver.session()) {
            var rows = session.executeRead(tx -> tx.run("MATCH (s:ScoreSheet {key: $key}) RETURN s.codes AS c, s.values AS v",
                    Map.of("key", subjectId + "|" + period)).list());
            var scores = new ArrayList<Score>();
            for (var r : rows) {
                var codes = r.get("c").asList(Value::asString);
                var values = r.get("v").asList(Value::asString);
                for (int i = 0; i < codes.size(); i++) {
                    scores.add(new Score(codes.get(i), values.get(i)));
                }
            }
            scores.sort(java.util.Comparator.comparing(Score::code));
            return scores;
        }
    }

    /** The log, oldest first, keyset paged. */
    public List<Entry> entries(String subjectId, Period period, String after, int limit) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (e:ScoreEntry {subjectId: $subject, period: $period})
                    WITH e, right('000000000000000' + toString(e.at), 15) + '|' + elementId(e) AS key
                    WHERE $after IS NULL OR key > $after
                    RETURN e, key ORDER BY key LIMIT $limit""", Values.parameters("subject", subjectId, "period", period.toString(),
                    "after", after, "limit", limit)).list(r -> {
                        var e = r.get("e").asNode();
                        return new Entry(e.get("code").asString(), e.get("value").asString(""), e.get("by").asString(),
                                TimeKeys.utc(e.get("at").asLong()), r.get("key").asString(), e.get("source").asString(null),
                                e.get("ballots").isNull() ? List.of() : e.get("ballots").asList(Value::asString));
                    }));
        }
    }

    /** Events in the months of the period, withdrawn ones included, oldest first. */
    public List<Event> events(String subjectId, Period period) {
        var months = period.kind() == Period.Kind.MONTH ? List.of(period.toString())
                : period.parts(Period.Kind.MONTH).stream().map(Period::toString).toList();
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (e:AppraisalEvent {year: $year}) WHERE e.subjectId = $subject AND e.period IN $months
                    RETURN e ORDER BY e.at, e.id""", Map.of("year", period.year(), "subject", subjectId, "months", months))
                    .list(r -> {
                        var e = r.get("e").asNode();
                        return new Event(e.get("id").asString(), e.get("subjectId").asString(), e.get("period").asString(),
                                e.get("kind").asString(), e.get("months").asInt(1), e.get("source").asString(""),
                                e.get("by").asString(""), TimeKeys.utc(e.get("at").asLong()),
                                e.get("withdrawnAt").isNull() ? null : TimeKeys.utc(e.get("withdrawnAt").asLong()),
                                e.get("withdrawnBy").asString(null), e.get("withdrawReason").asString(null));
                    }));
        }
    }
}
