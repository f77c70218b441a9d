package org.dutygraph.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Upward drift of a per-minute series after warm-up: the run's minutes in thirds, the first third is warm-up, and
 * the series drifts when the median of the last third exceeds the median of the middle third by more than the
 * tolerance (a fraction) and by more than an absolute slack (so that 2 ms against 1 ms is not called a drift).
 */
record Drift(String series, double middle, double last, boolean drifted) {

    static Drift of(String series, List<Double> perMinute, double tolerance, double slack) {
        int third = perMinute.size() / 3;
        if (third == 0) {
            return new Drift(series, Double.NaN, Double.NaN, false);
        }
        double middle = median(perMinute.subList(third, perMinute.size() - third));
        double last = median(perMinute.subList(perMinute.size() - third, perMinute.size()));
        boolean drifted = last > middle * (1 + tolerance) && last - middle > slack;
        return new Drift(series, middle, last, drifted);
    }

    /** Median of the values that are numbers (a minute without a sample is NaN). */
    private static double median(List<Double> values) {
        var known = values.stream()
                .filter(v -> !v.isNaN() && v >= 0)
                .mapToDouble(Double::doubleValue)
                .toArray();
        if (known.length == 0) return Double.NaN;
        Arrays.sort(known);
        return known.length % 2 == 1
                ? known[known.length / 2]
                : (known[known.length / 2 - 1] + known[known.length / 2]) / 2;
    }

    double ratio() {
        return last / middle;
    }

    @Override
    public String toString() {
        return String.format(
                "%s: middle third %.1f, last third %.1f (ratio %.2f)%s",
                series, middle, last, ratio(), drifted ? " DRIFT" : "");
    }
}
