package org.dutygraph.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A service hall's daily workload targets per window worker, as the supervision office set them: accepted cases a
 * worker should reach on a working day (the standard) and the higher challenge target, one pair for off-peak days
 * and one for the hall's peak periods (dates, inclusive). {@code updatedBy} and {@code updatedAt} say who set them.
 */
public record WorkloadTargets(
        String hallId,
        int offPeakStandard,
        int offPeakChallenge,
        int peakStandard,
        int peakChallenge,
        List<PeakPeriod> peakPeriods,
        String updatedBy,
        OffsetDateTime updatedAt) {

    /** Days of a peak period, both ends included. */
    public record PeakPeriod(LocalDate from, LocalDate to) {

        boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** How a worker's day went against the targets of its period. */
    public enum Outcome {
        MET,
        CHALLENGE_MET,
        MISSED
    }

    public WorkloadTargets {
        peakPeriods = List.copyOf(peakPeriods);
    }

    boolean peak(LocalDate day) {
        return peakPeriods.stream().anyMatch(p -> p.contains(day));
    }

    int standard(LocalDate day) {
        return peak(day) ? peakStandard : offPeakStandard;
    }

    int challenge(LocalDate day) {
        return peak(day) ? peakChallenge : offPeakChallenge;
    }

    Outcome outcome(LocalDate day, int accepted) {
        if (accepted >= challenge(day)) return Outcome.CHALLENGE_MET;
        return accepted >= standard(day) ? Outcome.MET : Outcome.MISSED;
    }
}
