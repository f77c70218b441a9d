package org.dutygraph.appraisal.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.dutygraph.platform.i18n.Text;

/**
 * A subject's result for a period: the unrounded score (what grades use), the grade, the rank among the
 * assessed subjects of the scheme (1 = best, ties share a rank), the payout multiplier, flags that explain
 * anything unusual, and the breakdown (the indicator tree, pre-order).
 */
public record Outcome(
        String subjectId,
        BigDecimal score,
        String grade,
        int rank,
        BigDecimal multiplier,
        List<String> flags,
        List<Line> breakdown) {

    /** False for a subject-period without inputs: grade NOT_ASSESSED, flagged, score 0 and rank 0 mean nothing. */
    public boolean assessed() {
        return !Scheme.NOT_ASSESSED.equals(grade);
    }

    /**
     * One line of the breakdown: {@code value} is the indicator's own score (0-100 scale), {@code points}
     * what it adds to the total. Bonus, malus and deductions come last, at depth 0.
     */
    /** A line of the breakdown; its label is the scheme's words, or the service's in the reader's language. */
    public record Line(
            String path,
            Text label,
            int depth,
            BigDecimal weight,
            BigDecimal value,
            BigDecimal points,
            boolean missing) {}

    public BigDecimal publishedScore() {
        return Decimals.published(score);
    }

    Outcome with(String grade, int rank, BigDecimal multiplier, List<String> flags) {
        return new Outcome(subjectId, score, grade, rank, multiplier, flags, breakdown);
    }

    public Outcome withPayout(BigDecimal multiplier, String flag) {
        var more = new ArrayList<>(flags);
        more.add(flag);
        return new Outcome(subjectId, score, grade, rank, multiplier, List.copyOf(more), breakdown);
    }
}
