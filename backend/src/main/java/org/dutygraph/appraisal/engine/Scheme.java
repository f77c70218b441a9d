package org.dutygraph.appraisal.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * An appraisal scheme as data (see docs/appraisal.md for the JSON form). Every scheme seen in practice
 * is these parts in different numbers: an indicator tree with weights, bonus, malus and capped
 * deductions, a grade ladder (or a forced distribution over it), overrides by events, eligibility
 * rules over the grades of shorter periods, payout multipliers and a bundled penalty.
 */
public record Scheme(
        String id,
        int version,
        String name,
        String subject,
        Period.Kind period,
        List<String> classifications,
        List<Node> indicators,
        List<String> bonusCodes,
        List<String> malusCodes,
        List<String> deductionCodes,
        BigDecimal deductionCap,
        List<Grade> grades,
        List<Quota> distribution,
        List<Override> overrides,
        List<Eligibility> eligibility,
        List<Payout> payouts,
        String bundledPenaltyEvent,
        List<PromotionBlock> promotionBlocks,
        Population population,
        Grouping distributionGroup) {

    /** The grade and flag of a subject-period without inputs: it is not a score, and takes no part in distributions or eligibility. */
    public static final String NOT_ASSESSED = "NOT_ASSESSED";

    public enum NodeKind {
        WEIGHTED,
        INPUT,
        RATINGS,
        LINKED,
        ROLLUP
    }

    /**
     * One indicator. WEIGHTED: its children's weighted mean. INPUT: a score entered for the subject, out of
     * {@code max}, on a 0-100 scale. RATINGS: the weighted mean of group averages entered as code.group.
     * LINKED: another subject's final score under {@code scheme}: the nearest unit, the subject's own or above,
     * that {@code scheme} appraises (OWN_UNIT), the unit itself (UNIT_ITSELF), the nearest of a {@code classification}
     * (LEVEL), its parent, or the top of its hierarchy, starting {@code from} the person's WORKPLACE (their post's unit)
     * or HOME (the unit that seconds them; their post's unit when not seconded). ROLLUP: the subject's own final scores under {@code scheme} in the parts of the
     * period (a year's quarters, a quarter's months), weighted.
     */
    public record Node(
            String code,
            String label,
            BigDecimal weight,
            NodeKind kind,
            List<Node> children,
            BigDecimal max,
            List<Group> groups,
            String source,
            String scheme,
            List<BigDecimal> rollupWeights,
            String classification,
            String from) {}

    /**
     * Who a scheme appraises. Every criterion given must hold (any value of a list will do); none given: all
     * units of the classifications, or every person holding a post. A person matches the post criteria when
     * one current post is in a unit of the {@code units} subtrees with a role of {@code postRoles} and a class of
     * {@code postClasses}; {@code subjects} is an explicit list, {@code categories} the person's category. {@code homeUnits}: the
     * home unit of that post (the unit that seconds its holder, or the post's unit) is in one of these subtrees.
     */
    public record Population(
            List<String> units,
            List<String> postRoles,
            List<String> postClasses,
            List<String> subjects,
            List<String> categories,
            List<String> homeUnits) {
        public static final Population ALL =
                new Population(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * The groups a forced distribution ranks separately: ALL (the whole population), UNIT (per unit: the nearest
     * of {@code classification}, the subject's own or above, the own unit without one; from the person's WORKPLACE or HOME
     * unit, as for links), or GROUPS (named rating
     * groups, each a population; the first that matches, those in none form one more group).
     */
    public record Grouping(String by, String classification, List<NamedGroup> groups, String from) {
        public static final Grouping ALL = new Grouping("ALL", null, List.of(), "WORKPLACE");
    }

    public record NamedGroup(String name, Population population) {}

    public record Group(String group, BigDecimal weight) {}

    /** A grade, best first; {@code min} is the lowest unrounded score for it (null on the last). */
    public record Grade(String grade, String label, BigDecimal min) {}

    public record Quota(String grade, BigDecimal share) {}

    /** effect: LOWEST (one-vote veto, a person's violation) or DOWN_ONE (one band lower). */
    public record Override(String event, String effect) {}

    /** No {@code grade} here unless, in the parts of the period under {@code scheme}, {@code atLeastOnce} was reached and nothing fell below {@code noneBelow}. */
    public record Eligibility(String grade, String scheme, String atLeastOnce, String noneBelow) {}

    /** A multiplier for a grade, or for an unrounded score of at least {@code minScore}; the first that matches applies. */
    public record Payout(String grade, BigDecimal minScore, BigDecimal multiplier) {}

    /**
     * Flags PROMOTION_BLOCKED: a grade in {@code grades} under this scheme in this period or the {@code years}
     * before it (e.g. a "fair" quarter or a "basically competent" year in the last two years), or an event of
     * the period (e.g. a place on the published worst list).
     */
    public record PromotionBlock(List<String> grades, int years, String event) {}

    /** Every code this scheme reads from the score sheets: inputs, rating groups (code.group), bonus, malus, deductions. */
    public java.util.Set<String> inputCodes() {
        var codes = new java.util.TreeSet<String>();
        codes.addAll(bonusCodes);
        codes.addAll(malusCodes);
        codes.addAll(deductionCodes);
        collect(indicators, codes);
        return codes;
    }

    private static void collect(List<Node> nodes, java.util.Set<String> codes) {
        for (var node : nodes) {
            switch (node.kind()) {
                case INPUT -> codes.add(node.code());
                case RATINGS -> node.groups().forEach(g -> codes.add(node.code() + "." + g.group()));
                case WEIGHTED -> collect(node.children(), codes);
                default -> {}
            }
        }
    }

    /**
     * The highest value each entered code may take: an input's {@code max}, 100 for a rating group's average.
     * Bonus, malus and deduction points declare no range of their own.
     */
    public java.util.Map<String, BigDecimal> inputMaxima() {
        var maxima = new java.util.TreeMap<String, BigDecimal>();
        maxima(indicators, maxima);
        return maxima;
    }

    private static void maxima(List<Node> nodes, java.util.Map<String, BigDecimal> maxima) {
        for (var node : nodes) {
            switch (node.kind()) {
                case INPUT -> maxima.put(node.code(), node.max());
                case RATINGS -> node.groups().forEach(g -> maxima.put(node.code() + "." + g.group(), Decimals.HUNDRED));
                case WEIGHTED -> maxima(node.children(), maxima);
                default -> {}
            }
        }
    }

    public int gradeIndex(String grade) {
        for (int i = 0; i < grades.size(); i++) {
            if (grades.get(i).grade().equals(grade)) {
                return i;
            }
        }
        return -1;
    }

    public String lowestGrade() {
        return grades.get(grades.size() - 1).grade();
    }
}
