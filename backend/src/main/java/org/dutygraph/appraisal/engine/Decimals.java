package org.dutygraph.appraisal.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The rounding policy, in one place. Sums, products and percentages are exact (BigDecimal). Divisions
 * (averages, an input over a maximum other than 100) are carried to 34 significant digits (IEEE 754
 * decimal128, half-even). Grades, ranks, distributions and payouts use that unrounded value; only the
 * published score is rounded, to 2 decimals, half-up (as a score sheet is read: 89.995 shows 90.00, and
 * still grades below a 90 band).
 */
public final class Decimals {

    public static final MathContext DIVISION = MathContext.DECIMAL128;
    public static final int PUBLISHED_SCALE = 2;
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {}

    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, DIVISION);
    }

    /** {@code weight} percent of {@code value}: exact (a decimal divides by 100 without rounding). */
    public static BigDecimal percentOf(BigDecimal weight, BigDecimal value) {
        return weight.multiply(value).movePointLeft(2);
    }

    public static BigDecimal published(BigDecimal value) {
        return value.setScale(PUBLISHED_SCALE, RoundingMode.HALF_UP);
    }

    /** Digits a stored decimal may have before and after the point: plenty for weights, scores and money. */
    public static final int MAX_INTEGER_DIGITS = 15;

    public static final int MAX_FRACTION_DIGITS = 12;
    private static final int MAX_TEXT = 64;

    /** A number the caller can fix: too large, too small or too precise to be a weight or a score. */
    public static final class OutOfBounds extends RuntimeException {
        OutOfBounds() {
            super(
                    "A number has at most " + MAX_INTEGER_DIGITS + " digits before the point and " + MAX_FRACTION_DIGITS
                            + " after it",
                    null,
                    false,
                    false);
        }
    }

    /**
     * A decimal written by a caller, within bounds. Bounds are checked before any arithmetic: {@code 1e99999999}
     * is cheap to parse but costs minutes (and gigabytes) to add to another number or print in full.
     *
     * @throws NumberFormatException if the text is not a decimal number
     * @throws OutOfBounds if it is one but outside the bounds
     */
    public static BigDecimal parse(String text) {
        var stripped = text.strip();
        if (stripped.length() > MAX_TEXT) {
            if (stripped.chars().allMatch(c -> Character.isDigit(c) || "+-.eE".indexOf(c) >= 0)) {
                throw new OutOfBounds();
            }
            throw new NumberFormatException();
        }
        return bounded(new BigDecimal(stripped));
    }

    /** A number from parsed JSON (a string, or whatever number type the JSON reader chose), within bounds. */
    public static BigDecimal of(Object value) {
        if (value instanceof String s) {
            return parse(s);
        }
        if (value instanceof BigDecimal d) {
            return bounded(d);
        }
        if (value instanceof java.math.BigInteger i) {
            if (i.bitLength() > 64) {
                throw new OutOfBounds();
            }
            return bounded(new BigDecimal(i));
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return bounded(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new OutOfBounds();
            }
            // from the shortest text that reads back as the same double: 0.1 stays 0.1
            return parse(value.toString());
        }
        throw new NumberFormatException();
    }

    private static BigDecimal bounded(BigDecimal n) {
        var stripped = n.stripTrailingZeros();
        // long arithmetic: scales run to +-2^31, so precision - scale may not fit an int
        long integerDigits = (long) stripped.precision() - stripped.scale();
        if (stripped.scale() > MAX_FRACTION_DIGITS || (stripped.signum() != 0 && integerDigits > MAX_INTEGER_DIGITS)) {
            throw new OutOfBounds();
        }
        // kept as written ("87.50" stays 87.50) unless written with an exponent that would print oddly
        return n.scale() >= 0 && n.scale() <= MAX_FRACTION_DIGITS
                ? n
                : stripped.setScale(Math.max(0, stripped.scale()));
    }
}
