package org.dutygraph.appraisal;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dutygraph.appraisal.AppraisalInputLog.Entry;
import org.dutygraph.appraisal.AppraisalInputLog.Score;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.neo4j.InProcessGraph;
import org.neo4j.driver.Value;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Score sheets (one {@code ScoreSheet} per subject and period, {@code key} = subject|period, holding the current values
 * as parallel lists of codes and values) and their entry log ({@code ScoreEntry}, one per value entered). Each call
 * joins the caller's transaction when there is one.
 */
@Component
class ScoreSheetStore {

    /** A sheet to write: its key, its period and that period's year. */
    record SheetKey(String key, String period, int year) {}

    /** A sheet's values after an entry, code by code. */
    record SheetValues(String key, List<String> codes, List<String> values) {}

    /** One logged entry; {@code source} and {@code ballots} are null unless a rating round entered it. */
    record LoggedEntry(
            String subjectId, String period, String code, String value, String source, List<String> ballots) {}

    private static final Label SHEET = Label.label("ScoreSheet");

    private final Neo4jClient neo4j;
    private final GraphDatabaseService inProcess;

    ScoreSheetStore(Neo4jClient neo4j, InProcessGraph inProcess) {
        this.neo4j = neo4j;
        this.inProcess = inProcess.database().orElse(null);
    }

    /**
     * Creates the sheets that do not exist and write-locks all of them before reading them (so that concurrent entries
     * do not lose updates); answers each sheet's current values by key, code by code in stored order.
     */
    Map<String, Map<String, String>> lock(List<SheetKey> keys) {
        var rows = keys.stream()
                .map(k -> Map.<String, Object>of("key", k.key(), "period", k.period(), "year", k.year()))
                .toList();
        var current = new HashMap<String, Map<String, String>>();
        neo4j.query("""
                        UNWIND $keys AS k
                        MERGE (s:ScoreSheet {key: k.key})
                        ON CREATE SET s.subjectId = split(k.key, '|')[0], s.period = k.period, s.year = k.year, s.codes = [],
                                      s.values = []
                        SET s._lock = true REMOVE s._lock
                        RETURN s.key AS key, s.codes AS codes, s.values AS values""")
                .bind(rows)
                .to("keys")
                .fetchAs(SheetValues.class)
                .mappedBy((types, r) -> values(r.get("key").asString(), r.get("codes"), r.get("values")))
                .all()
                .forEach(sheet -> current.put(sheet.key(), zip(sheet.codes(), sheet.values())));
        return current;
    }

    void update(List<SheetValues> sheets, long now) {
        var rows = sheets.stream()
                .map(s -> Map.<String, Object>of("key", s.key(), "codes", s.codes(), "values", s.values()))
                .toList();
        neo4j.query("""
                        UNWIND $rows AS row MATCH (s:ScoreSheet {key: row.key})
                        SET s.codes = row.codes, s.values = row.values, s.updatedAt = $now""").bindAll(Map.of("rows", rows, "now", now)).run();
    }

    void log(List<LoggedEntry> entries, String by, long now) {
        var rows = new ArrayList<Map<String, Object>>();
        for (var e : entries) {
            var row = new HashMap<String, Object>();
            row.put("subject", e.subjectId());
            row.put("period", e.period());
            row.put("code", e.code());
            row.put("value", e.value());
            row.put("source", e.source());
            row.put("ballots", e.ballots());
            rows.add(row);
        }
        neo4j.query("""
                        UNWIND $log AS e CREATE (:ScoreEntry {subjectId: e.subject, period: e.period, code: e.code, value: e.value,
                                by: $by, at: $now, source: e.source, ballots: e.ballots})""").bindAll(Map.of("log", rows, "by", by, "now", now)).run();
    }

    /** The subject's current values in the period, in stored order. */
    List<Score> scores(String subjectId, Period period) {
        var scores = new ArrayList<Score>();
        neo4j.query("MATCH (s:ScoreSheet {key: $key}) RETURN s.key AS key, s.codes AS c, s.values AS v")
                .bind(subjectId + "|" + period)
                .to("key")
                .fetchAs(SheetValues.class)
                .mappedBy((types, r) -> values(r.get("key").asString(), r.get("c"), r.get("v")))
                .all()
                .forEach(sheet -> zip(sheet.codes(), sheet.values())
                        .forEach((code, value) -> scores.add(new Score(code, value))));
        return scores;
    }

    /** The entry log of a subject's period, oldest first (the time, then the node), keyset paged. */
    List<Entry> entries(String subjectId, Period period, String after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("subject", subjectId);
        params.put("period", period.toString());
        params.put("after", after);
        params.put("limit", limit);
        return List.copyOf(neo4j.query("""
                        MATCH (e:ScoreEntry {subjectId: $subject, period: $period})
                        WITH e, right('000000000000000' + toString(e.at), 15) + '|' + elementId(e) AS key
                        WHERE $after IS NULL OR key > $after
                        RETURN e, key ORDER BY key LIMIT $limit""")
                .bindAll(params)
                .fetchAs(Entry.class)
                .mappedBy((types, r) -> {
                    var e = r.get("e").asNode();
                    return new Entry(
                            e.get("code").asString(),
                            e.get("value").asString(""),
                            e.get("by").asString(),
                            TimeKeys.utc(e.get("at").asLong()),
                            r.get("key").asString(),
                            e.get("source").asString(null),
                            e.get("ballots").isNull()
                                    ? List.of()
                                    : e.get("ballots").asList(Value::asString));
                })
                .all());
    }

    /**
     * Every sheet of the period: subject -> code -> value (the computation reads a period at a time). Kept compact
     * ({@link PeriodSheets}): the 100,000 sheets of a large period share their codes and the values written alike. Read
     * through the Java API when the store is in this JVM (the {@code score_sheet_period} index, no Cypher or loopback
     * connection), else with Cypher.
     */
    Map<String, Map<String, BigDecimal>> ofPeriod(Period period) {
        var sheets = new PeriodSheets();
        if (inProcess != null) {
            try (var tx = inProcess.beginTx();
                    var nodes = tx.findNodes(SHEET, "period", period.toString())) {
                while (nodes.hasNext()) {
                    var node = nodes.next();
                    sheets.add(
                            (String) node.getProperty("subjectId"),
                            strings(node.getProperty("codes")),
                            strings(node.getProperty("values")));
                }
            }
            return sheets.map();
        }
        record Read(String subjectId, String[] codes, String[] values) {}
        neo4j.query(
                        "MATCH (s:ScoreSheet {period: $period}) RETURN s.subjectId AS subject, s.codes AS codes, s.values AS values")
                .bind(period.toString())
                .to("period")
                .fetchAs(Read.class)
                .mappedBy((types, r) -> new Read(
                        r.get("subject").asString(),
                        r.get("codes").asList(Value::asString).toArray(String[]::new),
                        r.get("values").asList(Value::asString).toArray(String[]::new)))
                .all()
                .forEach(sheet -> sheets.add(sheet.subjectId(), sheet.codes(), sheet.values()));
        return sheets.map();
    }

    /** A list property of strings as the Java API gives it (an empty list may come back as an empty array of any type). */
    private static String[] strings(Object property) {
        if (property instanceof String[] strings) {
            return strings;
        }
        if (property != null && property.getClass().isArray() && java.lang.reflect.Array.getLength(property) == 0) {
            return new String[0];
        }
        throw new IllegalStateException("a score sheet's codes and values are lists of strings, not " + property);
    }

    /**
     * A period's sheets as they are read: sheets with the same codes share one array of them, and values written alike
     * one BigDecimal (immutable; parsed from the same text they are equal, scale included).
     */
    static final class PeriodSheets {

        private final Map<String, Map<String, BigDecimal>> bySubject = new HashMap<>();
        private final Map<List<String>, String[]> codes = new HashMap<>();
        private final Map<String, BigDecimal> numbers = new HashMap<>();

        void add(String subjectId, String[] codes, String[] values) {
            if (values.length < codes.length) {
                throw new IllegalStateException("the score sheet of " + subjectId + " has " + codes.length
                        + " codes and " + values.length + " values");
            }
            var shared = this.codes.computeIfAbsent(List.of(codes), k -> codes);
            // a value without a code is not read (as when the sheet was a map built code by code)
            var parsed = new BigDecimal[codes.length];
            for (int i = 0; i < codes.length; i++) {
                parsed[i] = numbers.computeIfAbsent(values[i], BigDecimal::new);
            }
            bySubject.put(subjectId, new Sheet(shared, parsed));
        }

        Map<String, Map<String, BigDecimal>> map() {
            return bySubject;
        }
    }

    /** One sheet's values by code, read-only; a code written twice reads as its last value (as a map built in order). */
    static final class Sheet extends AbstractMap<String, BigDecimal> {

        private final String[] codes;
        private final BigDecimal[] values;

        Sheet(String[] codes, BigDecimal[] values) {
            this.codes = codes;
            this.values = values;
        }

        @Override
        public BigDecimal get(Object code) {
            for (int i = codes.length - 1; i >= 0; i--) {
                if (codes[i].equals(code)) {
                    return values[i];
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(Object code) {
            for (var c : codes) {
                if (c.equals(code)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Set<Entry<String, BigDecimal>> entrySet() {
            var map = new LinkedHashMap<String, BigDecimal>();
            for (int i = 0; i < codes.length; i++) {
                map.put(codes[i], values[i]);
            }
            return Collections.unmodifiableMap(map).entrySet();
        }
    }

    private static SheetValues values(String key, Value codes, Value values) {
        return new SheetValues(key, codes.asList(Value::asString), values.asList(Value::asString));
    }

    private static Map<String, String> zip(List<String> codes, List<String> values) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < codes.size(); i++) {
            map.put(codes.get(i), values.get(i));
        }
        return map;
    }
}
