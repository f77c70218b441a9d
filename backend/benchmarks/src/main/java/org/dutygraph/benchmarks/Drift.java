package org.dutygraph.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Upward drift of a per-minute series after warm-up. The first third of the minutes (at least one) is warm-up; the
 * minutes after it are split into an earlier and a later half (the middle minute of an odd count belongs to
 * neither). The series drifts when the later half's level exceeds the earlier half's by more than the tolerance (a
 * fraction) and by more than an absolute slack (so that 2 ms against 1 ms is not called a drift).
 *
 * <p>A half's level is the median of its minutes after dropping its single highest minute, when it has at least two
 * known minutes. So one noisy minute decides nothing: a spike in the later half is dropped (it cannot make a drift)
 * and a spike in the earlier half is dropped (it cannot raise the baseline and hide one). It is not blind: a rise
 * that lasts through the later half remains in what is left of it, and a later half running above the earlier one
 * at its every minute is judged on its lower minutes, which are above too. With fewer than two known minutes in a
 * half (runs under six minutes) nothing can be dropped: the comparison is still made and counts, and is marked as
 * decidable by a single minute. Minutes without a sample (NaN or negative) are left out.
 */
record Drift(String series, double earlier, double later, boolean drifted, boolean robust) {

    static Drift of(String series, List<Double> perMinute, double tolerance, double slack) {
        int warmup = Math.max(1, perMinute.size() / 3);
        int half = (perMinute.size() - warmup) / 2;
        if (half == 0) {
            return new Drift(series, Double.NaN, Double.NaN, false, false);
        }
        var earlierMinutes = known(perMinute.subList(warmup, warmup + half));
        var laterMinutes = known(perMinute.subList(perMinute.size() - half, perMinute.size()));
        boolean robust = earlierMinutes.length >= 2 && laterMinutes.length >= 2;
        double earlier = level(earlierMinutes);
        double later = level(laterMinutes);
        boolean drifted = later > earlier * (1 + tolerance) && later - earlier > slack;
        return new Drift(series, earlier, later, drifted, robust);
    }

    private static double[] known(List<Double> values) {
        var known = new ArrayList<Double>();
        for (var v : values) if (!v.isNaN() && v >= 0) known.add(v);
        return known.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** The median of sorted values after dropping the highest, when there are two or more; NaN for none. */
    private static double level(double[] sorted) {
        var kept = sorted.length >= 2 ? Arrays.copyOf(sorted, sorted.length - 1) : sorted;
        if (kept.length == 0) return Double.NaN;
        return kept.length % 2 == 1 ? kept[kept.length / 2] : (kept[kept.length / 2 - 1] + kept[kept.length / 2]) / 2;
    }

    double ratio() {
        return later / earlier;
    }

    @Override
    public String toString() {
        return String.format(
                "%s: earlier %.1f, later %.1f (ratio %.2f)%s%s",
                series,
                earlier,
                later,
                ratio(),
                drifted ? " DRIFT" : "",
                robust || earlier != earlier ? "" : " (one minute a side: a single noisy minute can decide this)");
    }
}
