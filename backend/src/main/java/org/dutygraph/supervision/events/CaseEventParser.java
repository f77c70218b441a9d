package org.dutygraph.supervision.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.dutygraph.org.bundle.Bundle;
import org.dutygraph.platform.i18n.UnicodeText;
import tools.jackson.databind.JsonNode;

/**
 * Reads one line of the case-event format (docs/supervision-events.md). Every problem of the line is reported with
 * its field; a line with a problem yields no event. Fields the format does not know are ignored, and so are the
 * fields of another kind (a {@code reason} on an {@code accepted} event).
 */
public final class CaseEventParser {

    public static final int MAX_LINE_CHARS = 16_384;
    static final int MAX_ID = 200;
    static final int MAX_TEXT = 2_000;
    static final int MAX_STEP_LIMIT_DAYS = 3650;

    /**
     * The event of a line, or the line's problems and, when the line was one JSON object, what could be read of it
     * ({@code partial}: the fields without a problem, null elsewhere), so that its references are checked too and
     * every problem of the line is reported at once.
     */
    public record Parsed(CaseEvent event, List<LineProblem> problems, CaseEvent partial) {
        public boolean ok() {
            return event != null;
        }
    }

    /** @return null for a blank line (skipped), else the event or the problems */
    public Parsed parse(long lineNumber, String line) {
        if (line.isBlank()) {
            return null;
        }
        var fields = new Fields(lineNumber);
        if (line.length() > MAX_LINE_CHARS) {
            fields.problem("$", "TOO_LONG", LineTexts.LINE_TOO_LONG, MAX_LINE_CHARS);
            return fields.result(null);
        }
        var read = JsonLines.withDuplicates(line);
        if (read.object() == null) {
            fields.problem("$", read.code(), read.message());
            return fields.result(null);
        }
        read.duplicates().forEach(fields::duplicate);
        return fields.result(event(read.object(), fields));
    }

    private static CaseEvent event(JsonNode node, Fields f) {
        var eventId = f.id(node, "event_id", true);
        var caseId = f.id(node, "case_id", true);
        var powerItemId = f.id(node, "power_item_id", true);
        var unitId = f.id(node, "unit_id", true);
        var postId = f.id(node, "post_id", false);
        var kind = kind(node, f);
        var at = at(node, f);
        String step = null;
        Integer stepLimit = null;
        String reason = null;
        CaseEvent.Fee fee = null;
        if (kind == CaseEvent.Kind.step) {
            step = f.text(node, "step", MAX_ID, true);
            stepLimit = stepLimit(node, f);
        } else if (kind == CaseEvent.Kind.rejected) {
            reason = f.text(node, "reason", MAX_TEXT, false);
        } else if (kind == CaseEvent.Kind.fee) {
            fee = fee(node, f);
        }
        return new CaseEvent(
                eventId,
                caseId,
                powerItemId,
                unitId,
                postId,
                kind,
                at,
                step,
                stepLimit,
                reason == null || reason.isBlank() ? null : reason,
                fee);
    }

    private static CaseEvent.Kind kind(JsonNode node, Fields f) {
        var text = f.text(node, "kind", MAX_ID, true);
        if (text == null) return null;
        try {
            return CaseEvent.Kind.valueOf(text);
        } catch (IllegalArgumentException e) {
            f.problem("kind", "UNKNOWN_VALUE", LineTexts.UNKNOWN_KIND, text);
            return null;
        }
    }

    private static OffsetDateTime at(JsonNode node, Fields f) {
        var text = f.text(node, "at", 100, true);
        if (text == null) return null;
        try {
            var at = offsetDateTime(text);
            if (at.getYear() < 1900 || at.getYear() > 9999) {
                f.problem("at", "OUT_OF_RANGE", LineTexts.AT_RANGE);
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            f.problem("at", "INVALID_VALUE", LineTexts.AT_FORMAT, text);
            return null;
        }
    }

    /**
     * {@link OffsetDateTime#parse}, with the form systems send (`2026-03-02T09:00:00+08:00`, 25 characters) read
     * directly: the parser's formatter took about half of a line's reading time. Any other form, and any value of
     * that form a field's range refuses (month 13, 24:00, an offset over 18 hours), goes to {@code parse}, so the
     * result and the exception are always parse's own.
     */
    static OffsetDateTime offsetDateTime(String text) {
        if (text.length() == 25
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':'
                && (text.charAt(19) == '+' || text.charAt(19) == '-')
                && text.charAt(22) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int offsetHours = digits(text, 20, 2);
            int offsetMinutes = digits(text, 23, 2);
            if ((year | month | day | hour | minute | second | offsetHours | offsetMinutes) >= 0
                    // "-00:00" is left to parse; so is a minutes' part of an offset over 59, which ofHoursMinutes
                    // would refuse anyway
                    && !(text.charAt(19) == '-' && offsetHours == 0 && offsetMinutes == 0)) {
                try {
                    int sign = text.charAt(19) == '+' ? 1 : -1;
                    return OffsetDateTime.of(
                            year,
                            month,
                            day,
                            hour,
                            minute,
                            second,
                            0,
                            java.time.ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes));
                } catch (java.time.DateTimeException e) {
                    // out of a field's range: parse says so in its own words
                }
            }
        }
        return OffsetDateTime.parse(text);
    }

    /** The ASCII digits at {@code from} as a number, or -1 when one of them is not an ASCII digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Integer stepLimit(JsonNode node, Fields f) {
        var value = node.get("step_limit_days");
        if (value == null || value.isNull()) return null;
        if (f.duplicates.contains("step_limit_days")) return null;
        if (!value.isIntegralNumber()) {
            f.problem("step_limit_days", value.isNumber() ? "INVALID_VALUE" : "WRONG_TYPE", LineTexts.STEP_LIMIT);
            return null;
        }
        if (!value.canConvertToInt() || value.intValue() < 0 || value.intValue() > MAX_STEP_LIMIT_DAYS) {
            f.problem("step_limit_days", "OUT_OF_RANGE", LineTexts.STEP_LIMIT_RANGE);
            return null;
        }
        return value.intValue();
    }

    private static CaseEvent.Fee fee(JsonNode node, Fields f) {
        var value = node.get("fee");
        if (f.duplicates.contains("fee")) return null;
        if (value == null || value.isNull()) {
            f.problem("fee", "MISSING_FIELD", LineTexts.FEE_REQUIRED);
            return null;
        }
        if (!value.isObject()) {
            f.problem("fee", "WRONG_TYPE", LineTexts.FEE_OBJECT);
            return null;
        }
        var item = f.text(value, "fee.item", "item", MAX_ID, true);
        var amount = f.text(value, "fee.amount", "amount", 40, true);
        if (amount != null && !Bundle.Fee.isAmount(amount)) {
            f.problem("fee.amount", "INVALID_VALUE", LineTexts.AMOUNT_FORMAT, amount);
            return null;
        }
        return item == null || amount == null ? null : new CaseEvent.Fee(item, amount);
    }

    private static final class Fields {
        private final long line;
        private final List<LineProblem> problems = new ArrayList<>();
        /** The fields given twice: reported once as such, their values not read (null in the partial event). */
        private final java.util.Set<String> duplicates = new java.util.HashSet<>();

        Fields(long line) {
            this.line = line;
        }

        void problem(String field, String code, LineTexts text, Object... args) {
            problems.add(new LineProblem(line, field, code, text, args));
        }

        void duplicate(String field) {
            duplicates.add(field);
            problem(field, "DUPLICATE_FIELD", LineTexts.FIELD_GIVEN_TWICE, field);
        }

        Parsed result(CaseEvent event) {
            return problems.isEmpty()
                    ? new Parsed(event, List.of(), null)
                    : new Parsed(null, List.copyOf(problems), event);
        }

        String id(JsonNode node, String field, boolean required) {
            return text(node, field, field, MAX_ID, required);
        }

        String text(JsonNode node, String field, int max, boolean required) {
            return text(node, field, field, max, required);
        }

        String text(JsonNode node, String path, String field, int max, boolean required) {
            if (duplicates.contains(path)) return null;
            var value = node.get(field);
            if (value == null
                    || value.isNull()
                    || (value.isString() && value.stringValue().isBlank())) {
                if (required) problem(path, "MISSING_FIELD", LineTexts.FIELD_REQUIRED, path);
                return null;
            }
            if (!value.isString()) {
                problem(path, "WRONG_TYPE", LineTexts.FIELD_NOT_STRING, path);
                return null;
            }
            if (value.stringValue().length() > max) {
                problem(path, "TOO_LONG", LineTexts.FIELD_TOO_LONG, path, max);
                return null;
            }
            if (UnicodeText.holdsHalfACharacter(value.stringValue())) {
                problem(path, "INVALID_VALUE", LineTexts.FIELD_NOT_UNICODE, path);
                return null;
            }
            return value.stringValue();
        }
    }
}
