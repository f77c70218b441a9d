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
}
