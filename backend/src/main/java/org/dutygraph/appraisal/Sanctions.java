package org.dutygraph.appraisal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.cases.AppraisalSanctionRecorded;
import org.dutygraph.platform.effects.Effects;

/**
 * An event a scheme in force for its month, appraising subjects of the event's kind (a unit's event under unit
 * schemes, a person's under person schemes), vetoes (LOWEST) or downgrades (DOWN_ONE) on is evidence for an
 * accountability case: recorded as an effect in the event's transaction, for cases to open one. Events whose source
 * brings its matter to cases itself (a complaint, a spot check, a case, a ranking) are left out: they would open a
 * second case for the same act, and a decided case's own event would open a case about itself.
 */
record Sanctions(AppraisalSchemes schemes, SubjectStore subjects, Supplier<Effects> effects, Clock clock) {

    static final Set<String> SOURCES_WITH_THEIR_OWN_CASES =
            Set.of("complaint", "inspection", "case", "citizen-ranking");

    /** The effects recorded (none when no scheme in force acts on the kind). Call inside the event's write. */
    List<String> record(String eventId, String subjectId, Period month, String kind, String source) {
        if (source != null && SOURCES_WITH_THEIR_OWN_CASES.contains(source)) {
            return List.of();
        }
        var effect = effect(month, kind, subjects.isUnit(subjectId) ? "UNIT" : "PERSON");
        if (effect == null) {
            return List.of();
        }
        return effects.get()
                .record(new AppraisalSanctionRecorded(
                        eventId, subjectId, month.toString(), kind, effect, actDate(month, LocalDate.now(clock))));
    }

    /**
     * LOWEST when a scheme in force for subjects of this kind (UNIT, PERSON) vetoes on the event's kind, else DOWN_ONE
     * when one downgrades on it, else null: a unit scheme's veto says nothing about a person's event.
     */
    private String effect(Period month, String kind, String subjectKind) {
        String found = null;
        for (var versions : schemes.versions(month.year()).values()) {
            var scheme = AppraisalSchemes.inForce(versions, month);
            if (scheme == null || !scheme.subject().equals(subjectKind)) {
                continue;
            }
            for (var rule : scheme.overrides()) {
                if (rule.event().equals(kind) && (found == null || rule.effect().equals("LOWEST"))) {
                    found = rule.effect();
                }
            }
        }
        return found;
    }

    /** The recording day, kept within the event's month. */
    static LocalDate actDate(Period month, LocalDate today) {
        var first = LocalDate.of(month.year(), month.index(), 1);
        var last = first.plusMonths(1).minusDays(1);
        return today.isBefore(first) ? first : today.isAfter(last) ? last : today;
    }
}
