package org.dutygraph.supervision;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each hall's workload targets as they stood on each day: those of the last change made on or before it (in the
 * zone). A change applies from the day it is made on; before a hall's first change no targets are in force.
 */
final class TargetsInForce {

    private final Map<String, List<WorkloadTargets>> byHall = new HashMap<>();
    private final ZoneId zone;

    /** @param changes every recorded change of the halls, each as the targets it set */
    TargetsInForce(Collection<WorkloadTargets> changes, ZoneId zone) {
        this.zone = zone;
        changes.forEach(
                c -> byHall.computeIfAbsent(c.hallId(), h -> new ArrayList<>()).add(c));
        byHall.values().forEach(list -> list.sort(Comparator.comparing(WorkloadTargets::updatedAt)));
    }

    /** The hall's targets in force on {@code day}, or null when none were set by then. */
    WorkloadTargets on(String hallId, LocalDate day) {
        WorkloadTargets found = null;
        for (var change : byHall.getOrDefault(hallId, List.of())) {
            if (change.updatedAt().atZoneSameInstant(zone).toLocalDate().isAfter(day)) break;
            found = change;
        }
        return found;
    }
}
