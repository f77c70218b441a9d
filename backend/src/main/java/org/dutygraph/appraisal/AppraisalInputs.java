package org.dutygraph.appraisal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.dutygraph.appraisal.engine.Decimals;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.org.OrgTexts;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.springframework.stereotype.Service;

/**
 * What appraisal reads: indicator scores entered by appraisers (a score sheet per subject and period
 * holds the current values; every entry is also logged with who and when), and events (verified serious
 * complaints, disciplinary cases, violations, confirmed spot-check findings) that overrides and bundled
 * penalties act on. Other features record events through {@link #recordEvent}.
 */
@Service
public class AppraisalInputs {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_.-]{0,80}");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final BigDecimal MAX = BigDecimal.valueOf(1000);

    public record Score(String subjectId, String code, String value) {
    }

    private final Driver driver;
    private final AppraisalSchemes schemes;
    private final Clock clock;

    AppraisalInputs(Driver driver, AppraisalSchemes schemes, Clock clock) {
        this.driver = driver;
        this.schemes = schemes;
        this.clock = clock;
    }

    /** The highest value a code may take, and the scheme that says so (null: no declared range). */
    private record Limit(BigDecimal max, String schemeId) {
    }

    /**
     * The codes the schemes in force for the period (of its kind) read, each with its range: where two schemes
     * declare different maxima for one code, the lower one (a value must make sense to every scheme reading it).
     */
    private Map<String, Limit> codesInForce(Period period) {
        var codes = new HashMap<String, Limit>();
        schemes.versions(period.year()).values().forEach(list -> {
            var scheme = AppraisalSchemes.inForce(list, period);
            if (scheme != null && scheme.period() == period.kind()) {
                scheme.inputCodes().forEach(code -> codes.putIfAbsent(code, new Limit(null, null)));
                scheme.inputMaxima().forEach((code, max) -> {
                    var known = codes.get(code);
                    if (known.max() == null || max.compareTo(known.max()) < 0) {
                        codes.put(code, new Limit(max, scheme.id()));
                    }
                });
            }
        });
        return codes;
    }

    /** A score for one subject in one period: the rows of one entry may span periods (a score sheet's may). */
    public record Entry(Period period, String subjectId, String code, String value) {
    }

    /**
     * How problems name rows: {@code names.apply(i)} for the i-th entry (its index in a call, its row in a file) and
     * where the rows are ("this call", "this sheet").
     */
    public record Rows(java.util.function.IntFunction<String> names, Text where) {
        static final Rows CALL = new Rows(String::valueOf, Text.of(AppraisalTexts.THIS_CALL));
    }

    /** Rows that enter the same code for the same subject and period: each of them is refused, naming the others. */
    private static void duplicates(List<Entry> scores, Rows rows, List<UserError> errors) {
        var byKey = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < scores.size(); i++) {
            var s = scores.get(i);
            byKey.computeIfAbsent(s.subjectId() + "|" + s.period() + "|" + s.code(), k -> new ArrayList<>()).add(i);
        }
        byKey.values().stream().filter(list -> list.size() > 1).forEach(list -> {
            for (int i : list) {
                var others = list.stream().filter(j -> j != i).map(rows.names()::apply).toList();
                errors.add(UserError.of("DUPLICATE_SCORE", Text.of(AppraisalTexts.ENTERED_TWICE, scores.get(i).code(),
                        scores.get(i).subjectId(), String.join(", ", others), rows.where()), "input", "scores", String.valueOf(i), "code"));
            }
        });
    }

    /** Stores the scores (all or none); returns the problems, each naming its entry. */
    public List<UserError> enter(String periodText, List<Score> scores, String by) {
        Period period;
        try {
            period = Period.parse(periodText);
        } catch (IllegalArgumentException e) {
            return List.of(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "input", "period"));
        }
        if (scores.isEmpty() || scores.size() > MAX_ROWS) {
            return List.of(UserError.of("INVALID_SCORES", Text.of(AppraisalTexts.SCORES_PER_CALL, MAX_ROWS), "input", "scores"));
        }
        return enter(scores.stream().map(s -> new Entry(period, s.subjectId(), s.code(), s.value())).toList(), Rows.CALL, by);
    }

    /** The most rows one call (or one score sheet) may enter. */
    public static final int MAX_ROWS = 10_000;

    /**
     * Stores the entries (all or none) with the checks of {@link #enter(String, List, String)}; each problem's field is
     * {@code input.scores.<index>.<subjectId|code|value>}, its message naming rows as {@code rows} says.
     */
    public List<UserError> enter(List<Entry> scores, Rows rowNames, String by) {
        return enter(scores, rowNames, by, true);
    }

    /** The problems {@link #enter(List, Rows, String)} would find, storing nothing. */
    public List<UserError> check(List<Entry> scores, Rows rowNames) {
        return enter(scores, rowNames, null, false);
    }

    /** Where a value comes from when not typed or imported: a rating round ({@code rating-round:<id>}) and its ballots. */
    public record Provenance(String source, List<String> ballots) {
    }

    /**
     * Stores the entries with the checks of {@link #enter(List, Rows, String)} within the caller's write transaction, so
     * that a rating round's close and the inputs it enters commit or roll back together. {@code provenance} is parallel to
     * {@code scores} and logged with each entry.
     */
    public List<UserError> enterIn(TransactionContext tx, List<Entry> scores, List<Provenance> provenance, Rows rowNames,
                                   String by) {
        return enter(scores, provenance, rowNames, by, true, tx);
    }

    private List<UserError> enter(List<Entry> scores, Rows rowNames, String by, boolean store) {
        return enter(scores, null, rowNames, by, store, null);
    }

    private List<UserError> enter(List<Entry> scores, List<Provenance> provenance, Rows rowNames, String by, boolean store,
                                  TransactionContext within) {
        var errors = new ArrayList<UserError>();
        var values = new ArrayList<String>();
        var readable = new HashMap<Period, Map<String, Limit>>();
        duplicates(scores, rowNames, errors);
        for (int i = 0; i < scores.size(); i++) {
            var s = scores.get(i);
            var period = s.period();
            var codes = readable.computeIfAbsent(period, this::codesInForce);
            var at = String.valueOf(i);
            if (!CODE.matcher(s.code()).matches()) {
                errors.add(UserError.of("INVALID_CODE", Text.of(AppraisalTexts.INDICATOR_CODE_FORMAT),
                        "input", "scores", at, "code"));
            } else if (!codes.containsKey(s.code())) {
                errors.add(UserError.of("UNKNOWN_INDICATOR", Text.of(AppraisalTexts.UNKNOWN_INDICATOR, period, s.code()),
                        "input", "scores", at, "code"));
            }
            try {
                var v = Decimals.parse(s.value());
                var limit = codes.get(s.code());
                if (v.signum() < 0 || v.compareTo(MAX) > 0) {
                    errors.add(UserError.of("OUT_OF_RANGE", Text.of(AppraisalTexts.SCORE_RANGE), "input", "scores", at, "value"));
                } else if (limit != null && limit.max() != null && v.compareTo(limit.max()) > 0) {
                    errors.add(UserError.of("OUT_OF_RANGE", Text.of(AppraisalTexts.SCORE_OVER_MAX, s.code(), limit.max().toPlainString(),
                            limit.schemeId(), period, v.toPlainString()),
                            "input", "scores", at, "value"));
                }
                values.add(v.toPlainString());
            } catch (Decimals.OutOfBounds e) {
                errors.add(UserError.of("OUT_OF_RANGE", Text.of(AppraisalTexts.SCORE_DECIMALS, Decimals.MAX_FRACTION_DIGITS),
                        "input", "scores", at, "value"));
                values.add(null);
            } catch (NumberFormatException e) {
                errors.add(UserError.of("NOT_A_NUMBER", s.value().length() > 40 ? Text.of(AppraisalTexts.NOT_A_DECIMAL)
                        : Text.of(AppraisalTexts.NOT_A_DECIMAL_VALUE, s.value()), "input", "scores", at, "value"));
                values.add(null);
            }
        }
        var subjects = scores.stream().map(Entry::subjectId).distinct().toList();
        long now = clock.millis();
        TransactionCallback<List<UserError>> write = tx -> {
            var known = new java.util.HashSet<>(tx.run("""
                    UNWIND $ids AS id OPTIONAL MATCH (o:Organization {id: id}) OPTIONAL MATCH (p:Person {id: id})
                    WITH id WHERE o IS NOT NULL OR p IS NOT NULL RETURN collect(id) AS ids""", Map.of("ids", subjects))
                    .single().get("ids").asList(Value::asString));
            for (int i = 0; i < scores.size(); i++) {
                if (!known.contains(scores.get(i).subjectId())) {
                    errors.add(UserError.of("UNKNOWN_SUBJECT", Text.of(PlatformTexts.NO_SUCH_ID, Text.of(OrgTexts.UNIT_OR_PERSON),
                            scores.get(i).subjectId()), "input", "scores", String.valueOf(i), "subjectId"));
                }
            }
            if (!errors.isEmpty() || !store) {
                return errors;
            }
            var sheets = new LinkedHashMap<String, Map<String, String>>();
            var sheetPeriods = new HashMap<String, Period>();
            for (int i = 0; i < scores.size(); i++) {
                var key = scores.get(i).subjectId() + "|" + scores.get(i).period();
                sheetPeriods.put(key, scores.get(i).period());
                sheets.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(scores.get(i).code(), values.get(i));
            }
            // MERGE then touch: each sheet is write-locked before it is read, so concurrent entries do not lose updates
            var current = new HashMap<String, Map<String, String>>();
            var keys = sheets.keySet().stream().map(k -> Map.<String, Object>of("key", k,
                    "period", sheetPeriods.get(k).toString(), "year", sheetPeriods.get(k).year())).toList();
            tx.run("""
                    UNWIND $keys AS k
                    MERGE (s:ScoreSheet {key: k.key})
                    ON CREATE SET s.subjectId = split(k.key, '|')[0], s.period = k.period, s.year = k.year, s.codes = [], s.values = []
                    SET s._lock = true REMOVE s._lock
                    RETURN s.key AS key, s.codes AS codes, s.values AS values""", Map.of("keys", keys))
                    .forEachRemaining(r -> {
                        var map = new LinkedHashMap<String, String>();
                        var codes = r.get("codes").asList(Value::asString);
                        var vals = r.get("values").asList(Value::asString);
                        for (int i = 0; i < codes.size(); i++) {
                            map.put(codes.get(i), vals.get(i));
                        }
                        current.put(r.get("key").asString(), map);
                    });
            var rows = new ArrayList<Map<String, Object>>();
            sheets.forEach((key, entries) -> {
                var merged = current.get(key);
                merged.putAll(entries);
                rows.add(Map.of("key", key, "codes", List.copyOf(merged.keySet()), "values", List.copyOf(merged.values())));
            });
            tx.run("""
                    UNWIND $rows AS row MATCH (s:ScoreSheet {key: row.key})
                    SET s.codes = row.codes, s.values = row.values, s.updatedAt = $now""",
                    Map.of("rows", rows, "now", now)).consume();
            var log = new ArrayList<Map<String, Object>>();
            for (int i = 0; i < scores.size(); i++) {
                var entry = new HashMap<String, Object>(Map.of("subject", scores.get(i).subjectId(),
                        "period", scores.get(i).period().toString(), "code", scores.get(i).code(), "value", values.get(i)));
                if (provenance != null) {
                    entry.put("source", provenance.get(i).source());
                    entry.put("ballots", provenance.get(i).ballots());
                }
                log.add(entry);
            }
            tx.run("""
                    UNWIND $log AS e CREATE (:ScoreEntry {subjectId: e.subject, period: e.period, code: e.code, value: e.value,
                            by: $by, at: $now, source: e.source, ballots: e.ballots})""", Map.of("log", log, "by", by, "now", now))
                    .consume();
            return List.<UserError>of();
        };
        if (within != null) {
            return write.execute(within);
        }
        try (var session = driver.session()) {
            return session.executeWrite(write);
        }
    }

    /** Records an event for a subject in a month; {@code months} is how many months a bundled penalty runs (1-12). */
    public List<UserError> recordEvent(String subjectId, String month, String kind, int months, String source, String sourceId,
                                       String by) {
        return record(subjectId, month, kind, months, source, sourceId, by).errors();
    }

    /** The recorded event's id, or the problems. */
    public record Recorded(String id, List<UserError> errors) {
    }

    public Recorded record(String subjectId, String month, String kind, int months, String source, String sourceId, String by) {
        var problems = check(month, kind, months);
        if (!problems.isEmpty()) {
            return new Recorded(null, problems);
        }
        try (var session = driver.session()) {
            return session.executeWrite(tx -> record(tx, subjectId, month, kind, months, source, sourceId, by, null));
        }
    }

    /**
     * Records an event in {@code tx} for another feature's effect, once: when the effect {@code effectId} has already
     * recorded an event for this subject, that one's id is answered and nothing is written.
     */
    public Recorded recordOnce(TransactionContext tx, String effectId, String subjectId, String month, String kind, int months,
                               String source, String sourceId, String by) {
        var problems = check(month, kind, months);
        if (!problems.isEmpty()) {
            return new Recorded(null, problems);
        }
        var earlier = tx.run("MATCH (e:AppraisalEvent {effectId: $effect, subjectId: $subject}) RETURN e.id AS id",
                Map.of("effect", effectId, "subject", subjectId)).list(r -> r.get("id").asString());
        return earlier.isEmpty() ? record(tx, subjectId, month, kind, months, source, sourceId, by, effectId)
                : new Recorded(earlier.get(0), List.of());
    }

    /** Records a checked event in {@code tx} (publishing a ranking records its events with it). */
    public Recorded record(TransactionContext tx, String subjectId, String month, String kind, int months, String source,
                           String sourceId, String by) {
        var problems = check(month, kind, months);
        return problems.isEmpty() ? record(tx, subjectId, month, kind, months, source, sourceId, by, null)
                : new Recorded(null, problems);
    }

    private Recorded record(TransactionContext tx, String subjectId, String month, String kind, int months, String source,
                            String sourceId, String by, String effectId) {
        var id = UUID.randomUUID().toString();
        var period = Period.parse(month);
        boolean exists = tx.run("""
                OPTIONAL MATCH (o:Organization {id: $id}) OPTIONAL MATCH (p:Person {id: $id})
                RETURN o IS NOT NULL OR p IS NOT NULL AS e""", Map.of("id", subjectId)).single().get("e").asBoolean();
        if (!exists) {
            return new Recorded(null, List.of(UserError.of("UNKNOWN_SUBJECT", Text.of(PlatformTexts.NO_SUCH_ID,
                    Text.of(OrgTexts.UNIT_OR_PERSON), subjectId), "input", "subjectId")));
        }
        tx.run("""
                CREATE (:AppraisalEvent {id: $id, subjectId: $subject, period: $period, year: $year, kind: $kind,
                        months: $months, source: $source, sourceId: $sourceId, by: $by, at: $at, effectId: $effect})""",
                Values.parameters("id", id, "subject", subjectId, "period", period.toString(),
                        "year", period.year(), "kind", kind, "months", months, "source", source, "sourceId", sourceId,
                        "by", by, "at", clock.millis(), "effect", effectId)).consume();
        return new Recorded(id, List.of());
    }

    /**
     * Withdraws an event recorded in error: it stays in the log with who, when and why, and the next recomputation
     * ignores it. An event withdrawn once stays withdrawn.
     */
    public List<UserError> withdrawEvent(String id, String reason, String by) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return List.of(UserError.of("INVALID_REASON", Text.of(AppraisalTexts.REASON_LENGTH), "input", "reason"));
        }
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var found = tx.run("MATCH (e:AppraisalEvent {id: $id}) RETURN e.withdrawnAt IS NOT NULL AS withdrawn",
                        Map.of("id", id == null ? "" : id)).list(r -> r.get("withdrawn").asBoolean());
                if (found.isEmpty()) {
                    return List.of(UserError.of("NOT_FOUND", Text.of(PlatformTexts.NO_SUCH_ID, Text.of(AppraisalTexts.EVENT), id), "input", "id"));
                }
                if (found.get(0)) {
                    return List.of(UserError.of("ALREADY_WITHDRAWN", Text.of(AppraisalTexts.ALREADY_WITHDRAWN), "input", "id"));
                }
                tx.run("""
                        MATCH (e:AppraisalEvent {id: $id})
                        SET e.withdrawnAt = $now, e.withdrawnBy = $by, e.withdrawReason = $reason""",
                        Map.of("id", id, "by", by, "reason", reason.strip(), "now", clock.millis())).consume();
                return List.<UserError>of();
            });
        }
    }

    private static List<UserError> check(String month, String kind, int months) {
        Period period;
        try {
            period = Period.parse(month);
        } catch (IllegalArgumentException e) {
            return List.of(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "input", "period"));
        }
        if (period.kind() != Period.Kind.MONTH) {
            return List.of(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.EVENT_MONTH), "input", "period"));
        }
        if (kind == null || !KIND.matcher(kind).matches()) {
            return List.of(UserError.of("INVALID_KIND", Text.of(AppraisalTexts.EVENT_KIND_FORMAT),
                    "input", "kind"));
        }
        if (months < 1 || months > 12) {
            return List.of(UserError.of("OUT_OF_RANGE", Text.of(AppraisalTexts.MONTHS_RANGE), "input", "months"));
        }
        return List.of();
    }
}
