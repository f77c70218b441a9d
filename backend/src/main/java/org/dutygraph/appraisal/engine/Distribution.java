package org.dutygraph.appraisal.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dutygraph.platform.i18n.Text;

/**
 * Forced distribution (e.g. 10% excellent, 80% competent, 10% lagging each month). The grade with the
 * largest share takes whatever the others leave; each other grade gets floor(n x share / 100) places,
 * the ones listed before the largest from the top, the ones after it from the bottom. When subjects tie
 * on the unrounded score across a cut, the whole tied group stays on the better side (the quota is
 * exceeded, not broken by name or chance) and the tie is reported.
 */
final class Distribution {

    record Result(Map<String, String> grades, Set<String> tied, List<Text> ties) {}

    private Distribution() {}

    static Result grade(Scheme scheme, Map<String, BigDecimal> scores) {
        var order = new ArrayList<>(scores.keySet());
        order.sort(Comparator.comparing((String s) -> scores.get(s)).reversed().thenComparing(s -> s));
        int n = order.size();
        var quotas = scheme.distribution();
        int largest = 0;
        for (int i = 1; i < quotas.size(); i++) {
            if (quotas.get(i).share().compareTo(quotas.get(largest).share()) > 0) {
                largest = i;
            }
        }
        var grades = new HashMap<String, String>();
        var tied = new HashSet<String>();
        var ties = new ArrayList<Text>();
        int top = 0;
        for (int q = 0; q < largest; q++) {
            int end = extendTies(
                    order,
                    scores,
                    Math.min(n, top + places(quotas.get(q).share(), n)),
                    tied,
                    ties,
                    quotas.get(q).grade());
            for (int i = top; i < end; i++) {
                grades.put(order.get(i), quotas.get(q).grade());
            }
            top = end;
        }
        int bottom = n;
        for (int q = quotas.size() - 1; q > largest; q--) {
            int start = extendTies(
                    order,
                    scores,
                    Math.max(top, bottom - places(quotas.get(q).share(), n)),
                    tied,
                    ties,
                    quotas.get(q).grade());
            for (int i = start; i < bottom; i++) {
                grades.put(order.get(i), quotas.get(q).grade());
            }
            bottom = start;
        }
        for (int i = top; i < bottom; i++) {
            grades.put(order.get(i), quotas.get(largest).grade());
        }
        return new Result(grades, tied, ties);
    }

    private static int places(BigDecimal share, int n) {
        return share.multiply(BigDecimal.valueOf(n))
                .divide(Decimals.HUNDRED, 0, java.math.RoundingMode.FLOOR)
                .intValueExact();
    }

    /**
     * A cut between positions cut-1 and cut. From the top, subjects tied with the last one above the cut
     * join it (the better grade); from the bottom, subjects tied with the first one below the cut leave
     * the bottom grade.
     */
    private static int extendTies(
            List<String> order,
            Map<String, BigDecimal> scores,
            int cut,
            Set<String> tied,
            List<Text> ties,
            String grade) {
        if (cut <= 0 || cut >= order.size()) {
            return cut;
        }
        var above = scores.get(order.get(cut - 1));
        var below = scores.get(order.get(cut));
        if (above.compareTo(below) != 0) {
            return cut;
        }
        int first = cut - 1;
        while (first > 0 && scores.get(order.get(first - 1)).compareTo(above) == 0) {
            first--;
        }
        int last = cut;
        while (last + 1 < order.size() && scores.get(order.get(last + 1)).compareTo(above) == 0) {
            last++;
        }
        var group = order.subList(first, last + 1);
        tied.addAll(group);
        ties.add(Text.of(
                SchemeTexts.TIE_AT_CUT, grade, Decimals.published(above).toPlainString(), String.join(", ", group)));
        return last + 1;
    }
}
