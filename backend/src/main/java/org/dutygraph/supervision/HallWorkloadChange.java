package org.dutygraph.supervision;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One change of a hall's daily workload targets as recorded: the values and peak periods set, by whom and when.
 * {@code key} orders the changes, newest first.
 */
public record HallWorkloadChange(
        String key,
        int offPeakStandard,
        int offPeakChallenge,
        int peakStandard,
        int peakChallenge,
        List<WorkloadTargets.PeakPeriod> peakPeriods,
        String changedBy,
        OffsetDateTime changedAt) {

    public HallWorkloadChange {
        peakPeriods = List.copyOf(peakPeriods);
    }
}
