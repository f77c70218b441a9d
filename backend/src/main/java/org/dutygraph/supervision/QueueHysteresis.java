package org.dutygraph.supervision;

import java.util.EnumSet;
import java.util.Set;

/**
 * The levels raised on a hall's queue after one more waiting count: a level is raised when the count reaches its
 * threshold and stays raised until the count falls below the threshold minus the hall's clear margin, so a queue
 * hovering at a threshold raises it once.
 */
final class QueueHysteresis {

    private QueueHysteresis() {}

    static Set<QueueLevel> next(WatchedHall hall, Set<QueueLevel> raised, int waiting) {
        var next = EnumSet.noneOf(QueueLevel.class);
        for (var level : QueueLevel.values()) {
            int threshold = hall.threshold(level);
            boolean stays = raised.contains(level) && waiting >= threshold - hall.clearMargin();
            if (stays || waiting >= threshold) next.add(level);
        }
        return next;
    }
}
