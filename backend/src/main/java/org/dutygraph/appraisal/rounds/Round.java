package org.dutygraph.appraisal.rounds;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A rating round as stored. {@code target} is RATINGS (each group's average is entered as {@code code.group}) or INPUT
 * (the groups' averages combined with their weights, on the input's scale up to {@code inputMax}, entered as
 * {@code code}). {@code state} is OPEN or CLOSED; {@link #status} adds the window.
 */
public record Round(
        String id,
        String title,
        String schemeId,
        int schemeVersion,
        String period,
        String indicatorCode,
        String target,
        BigDecimal inputMax,
        String subjectKind,
        List<String> subjectIds,
        List<Group> groups,
        List<String> questions,
        List<Option> scale,
        Instant opensAt,
        Instant closesAt,
        int minGroupSize,
        int eligibleRaters,
        String state,
        String openedBy,
        Instant openedAt,
        String closedBy,
        Instant closedAt,
        boolean closedAutomatically,
        String closeProblem,
        String key) {

    public static final String RATINGS = "RATINGS";
    public static final String INPUT = "INPUT";

    /** {@code weight} only for an INPUT round; {@code eligibleRaters}: persons rating someone in this group. */
    public record Group(
            String name,
            String label,
            BigDecimal weight,
            RaterRelation relation,
            List<String> unitIds,
            List<String> personIds,
            int eligibleRaters) {}

    public record Option(String label, BigDecimal points) {}

    public record Question(String id, String text) {}

    /** Questions are named q1, q2, ... in their order. */
    public List<Question> questionList() {
        return java.util.stream.IntStream.range(0, questions.size())
                .mapToObj(i -> new Question("q" + (i + 1), questions.get(i)))
                .toList();
    }

    public boolean closed() {
        return "CLOSED".equals(state);
    }

    /** SCHEDULED, OPEN, ENDED (past closing, not closed yet) or CLOSED. */
    public String status(Instant now) {
        if (closed()) {
            return "CLOSED";
        }
        if (now.isBefore(opensAt)) {
            return "SCHEDULED";
        }
        return now.isBefore(closesAt) ? "OPEN" : "ENDED";
    }
}
