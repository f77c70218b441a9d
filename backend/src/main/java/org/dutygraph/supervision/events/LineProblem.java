package org.dutygraph.supervision.events;

/**
 * Why a line of case events was not kept: its number (from 1), the field ({@code fee.amount}; {@code $} for the line
 * as a whole), a stable code and a sentence.
 */
public record LineProblem(long line, String field, String code, String message) {

    @Override
    public String toString() {
        return "line " + line + ": " + field + " " + code + " " + message;
    }

    /** The first line past a batch's limit: it and the rest are not read. */
    public static LineProblem tooManyLines(long line, int maxLines) {
        return new LineProblem(
                line,
                "$",
                "TOO_MANY_LINES",
                "A batch is at most " + maxLines
                        + " lines: this line and the rest were not read; send them in another batch");
    }
}
