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

    private Decimals() {
    }

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

    public static BigDecimal parse(String text) {
        return new BigDecimal(text.strip());
    }
}
