package org.dutygraph.supervision.signals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Local days of a zone and their starts, as {@code Instant.atZone} and {@code LocalDate.atStartOfDay} give them, but
 * by arithmetic where the zone's offset no longer changes (China's since 1991): the engine converts a few times per
 * event, millions of times in a city's year, and the zone rules' searches dominated its profile.
 */
final class ZoneDays {

    private static final long DAY = 86_400;

    /** Instants from this second on have {@link #offset}; a day's margin past the last transition covers local times. */
    private final long fixedFrom;

    private final int offset;
    private final ZoneId zone;

    ZoneDays(ZoneId zone) {
        this.zone = zone;
        var rules = zone.getRules();
        var transitions = rules.getTransitions();
        if (rules.isFixedOffset()) {
            fixedFrom = Long.MIN_VALUE;
            offset = rules.getOffset(Instant.EPOCH).getTotalSeconds();
        } else if (rules.getTransitionRules().isEmpty() && !transitions.isEmpty()) {
            var last = transitions.get(transitions.size() - 1);
            fixedFrom = last.getInstant().getEpochSecond() + DAY;
            offset = last.getOffsetAfter().getTotalSeconds();
        } else {
            fixedFrom = Long.MAX_VALUE;
            offset = 0;
        }
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate day(Instant at) {
        long second = at.getEpochSecond();
        if (second >= fixedFrom) return LocalDate.ofEpochDay(Math.floorDiv(second + offset, DAY));
        return at.atZone(zone).toLocalDate();
    }

    Instant startOf(LocalDate day) {
        long second = day.toEpochDay() * DAY - offset;
        if (second >= fixedFrom) return Instant.ofEpochSecond(second);
        return day.atStartOfDay(zone).toInstant();
    }
}
