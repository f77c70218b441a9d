package org.dutygraph.supervision.events;

import org.dutygraph.platform.i18n.Text;

/**
 * Why a line of case events or queue snapshots was not kept: its number (from 1), the field ({@code fee.amount};
 * {@code $} for the line as a whole), a stable code and the reason as a catalogue text ({@link LineTexts}).
 */
public record LineProblem(long line, String field, String code, Text message) {

    public LineProblem(long line, String field, String code, LineTexts text, Object... args) {
        this(line, field, code, Text.of(text, args));
    }

    @Override
    public String toString() {
        return "line " + line + ": " + field + " " + code + " " + message;
    }

    /** The first line past a batch's limit: it and the rest are not read. */
    public static LineProblem tooManyLines(long line, int maxLines) {
        return new LineProblem(line, "$", "TOO_MANY_LINES", LineTexts.TOO_MANY_LINES, maxLines);
    }
}
