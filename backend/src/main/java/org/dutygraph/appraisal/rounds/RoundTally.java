package org.dutygraph.appraisal.rounds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.engine.Decimals;

/**
 * A round's results from its ballot boxes. A ballot is the choices of one rater for one subject, one per question; its
 * score is the mean of the chosen options' points, and a group's score for a subject the mean of its ballots' scores
 * (every ballot answers every question, so: all points over ballots x questions). A group with fewer ballots than the
 * round's minimum has no score (NOT_ENOUGH_RATERS). Scores are carried to 12 decimals (half even), the most an entered
 * input keeps.
 */
public final class RoundTally {

    static final String SCORED = "SCORED";
    static final String NOT_ENOUGH_RATERS = "NOT_ENOUGH_RATERS";
    private static final int SCALE = Decimals.MAX_FRACTION_DIGITS;

    /** The ballots of one group for one subject: each ballot the choices' indexes, one per question, comma-separated. */
    record Box(String subjectId, String group, int eligible, List<String> ballots) {}

    public record GroupResult(String group, int eligible, int ballots, String status, BigDecimal score) {}

    /** {@code score}: the combined score of an INPUT round (0-100), null otherwise or when NOT_ENOUGH_RATERS. */
    public record SubjectResult(String subjectId, String status, BigDecimal score, List<GroupResult> groups) {}

    /** A value the close enters: {@code ballots} as group:count. */
    record Input(String subjectId, String code, String value, List<String> ballots) {}

    private RoundTally() {}

    static List<SubjectResult> tally(Round round, List<Box> boxes) {
        var byKey = new HashMap<String, Box>();
        boxes.forEach(b -> byKey.put(b.subjectId() + "|" + b.group(), b));
        var results = new ArrayList<SubjectResult>();
        for (var subject : round.subjectIds()) {
            var groups = new ArrayList<GroupResult>();
            for (var group : round.groups()) {
                var box = byKey.get(subject + "|" + group.name());
                groups.add(
                        box == null ? new GroupResult(group.name(), 0, 0, NOT_ENOUGH_RATERS, null) : score(round, box));
            }
            results.add(combine(round, subject, groups));
        }
        return results;
    }

    private static GroupResult score(Round round, Box box) {
        int n = box.ballots().size();
        if (n < round.minGroupSize() || n == 0) {
            return new GroupResult(box.group(), box.eligible(), n, NOT_ENOUGH_RATERS, null);
        }
        var total = BigDecimal.ZERO;
        for (var ballot : box.ballots()) {
            for (var choice : ballot.split(",")) {
                total = total.add(round.scale().get(Integer.parseInt(choice)).points());
            }
        }
        var mean = Decimals.divide(
                total, BigDecimal.valueOf((long) n * round.questions().size()));
        return new GroupResult(box.group(), box.eligible(), n, SCORED, twelve(mean));
    }

    /**
     * RATINGS: scored when any group is (the scheme weighs the groups it gets, and flags the others MISSING). INPUT: the
     * weighted combination needs every group, so one group short leaves the subject NOT_ENOUGH_RATERS.
     */
    private static SubjectResult combine(Round round, String subject, List<GroupResult> groups) {
        if (Round.RATINGS.equals(round.target())) {
            boolean any = groups.stream().anyMatch(g -> g.score() != null);
            return new SubjectResult(subject, any ? SCORED : NOT_ENOUGH_RATERS, null, groups);
        }
        var combined = BigDecimal.ZERO;
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).score() == null) {
                return new SubjectResult(subject, NOT_ENOUGH_RATERS, null, groups);
            }
            combined = combined.add(Decimals.percentOf(
                    round.groups().get(i).weight(), groups.get(i).score()));
        }
        return new SubjectResult(subject, SCORED, twelve(combined), groups);
    }

    /** The values a close enters for the round's indicator. */
    static List<Input> inputs(Round round, List<SubjectResult> results) {
        var inputs = new ArrayList<Input>();
        for (var r : results) {
            var ballots =
                    r.groups().stream().map(g -> g.group() + ":" + g.ballots()).toList();
            if (Round.RATINGS.equals(round.target())) {
                for (var g : r.groups()) {
                    if (g.score() != null) {
                        inputs.add(new Input(
                                r.subjectId(),
                                round.indicatorCode() + "." + g.group(),
                                plain(g.score()),
                                List.of(g.group() + ":" + g.ballots())));
                    }
                }
            } else if (r.score() != null) {
                var value = twelve(Decimals.divide(r.score().multiply(round.inputMax()), Decimals.HUNDRED));
                inputs.add(new Input(r.subjectId(), round.indicatorCode(), plain(value), ballots));
            }
        }
        return inputs;
    }

    /** Ballot counts per group over all subjects. */
    static Map<String, Integer> ballotsPerGroup(List<Box> boxes) {
        var counts = new HashMap<String, Integer>();
        boxes.forEach(b -> counts.merge(b.group(), b.ballots().size(), Integer::sum));
        return counts;
    }

    private static BigDecimal twelve(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
