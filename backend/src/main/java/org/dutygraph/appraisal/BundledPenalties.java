package org.dutygraph.appraisal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.engine.Period;

/**
 * Bundled assessment (捆绑考核): a verified violation by one window worker withholds their bonus for the
 * month, and, for the event's months from the month of the violation, the bonus of every colleague seconded
 * by the same home unit to the same service centre (the nearest {@code service_centre} above their windows;
 * outside a centre, the same workplace). The violator's home and centre are those of the month of the
 * violation. Each month's scheme version acts on the penalties running in that month, those that started in
 * the year before included. Applies to monthly schemes that name the event.
 */
final class BundledPenalties {

    static final String CENTRE = "service_centre";

    private BundledPenalties() {}

    static void apply(
            Map<String, AppraisalComputation.Computed> computed,
            Map<String, List<AppraisalEventStore.Event>> events,
            Roster org,
            RosterStore store) {
        var monthly = computed.values().stream()
                .filter(c ->
                        c.scheme().bundledPenaltyEvent() != null && c.period().kind() == Period.Kind.MONTH)
                .toList();
        var kinds = new HashSet<String>();
        monthly.forEach(c -> kinds.add(c.scheme().bundledPenaltyEvent()));
        var violations = new ArrayList<Violation>();
        events.forEach((subject, list) -> list.stream()
                .filter(e -> kinds.contains(e.kind()))
                .forEach(e -> violations.add(new Violation(subject, e))));
        if (violations.isEmpty()) {
            return;
        }
        var placed = store.placedIn(violations.stream().map(Violation::at).toList());
        var groups = groups(org);
        for (var c : monthly) {
            var kind = c.scheme().bundledPenaltyEvent();
            for (var v : violations) {
                var e = v.event();
                if (!e.kind().equals(kind) || !runsIn(e, c.period())) {
                    continue;
                }
                if (e.month().equals(c.period())) {
                    withhold(c, v.subject(), "BONUS_WITHHELD:" + kind);
                }
                var at = placed.get(v.at());
                var group = at != null
                        ? key(org, at.unit(), at.home())
                        : org.personUnit().containsKey(v.subject()) ? key(org, v.subject()) : null;
                for (var colleague : groups.getOrDefault(group, List.of())) {
                    if (!colleague.equals(v.subject())) {
                        withhold(c, colleague, "BUNDLED_PENALTY:" + v.subject() + "@" + e.month());
                    }
                }
            }
        }
    }

    private record Violation(String subject, AppraisalEventStore.Event event) {

        RosterStore.PersonMonth at() {
            return new RosterStore.PersonMonth(subject, event.month().toString());
        }
    }

    private static boolean runsIn(AppraisalEventStore.Event e, Period month) {
        return e.month().compareTo(month) <= 0
                && e.month().plusMonths(e.months() - 1).compareTo(month) >= 0;
    }

    /** Persons by home unit and centre (the roster's: who holds a post at the end of the year). */
    private static Map<String, List<String>> groups(Roster org) {
        var groups = new HashMap<String, List<String>>();
        org.personUnit()
                .keySet()
                .forEach(p -> groups.computeIfAbsent(key(org, p), k -> new ArrayList<>())
                        .add(p));
        return groups;
    }

    private static String key(Roster org, String person) {
        return key(org, org.unitOf(person, "WORKPLACE"), org.unitOf(person, "HOME"));
    }

    private static String key(Roster org, String workplace, String home) {
        var centre = workplace == null ? null : org.nearestOf(workplace, CENTRE);
        return home + "|" + (centre == null ? workplace : centre);
    }

    private static void withhold(AppraisalComputation.Computed c, String subject, String flag) {
        var outcome = c.outcomes().get(subject);
        if (outcome != null) {
            c.outcomes().put(subject, outcome.withPayout(BigDecimal.ZERO, flag));
        }
    }
}
