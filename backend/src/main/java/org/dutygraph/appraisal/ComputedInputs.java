package org.dutygraph.appraisal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.supervision.HallWorkloads;
import org.dutygraph.supervision.SupervisionStatistics;
import org.springframework.stereotype.Component;

/**
 * Inputs no appraiser enters: computed by other features for the period. Electronic supervision's monthly figures
 * ({@code supervision_*}, {@link SupervisionStatistics#APPRAISAL_CODES}) are read when a scheme in force reads one,
 * for units and for the people holding the responsible posts; over a quarter or a year, its months together. The
 * window workers' daily workload outcomes ({@link HallWorkloads#APPRAISAL_CODES}, same prefix) come the same way.
 */
@Component
class ComputedInputs {

    private final SupervisionStatistics supervision;
    private final HallWorkloads workloads;

    ComputedInputs(SupervisionStatistics supervision, HallWorkloads workloads) {
        this.supervision = supervision;
        this.workloads = workloads;
    }

    /** Whether appraisers may not enter the code (its value is computed). */
    static boolean computed(String code) {
        return code.startsWith(SupervisionStatistics.CODE_PREFIX);
    }

    /** The sheets of the period with the computed values the schemes read laid over them. */
    Map<String, Map<String, BigDecimal>> over(
            Map<String, Map<String, BigDecimal>> sheets, Period period, Collection<Scheme> inForce) {
        boolean reads = inForce.stream().flatMap(s -> s.inputCodes().stream()).anyMatch(ComputedInputs::computed);
        if (!reads) return sheets;
        var first = period.kind() == Period.Kind.MONTH
                ? period
                : period.parts(Period.Kind.MONTH).get(0);
        var last = period.kind() == Period.Kind.MONTH
                ? period
                : period.parts(Period.Kind.MONTH)
                        .get(period.parts(Period.Kind.MONTH).size() - 1);
        var from = YearMonth.of(first.year(), first.index());
        var to = YearMonth.of(last.year(), last.index());
        var merged = new HashMap<String, Map<String, BigDecimal>>(sheets);
        for (var values : List.of(supervision.appraisalInputs(from, to), workloads.appraisalInputs(from, to))) {
            values.forEach((subject, codes) -> {
                var sheet = new HashMap<String, BigDecimal>(merged.getOrDefault(subject, Map.of()));
                sheet.putAll(codes);
                merged.put(subject, sheet);
            });
        }
        return merged;
    }
}
