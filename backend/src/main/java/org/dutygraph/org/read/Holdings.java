package org.dutygraph.org.read;

/**
 * The one definition of "holds a post on a day", for every store's Cypher: a {@code HOLDS} relationship
 * that has started (dates are ISO strings; an unknown start is stored as '' and sorts before every day) and
 * has not ended. Spelled out in each query it drifted into four variants, two of them ignoring the start.
 */
public final class Holdings {

    private Holdings() {}

    /**
     * The condition on relationship variable {@code holds} for the day in parameter {@code dayParameter}, or in a
     * variable of the query (a day per row of an UNWIND).
     */
    public static String currentOn(String holds, String dayParameter) {
        if (!holds.matches("[a-z][A-Za-z0-9]*") || !dayParameter.matches("\\$?[a-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("not a variable or parameter: " + holds + ", " + dayParameter);
        }
        return "(%1$s.startDate <= %2$s AND (%1$s.endDate IS NULL OR %1$s.endDate >= %2$s))"
                .formatted(holds, dayParameter);
    }
}
