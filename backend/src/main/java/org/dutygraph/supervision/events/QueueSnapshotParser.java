package org.dutygraph.supervision.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dutygraph.platform.i18n.UnicodeText;
import tools.jackson.databind.JsonNode;

/**
 * Reads one line of the queue-snapshot format (docs/supervision-events.md):
 * {@code {"hall_id": "...", "at": "ISO date-time with offset", "waiting": n}}. Every problem is reported with its
 * field; a field the format does not know is refused (a typo would otherwise pass unnoticed).
 */
public final class QueueSnapshotParser {

    public static final int MAX_WAITING = 100_000;
    private static final int MAX_LINE_CHARS = 1_024;
    private static final Set<String> FIELDS = Set.of("hall_id", "at", "waiting");

    /** The snapshot of a line, or the line's problems. */
    public record Parsed(QueueSnapshot snapshot, List<LineProblem> problems) {
        public boolean ok() {
            return snapshot != null;
        }
    }

    /** @return null for a blank line (skipped), else the snapshot or the problems */
    public Parsed parse(long line, String text) {
        if (text.isBlank()) return null;
        var problems = new ArrayList<LineProblem>();
        if (text.length() > MAX_LINE_CHARS) {
            problems.add(new LineProblem(line, "$", "TOO_LONG", LineTexts.LINE_TOO_LONG, MAX_LINE_CHARS));
            return new Parsed(null, problems);
        }
        var read = JsonLines.withDuplicates(text);
        if (read.object() == null) {
            problems.add(new LineProblem(line, "$", read.code(), read.message()));
            return new Parsed(null, problems);
        }
        var node = read.object();
        for (var name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                problems.add(new LineProblem(line, name, "UNKNOWN_FIELD", LineTexts.UNKNOWN_SNAPSHOT_FIELD, name));
            }
        }
        // a field given twice is that field's problem; neither of its values is read, the line's others still are
        var duplicates = read.duplicates();
        for (var name : duplicates) {
            problems.add(new LineProblem(line, name, "DUPLICATE_FIELD", LineTexts.FIELD_GIVEN_TWICE, name));
        }
        var hall = duplicates.contains("hall_id") ? null : hallId(line, node.get("hall_id"), problems);
        var at = duplicates.contains("at") ? null : at(line, node.get("at"), problems);
        var waiting = duplicates.contains("waiting") ? null : waiting(line, node.get("waiting"), problems);
        if (!problems.isEmpty()) return new Parsed(null, List.copyOf(problems));
        return new Parsed(new QueueSnapshot(hall, at, waiting), List.of());
    }

    private static String hallId(long line, JsonNode value, List<LineProblem> problems) {
        if (value == null
                || value.isNull()
                || (value.isString() && value.stringValue().isBlank())) {
            problems.add(new LineProblem(line, "hall_id", "MISSING_FIELD", LineTexts.FIELD_REQUIRED, "hall_id"));
            return null;
        }
        if (!value.isString() || value.stringValue().length() > CaseEventParser.MAX_ID) {
            problems.add(new LineProblem(line, "hall_id", "INVALID_VALUE", LineTexts.HALL_ID_FORMAT));
            return null;
        }
        if (UnicodeText.holdsHalfACharacter(value.stringValue())) {
            problems.add(new LineProblem(line, "hall_id", "INVALID_VALUE", LineTexts.FIELD_NOT_UNICODE, "hall_id"));
            return null;
        }
        return value.stringValue();
    }

    private static OffsetDateTime at(long line, JsonNode value, List<LineProblem> problems) {
        if (value == null || value.isNull()) {
            problems.add(new LineProblem(line, "at", "MISSING_FIELD", LineTexts.FIELD_REQUIRED, "at"));
            return null;
        }
        try {
            if (!value.isString()) throw new DateTimeParseException("not a string", "", 0);
            var at = OffsetDateTime.parse(value.stringValue());
            if (at.getYear() >= 1900 && at.getYear() <= 9999) return at;
            problems.add(new LineProblem(line, "at", "OUT_OF_RANGE", LineTexts.AT_RANGE));
        } catch (DateTimeParseException e) {
            problems.add(new LineProblem(
                    line,
                    "at",
                    "INVALID_VALUE",
                    LineTexts.AT_FORMAT,
                    value.isString() ? value.stringValue() : value.toString()));
        }
        return null;
    }

    private static Integer waiting(long line, JsonNode value, List<LineProblem> problems) {
        if (value == null || value.isNull()) {
            problems.add(new LineProblem(line, "waiting", "MISSING_FIELD", LineTexts.FIELD_REQUIRED, "waiting"));
            return null;
        }
        if (!value.isIntegralNumber()) {
            var code = value.isNumber() ? "INVALID_VALUE" : "WRONG_TYPE";
            problems.add(new LineProblem(line, "waiting", code, LineTexts.WAITING_RANGE, MAX_WAITING));
            return null;
        }
        if (!value.canConvertToInt() || value.intValue() < 0 || value.intValue() > MAX_WAITING) {
            problems.add(new LineProblem(line, "waiting", "OUT_OF_RANGE", LineTexts.WAITING_RANGE, MAX_WAITING));
            return null;
        }
        return value.intValue();
    }
}
