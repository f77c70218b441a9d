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
import org.dutygraph.appraisal.ScoreSheetStore.LoggedEntry;
import org.dutygraph.appraisal.ScoreSheetStore.SheetKey;
import org.dutygraph.appraisal.ScoreSheetStore.SheetValues;
import org.dutygraph.appraisal.engine.Decimals;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.org.read.OrgNouns;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What appraisal reads: indicator scores entered by appraisers (a score sheet per subject and period
 * holds the current values; every entry is also logged with who and when), and events (verified serious
 * complaints, disciplinary cases, violations, confirmed spot-check findings) that overrides and bundled
 * penalties act on. Other features record events through {@link #recordEvent}. Every method runs in the caller's
 * transaction when there is one ({@link GraphTransactions}), so a rating round's close or a ranking's publication
 * commits with the inputs and events it records.
 */
@Service
public class AppraisalInputs {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_.-]{0,80}");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final BigDecimal MAX = BigDecimal.valueOf(1000);

    public record Score(String subjectId, String code, String value) {}

    private final GraphTransactions graph;
    private final AppraisalSchemes schemes;
    private final ScoreSheetStore sheets;
    private final AppraisalEventStore events;
    private final SubjectStore subjects;
    private final Clock clock;
    private final Sanctions sanctions;
    private final ObjectProvider<Effects> effects;

    AppraisalInputs(
            GraphTransactions graph,
            AppraisalSchemes schemes,
            ScoreSheetStore sheets,
            AppraisalEventStore events,
            SubjectStore subjects,
            Clock clock,
            ObjectProvider<Effects> effects) {
        // lazily: the effect handlers appraisal declares use this service, and Effects collects them when it is made
        this.sanctions = new Sanctions(schemes, subjects, effects::getObject, clock);
        this.effects = effects;
        this.graph = graph;
        this.schemes = schemes;
        this.sheets = sheets;
        this.events = events;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** The highest value a code may take, and the scheme that says so (null: no declared range). */
    private record Limit(BigDecimal max, String schemeId) {}

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
    public record Entry(Period period, String subjectId, String code, String value) {}

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
            byKey.computeIfAbsent(s.subjectId() + "|" + s.period() + "|" + s.code(), k -> new ArrayList<>())
                    .add(i);
        }
        byKey.values().stream().filter(list -> list.size() > 1).forEach(list -> {
            for (int i : list) {
                var others = list.stream()
                        .filter(j -> j != i)
                        .map(rows.names()::apply)
                        .toList();
                errors.add(UserError.of(
                        "DUPLICATE_SCORE",
                        Text.of(
                                AppraisalTexts.ENTERED_TWICE,
                                scores.get(i).code(),
                                scores.get(i).subjectId(),
                                String.join(", ", others),
                                rows.where()),
                        "input",
                        "scores",
                        String.valueOf(i),
                        "code"));
            }
        });
    }

    /**
     * Stores the scores (all or none); returns the problems, each naming its entry ({@code periodField}: the input
     * field the period came in).
     */
    public List<UserError> enter(String periodText, String periodField, List<Score> scores, String by) {
        Period period;
        try {
            period = Period.parse(periodText);
        } catch (IllegalArgumentException e) {
            return List.of(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "input", periodField));
        }
        if (scores.isEmpty() || scores.size() > MAX_ROWS) {
            return List.of(UserError.of(
                    "INVALID_SCORES", Text.of(AppraisalTexts.SCORES_PER_CALL, MAX_ROWS), "input", "scores"));
        }
        return enter(
                scores.stream()
                        .map(s -> new Entry(period, s.subjectId(), s.code(), s.value()))
                        .toList(),
                Rows.CALL,
                by);
    }

    /** The most rows one call (or one score sheet) may enter. */
    public static final int MAX_ROWS = 10_000;

    /**
     * Stores the entries (all or none) with the checks of {@link #enter(String, String, List, String)}; each problem's field is
     * {@code input.scores.<index>.<subjectId|code|value>}, its message naming rows as {@code rows} says.
     */
    public List<UserError> enter(List<Entry> scores, Rows rowNames, String by) {
        return enter(scores, null, rowNames, by);
    }

    /** The problems {@link #enter(List, Rows, String)} would find, storing nothing. */
    public List<UserError> check(List<Entry> scores, Rows rowNames) {
        return graph.read(() -> problems(scores, rowNames).errors());
    }

    /** Where a value comes from when not typed or imported: a rating round ({@code rating-round:<id>}) and its ballots. */
    public record Provenance(String source, List<String> ballots) {}

    /**
     * Stores the entries with the checks of {@link #enter(List, Rows, String)}, logging each with its provenance
     * ({@code provenance} is parallel to {@code scores}, or null). Within a caller's transaction (a rating round's close)
     * the inputs commit or roll back with it.
     */
    public List<UserError> enter(List<Entry> scores, List<Provenance> provenance, Rows rowNames, String by) {
        return graph.write(() -> {
            var checked = problems(scores, rowNames);
            if (!checked.errors().isEmpty()) {
                return checked.errors();
            }
            write(scores, checked.values(), provenance, by);
            return List.<UserError>of();
        });
    }

    /** The problems of the entries, and each entry's value as stored (null for a value refused). */
    private record Checked(List<UserError> errors, List<String> values) {}

    private Checked problems(List<Entry> scores, Rows rowNames) {
        var errors = new ArrayList<UserError>();
        var values = new ArrayList<String>();
        var readable = new HashMap<Period, Map<String, Limit>>();
        duplicates(scores, rowNames, errors);
        for (int i = 0; i < scores.size(); i++) {
            var s = scores.get(i);
            var codes = readable.computeIfAbsent(s.period(), this::codesInForce);
            checkCode(s, codes, String.valueOf(i), errors);
            values.add(checkedValue(s, codes.get(s.code()), String.valueOf(i), errors));
        }
        var known = subjects.existing(
                scores.stream().map(Entry::subjectId).distinct().toList());
        for (int i = 0; i < scores.size(); i++) {
            if (!known.contains(scores.get(i).subjectId())) {
                errors.add(UserError.of(
                        "UNKNOWN_SUBJECT",
                        Text.of(
                                PlatformTexts.NO_SUCH_ID,
                                Text.of(OrgNouns.UNIT_OR_PERSON),
                                scores.get(i).subjectId()),
                        "input",
                        "scores",
                        String.valueOf(i),
                        "subjectId"));
            }
        }
        return new Checked(errors, values);
    }

    private static void checkCode(Entry s, Map<String, Limit> codes, String at, List<UserError> errors) {
        if (!CODE.matcher(s.code()).matches()) {
            errors.add(UserError.of(
                    "INVALID_CODE", Text.of(AppraisalTexts.INDICATOR_CODE_FORMAT), "input", "scores", at, "code"));
        } else if (ComputedInputs.computed(s.code())) {
            errors.add(UserError.of(
                    "COMPUTED_INDICATOR",
                    Text.of(AppraisalTexts.COMPUTED_INDICATOR, s.code()),
                    "input",
                    "scores",
                    at,
                    "code"));
        } else if (!codes.containsKey(s.code())) {
            errors.add(UserError.of(
                    "UNKNOWN_INDICATOR",
                    Text.of(AppraisalTexts.UNKNOWN_INDICATOR, s.period(), s.code()),
                    "input",
                    "scores",
                    at,
                    "code"));
        }
    }

    /** The value as stored (plain decimal), or null when it is not a number; problems of range are added. */
    private static String checkedValue(Entry s, Limit limit, String at, List<UserError> errors) {
        try {
            var v = Decimals.parse(s.value());
            if (v.signum() < 0 || v.compareTo(MAX) > 0) {
                errors.add(UserError.of(
                        "OUT_OF_RANGE", Text.of(AppraisalTexts.SCORE_RANGE), "input", "scores", at, "value"));
            } else if (limit != null && limit.max() != null && v.compareTo(limit.max()) > 0) {
                errors.add(UserError.of(
                        "OUT_OF_RANGE",
                        Text.of(
                                AppraisalTexts.SCORE_OVER_MAX,
                                s.code(),
                                limit.max().toPlainString(),
                                limit.schemeId(),
                                s.period(),
                                v.toPlainString()),
                        "input",
                        "scores",
                        at,
                        "value"));
            }
            return v.toPlainString();
        } catch (Decimals.OutOfBounds e) {
            errors.add(UserError.of(
                    "OUT_OF_RANGE",
                    Text.of(AppraisalTexts.SCORE_DECIMALS, Decimals.MAX_FRACTION_DIGITS),
                    "input",
                    "scores",
                    at,
                    "value"));
        } catch (NumberFormatException e) {
            errors.add(UserError.of(
                    "NOT_A_NUMBER",
                    s.value().length() > 40
                            ? Text.of(AppraisalTexts.NOT_A_DECIMAL)
                            : Text.of(AppraisalTexts.NOT_A_DECIMAL_VALUE, s.value()),
                    "input",
                    "scores",
                    at,
                    "value"));
        }
        return null;
    }

    /** Merges the checked values into the sheets (each locked first) and logs every entry. */
    private void write(List<Entry> scores, List<String> values, List<Provenance> provenance, String by) {
        long now = clock.millis();
        var changes = new LinkedHashMap<String, Map<String, String>>();
        var keys = new LinkedHashMap<String, SheetKey>();
        var log = new ArrayList<LoggedEntry>();
        for (int i = 0; i < scores.size(); i++) {
            var s = scores.get(i);
            var key = s.subjectId() + "|" + s.period();
            keys.putIfAbsent(
                    key, new SheetKey(key, s.period().toString(), s.period().year()));
            changes.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(s.code(), values.get(i));
            var from = provenance == null ? null : provenance.get(i);
            log.add(new LoggedEntry(
                    s.subjectId(),
                    s.period().toString(),
                    s.code(),
                    values.get(i),
                    from == null ? null : from.source(),
                    from == null ? null : from.ballots()));
        }
        var current = sheets.lock(List.copyOf(keys.values()));
        var merged = new ArrayList<SheetValues>();
        changes.forEach((key, entries) -> {
            var sheet = current.get(key);
            sheet.putAll(entries);
            merged.add(new SheetValues(key, List.copyOf(sheet.keySet()), List.copyOf(sheet.values())));
        });
        sheets.update(merged, now);
        sheets.log(log, by, now);
    }

    /** Records an event for a subject in a month; {@code months} is how many months a bundled penalty runs (1-12). */
    public List<UserError> recordEvent(
            String subjectId, String month, String kind, int months, String source, String sourceId, String by) {
        return record(subjectId, month, kind, months, source, sourceId, by).errors();
    }

    /** The recorded event's id, or the problems. */
    public record Recorded(String id, List<UserError> errors, List<String> effectIds) {
        Recorded(String id, List<UserError> errors) {
            this(id, errors, List.of());
        }
    }

    /** Records a checked event (in the caller's transaction when there is one: publishing a ranking records its events with it). */
    public Recorded record(
            String subjectId, String month, String kind, int months, String source, String sourceId, String by) {
        return record(subjectId, month, "period", kind, months, source, sourceId, by);
    }

    private Recorded record(
            String subjectId,
            String month,
            String monthField,
            String kind,
            int months,
            String source,
            String sourceId,
            String by) {
        var problems = check(month, monthField, kind, months);
        if (!problems.isEmpty()) {
            return new Recorded(null, problems);
        }
        return graph.write(() -> create(subjectId, month, kind, months, source, sourceId, by, null));
    }

    /**
     * Records a checked event in a transaction of its own and, after its commit, delivers what it causes (an event a
     * scheme vetoes or downgrades on opens an accountability case). Not inside another transaction.
     * {@code monthField}: the input field the month came in, for its errors.
     */
    public Recorded recordAndDeliver(
            String subjectId,
            String month,
            String monthField,
            String kind,
            int months,
            String source,
            String sourceId,
            String by) {
        var recorded = record(subjectId, month, monthField, kind, months, source, sourceId, by);
        if (!recorded.effectIds().isEmpty()) {
            effects.getObject().deliver(recorded.effectIds());
        }
        return recorded;
    }

    /**
     * Records an event for another feature's effect, once: when the effect {@code effectId} has already recorded an event
     * for this subject, that one's id is answered and nothing is written. Runs in the effect's delivery transaction.
     */
    public Recorded recordOnce(
            String effectId,
            String subjectId,
            String month,
            String kind,
            int months,
            String source,
            String sourceId,
            String by) {
        var problems = check(month, "period", kind, months);
        if (!problems.isEmpty()) {
            return new Recorded(null, problems);
        }
        return graph.write(() -> events.recordedBy(effectId, subjectId)
                .map(id -> new Recorded(id, List.of()))
                .orElseGet(() -> create(subjectId, month, kind, months, source, sourceId, by, effectId)));
    }

    private Recorded create(
            String subjectId,
            String month,
            String kind,
            int months,
            String source,
            String sourceId,
            String by,
            String effectId) {
        if (!subjects.existing(List.of(subjectId)).contains(subjectId)) {
            return new Recorded(
                    null,
                    List.of(UserError.of(
                            "UNKNOWN_SUBJECT",
                            Text.of(PlatformTexts.NO_SUCH_ID, Text.of(OrgNouns.UNIT_OR_PERSON), subjectId),
                            "input",
                            "subjectId")));
        }
        var id = UUID.randomUUID().toString();
        var period = Period.parse(month);
        events.create(new AppraisalEventStore.NewEvent(
                id, subjectId, period, kind, months, source, sourceId, by, clock.millis(), effectId));
        return new Recorded(id, List.of(), sanctions.record(id, subjectId, period, kind, source));
    }

    /**
     * Withdraws an event recorded in error: it stays in the log with who, when and why, and the next recomputation
     * ignores it. An event withdrawn once stays withdrawn.
     */
    public List<UserError> withdrawEvent(String id, String reason, String by) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return List.of(UserError.of("INVALID_REASON", Text.of(AppraisalTexts.REASON_LENGTH), "input", "reason"));
        }
        return graph.write(() -> {
            var withdrawn = events.withdrawn(id == null ? "" : id);
            if (withdrawn.isEmpty()) {
                return List.of(UserError.of(
                        "NOT_FOUND",
                        Text.of(PlatformTexts.NO_SUCH_ID, Text.of(AppraisalTexts.EVENT), id),
                        "input",
                        "id"));
            }
            if (withdrawn.get()) {
                return List.of(
                        UserError.of("ALREADY_WITHDRAWN", Text.of(AppraisalTexts.ALREADY_WITHDRAWN), "input", "id"));
            }
            events.withdraw(id, by, reason.strip(), clock.millis());
            return List.<UserError>of();
        });
    }

    private static List<UserError> check(String month, String monthField, String kind, int months) {
        Period period;
        try {
            period = Period.parse(month);
        } catch (IllegalArgumentException e) {
            return List.of(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "input", monthField));
        }
        if (period.kind() != Period.Kind.MONTH) {
            return List.of(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.EVENT_MONTH), "input", monthField));
        }
        if (kind == null || !KIND.matcher(kind).matches()) {
            return List.of(UserError.of("INVALID_KIND", Text.of(AppraisalTexts.EVENT_KIND_FORMAT), "input", "kind"));
        }
        if (months < 1 || months > 12) {
            return List.of(UserError.of("OUT_OF_RANGE", Text.of(AppraisalTexts.MONTHS_RANGE), "input", "months"));
        }
        return List.of();
    }
}
