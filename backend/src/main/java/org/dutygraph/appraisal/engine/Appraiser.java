package org.dutygraph.appraisal.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.engine.Outcome.Line;
import org.dutygraph.appraisal.engine.Scheme.Node;
import org.dutygraph.platform.i18n.Text;

/**
 * Computes a scheme for every subject of one period: scores from the indicator tree, bonus, malus and
 * capped deductions; grades from the bands, or from the forced distribution; then overrides by
 * events, eligibility rules, payout multipliers and ranks. Pure and deterministic: the same inputs give
 * the same outcomes, in subject order.
 */
public final class Appraiser {

    /** The outcomes, and the ties a forced distribution met at its cuts (reported, never broken). */
    public record Run(List<Outcome> outcomes, List<Text> ties) {}

    /** {@code assessed}: the subject had inputs of its own in the period (entered scores, or assessed parts of a roll-up). */
    private record Scored(String subjectId, BigDecimal score, List<Line> lines, List<String> flags, boolean assessed) {}

    private Appraiser() {}

    public static Run run(Scheme scheme, Period period, List<String> subjects, Sources sources) {
        return run(scheme, period, subjects, sources, true);
    }

    /** With {@code explain} false the outcomes carry no breakdown (a whole year's batch does not need 10 lines per subject). */
    public static Run run(Scheme scheme, Period period, List<String> subjects, Sources sources, boolean explain) {
        var scored = subjects.stream()
                .sorted()
                .map(s -> score(scheme, period, s, sources, explain))
                .toList();
        var assessed = scored.stream().filter(Scored::assessed).toList();
        var distributed = scheme.distribution().isEmpty()
                ? new Distribution.Result(bands(scheme, assessed), java.util.Set.of(), List.of())
                : distribute(scheme, assessed, sources);
        var grades = distributed.grades();
        var ranks = ranks(assessed);
        var outcomes = new ArrayList<Outcome>(scored.size());
        for (var s : scored) {
            if (!s.assessed()) {
                // every indicator is missing: the one flag says it all
                var flags = new ArrayList<String>(List.of(Scheme.NOT_ASSESSED));
                promotionBlocks(scheme, s.subjectId(), Scheme.NOT_ASSESSED, sources, flags);
                outcomes.add(new Outcome(
                        s.subjectId(),
                        s.score(),
                        Scheme.NOT_ASSESSED,
                        0,
                        BigDecimal.ONE,
                        List.copyOf(flags),
                        s.lines()));
                continue;
            }
            var flags = new ArrayList<>(s.flags());
            if (distributed.tied().contains(s.subjectId())) {
                flags.add("TIE_AT_CUT");
            }
            var before = grades.get(s.subjectId());
            var grade = overrides(scheme, before, sources.events(s.subjectId()), flags);
            boolean overridden = !grade.equals(before);
            grade = eligibility(scheme, period, s.subjectId(), grade, sources, flags);
            promotionBlocks(scheme, s.subjectId(), grade, sources, flags);
            var outcome = new Outcome(
                    s.subjectId(), s.score(), grade, ranks.get(s.subjectId()), BigDecimal.ONE, List.of(), s.lines());
            outcomes.add(outcome.with(
                    grade, ranks.get(s.subjectId()), payout(scheme, s.score(), grade, overridden), List.copyOf(flags)));
        }
        return new Run(outcomes, distributed.ties());
    }

    /** Each forced-distribution group on its own (per unit, per rating group, or the whole population). */
    private static Distribution.Result distribute(Scheme scheme, List<Scored> assessed, Sources sources) {
        var groups = new java.util.TreeMap<String, Map<String, BigDecimal>>();
        for (var s : assessed) {
            var group = sources.distributionGroup(s.subjectId(), scheme.distributionGroup());
            groups.computeIfAbsent(group == null ? "" : group, g -> new HashMap<>())
                    .put(s.subjectId(), s.score());
        }
        var grades = new HashMap<String, String>();
        var tied = new java.util.HashSet<String>();
        var ties = new ArrayList<Text>();
        groups.forEach((group, scores) -> {
            var result = Distribution.grade(scheme, scores);
            grades.putAll(result.grades());
            tied.addAll(result.tied());
            result.ties().forEach(t -> ties.add(group.isEmpty() ? t : Text.of(SchemeTexts.TIE_IN_GROUP, group, t)));
        });
        return new Distribution.Result(grades, tied, ties);
    }

    private static Scored score(Scheme scheme, Period period, String subject, Sources sources, boolean explain) {
        var lines = explain ? new ArrayList<Line>() : new Discarding();
        var flags = new ArrayList<String>();
        var found = new boolean[1];
        var tree = weighted(scheme.indicators(), "", 0, BigDecimal.ONE, subject, period, sources, lines, flags, found);
        var total = tree;
        total = total.add(sum(scheme.bonusCodes(), "bonus", subject, sources, lines, found));
        total = total.subtract(sum(scheme.malusCodes(), "malus", subject, sources, lines, found));
        var deductions = sum(scheme.deductionCodes(), "deduction", subject, sources, lines, found);
        if (scheme.deductionCap() != null && deductions.compareTo(scheme.deductionCap()) > 0) {
            flags.add("DEDUCTIONS_CAPPED");
            lines.add(new Line(
                    "deductions-cap",
                    Text.of(SchemeTexts.DEDUCTIONS_CAPPED, scheme.deductionCap().toPlainString()),
                    0,
                    null,
                    null,
                    deductions.subtract(scheme.deductionCap()),
                    false));
            deductions = scheme.deductionCap();
        }
        total = total.subtract(deductions);
        if (total.signum() < 0) {
            flags.add("FLOORED_AT_ZERO");
            total = BigDecimal.ZERO;
        }
        return new Scored(subject, total, explain ? List.copyOf(lines) : List.of(), flags, found[0]);
    }

    /** A list that keeps nothing: the breakdown is built by the same code whether it is wanted or not. */
    private static final class Discarding extends ArrayList<Line> {
        @Override
        public boolean add(Line line) {
            return true;
        }

        @Override
        public Line set(int index, Line line) {
            return null;
        }

        @Override
        public int size() {
            return 0;
        }
    }

    /** The weighted mean of the nodes (weights add up to 100), with their lines; {@code share} is this level's share of the total. */
    private static BigDecimal weighted(
            List<Node> nodes,
            String prefix,
            int depth,
            BigDecimal share,
            String subject,
            Period period,
            Sources sources,
            List<Line> lines,
            List<String> flags,
            boolean[] found) {
        var value = BigDecimal.ZERO;
        for (var node : nodes) {
            var path = prefix.isEmpty() ? node.code() : prefix + "/" + node.code();
            var nodeShare = Decimals.percentOf(node.weight(), share);
            int at = lines.size();
            lines.add(null);
            var v = value(node, path, depth, nodeShare, subject, period, sources, lines, flags, found);
            boolean missing = v == null;
            if (missing) {
                flags.add("MISSING:" + path);
                v = BigDecimal.ZERO;
            }
            lines.set(
                    at,
                    new Line(
                            path,
                            Text.verbatim(node.label()),
                            depth,
                            node.weight(),
                            v,
                            v.multiply(nodeShare),
                            missing));
            value = value.add(Decimals.percentOf(node.weight(), v));
        }
        return value;
    }

    private static BigDecimal value(
            Node node,
            String path,
            int depth,
            BigDecimal share,
            String subject,
            Period period,
            Sources sources,
            List<Line> lines,
            List<String> flags,
            boolean[] found) {
        return switch (node.kind()) {
            case WEIGHTED ->
                weighted(node.children(), path, depth + 1, share, subject, period, sources, lines, flags, found);
            case INPUT -> {
                var entered = sources.input(subject, node.code());
                found[0] |= entered != null;
                yield entered == null
                        ? null
                        : node.max().compareTo(Decimals.HUNDRED) == 0
                                ? entered
                                : Decimals.divide(entered.multiply(Decimals.HUNDRED), node.max());
            }
            case RATINGS -> {
                var value = BigDecimal.ZERO;
                boolean any = false;
                for (var group : node.groups()) {
                    var average = sources.input(subject, node.code() + "." + group.group());
                    if (average == null) {
                        flags.add("MISSING:" + path + "." + group.group());
                    } else {
                        any = true;
                        value = value.add(Decimals.percentOf(group.weight(), average));
                    }
                }
                found[0] |= any;
                yield any ? value : null;
            }
            // another subject's score: it does not make this subject assessed
            case LINKED -> sources.linked(subject, node);
            case ROLLUP -> {
                var partScheme = sources.scheme(node.scheme());
                if (partScheme == null || partScheme.period().compareTo(period.kind()) >= 0) {
                    flags.add("NO_SCHEME:" + path + ":" + node.scheme());
                    yield null;
                }
                var parts = period.parts(partScheme.period());
                boolean equal = node.rollupWeights().isEmpty();
                if (!equal && node.rollupWeights().size() != parts.size()) {
                    flags.add("WEIGHTS_DO_NOT_FIT:" + path);
                    yield null;
                }
                var value = BigDecimal.ZERO;
                for (int i = 0; i < parts.size(); i++) {
                    var part = sources.partScore(subject, node.scheme(), parts.get(i));
                    if (part == null) {
                        flags.add("MISSING:" + path + "@" + parts.get(i));
                    } else {
                        found[0] = true;
                        value = value.add(
                                equal
                                        ? part
                                        : Decimals.percentOf(
                                                node.rollupWeights().get(i), part));
                    }
                }
                yield equal ? Decimals.divide(value, BigDecimal.valueOf(parts.size())) : value;
            }
        };
    }

    private static BigDecimal sum(
            List<String> codes, String kind, String subject, Sources sources, List<Line> lines, boolean[] found) {
        var total = BigDecimal.ZERO;
        for (var code : codes) {
            var points = sources.input(subject, code);
            found[0] |= points != null;
            if (points != null && points.signum() != 0) {
                lines.add(new Line(
                        kind + "/" + code,
                        Text.verbatim(code),
                        0,
                        null,
                        null,
                        kind.equals("bonus") ? points : points.negate(),
                        false));
                total = total.add(points);
            }
        }
        return total;
    }

    private static Map<String, String> bands(Scheme scheme, List<Scored> scored) {
        var grades = new HashMap<String, String>();
        for (var s : scored) {
            grades.put(s.subjectId(), band(scheme, s.score()));
        }
        return grades;
    }

    static String band(Scheme scheme, BigDecimal score) {
        for (var grade : scheme.grades()) {
            if (grade.min() == null || score.compareTo(grade.min()) >= 0) {
                return grade.grade();
            }
        }
        return scheme.lowestGrade();
    }

    private static String overrides(Scheme scheme, String grade, List<String> events, List<String> flags) {
        var result = grade;
        for (var rule : scheme.overrides()) {
            if (rule.effect().equals("DOWN_ONE") && events.contains(rule.event())) {
                int i = scheme.gradeIndex(result);
                result = scheme.grades()
                        .get(Math.min(i + 1, scheme.grades().size() - 1))
                        .grade();
                flags.add("DOWNGRADED:" + rule.event());
            }
        }
        for (var rule : scheme.overrides()) {
            if (rule.effect().equals("LOWEST") && events.contains(rule.event())) {
                result = scheme.lowestGrade();
                flags.add("LOWEST_GRADE:" + rule.event());
            }
        }
        return result;
    }

    private static String eligibility(
            Scheme scheme, Period period, String subject, String grade, Sources sources, List<String> flags) {
        var result = grade;
        for (var rule : scheme.eligibility()) {
            if (!rule.grade().equals(result) || period.kind() == Period.Kind.MONTH) {
                continue;
            }
            var partScheme = sources.scheme(rule.scheme());
            if (partScheme == null || partScheme.period() == period.kind()) {
                flags.add(
                        "INELIGIBLE:" + rule.grade() + ": no scheme " + rule.scheme() + " for the parts of the period");
                result = scheme.grades()
                        .get(Math.min(
                                scheme.gradeIndex(result) + 1, scheme.grades().size() - 1))
                        .grade();
                continue;
            }
            // parts not assessed (no grade) take no part: neither for atLeastOnce nor against noneBelow
            var partGrades = period.parts(partScheme.period()).stream()
                    .map(p -> sources.partGrade(subject, rule.scheme(), p))
                    .filter(g -> g != null && !Scheme.NOT_ASSESSED.equals(g))
                    .toList();
            String reason = null;
            if (rule.atLeastOnce() != null && !partGrades.contains(rule.atLeastOnce())) {
                reason = "never " + rule.atLeastOnce() + " under " + rule.scheme();
            } else if (rule.noneBelow() != null) {
                int floor = partScheme.gradeIndex(rule.noneBelow());
                var below = partGrades.stream()
                        .filter(g -> partScheme.gradeIndex(g) > floor)
                        .findFirst();
                if (below.isPresent()) {
                    reason = below.get() + " below " + rule.noneBelow() + " under " + rule.scheme();
                }
            }
            if (reason != null) {
                result = scheme.grades()
                        .get(Math.min(
                                scheme.gradeIndex(result) + 1, scheme.grades().size() - 1))
                        .grade();
                flags.add("INELIGIBLE:" + rule.grade() + ": " + reason);
            }
        }
        return result;
    }

    private static void promotionBlocks(
            Scheme scheme, String subject, String grade, Sources sources, List<String> flags) {
        for (var block : scheme.promotionBlocks()) {
            if (block.event() != null) {
                if (sources.eventsInEffect(subject).contains(block.event())) {
                    flags.add("PROMOTION_BLOCKED:" + block.event());
                }
            } else if (block.grades().contains(grade)) {
                flags.add("PROMOTION_BLOCKED:" + grade);
            } else {
                sources.pastGrades(subject, scheme.id(), block.years() - 1).stream()
                        .filter(block.grades()::contains)
                        .findFirst()
                        .ifPresent(
                                g -> flags.add("PROMOTION_BLOCKED:" + g + " in the last " + block.years() + " years"));
            }
        }
    }

    /**
     * The first rule that matches. A score rule ("90 or more but not excellent") never rewards a grade an
     * override lowered: a vetoed month pays what its grade pays.
     */
    private static BigDecimal payout(Scheme scheme, BigDecimal score, String grade, boolean overridden) {
        for (var rule : scheme.payouts()) {
            if (rule.grade() != null
                    ? rule.grade().equals(grade)
                    : !overridden && score.compareTo(rule.minScore()) >= 0) {
                return rule.multiplier();
            }
        }
        return BigDecimal.ONE;
    }

    /** Competition ranking: 1 for the best, equal scores share a rank, the next rank skips. */
    private static Map<String, Integer> ranks(List<Scored> scored) {
        var sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparing(Scored::score).reversed().thenComparing(Scored::subjectId));
        var ranks = new HashMap<String, Integer>();
        for (int i = 0; i < sorted.size(); i++) {
            boolean tied =
                    i > 0 && sorted.get(i).score().compareTo(sorted.get(i - 1).score()) == 0;
            ranks.put(
                    sorted.get(i).subjectId(),
                    tied ? ranks.get(sorted.get(i - 1).subjectId()) : i + 1);
        }
        return ranks;
    }
}
