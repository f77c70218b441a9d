package org.dutygraph.cases;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A version of the situation catalogue (问责情形目录): areas of situations, each with the sources that can evidence
 * it and the range of measures from the ladder. {@code openDirectly}: the source kinds whose cases are registered at
 * once; cases from other sources open as drafts for the office to confirm.
 */
public record Catalogue(String name, Set<String> openDirectly, List<Area> areas) {

    public record Area(String code, String name, List<Situation> situations) {}

    /** Evidencing sources: complaint categories, spot-check checklist codes, appraisal event kinds, e-supervision rules. */
    public record Sources(
            List<String> complaintCategories,
            List<String> checklistCodes,
            List<String> appraisalEvents,
            List<String> eSupervisionRules) {}

    /**
     * What a situation binds to in the duty graph, for the per-post catalogue: duties whose action or object is one of
     * these concepts (or narrower), power items of these categories, or these duties and power items by id.
     */
    public record Bindings(
            List<String> concepts, List<String> powerItemCategories, List<String> dutyIds, List<String> powerItemIds) {

        public static final Bindings NONE = new Bindings(List.of(), List.of(), List.of(), List.of());
    }

    public record Situation(
            String code,
            String area,
            String wording,
            List<String> kinds,
            Sources sources,
            String measureFrom,
            String measureTo,
            boolean suspendFirst,
            Bindings bindings) {

        /** Whether the measure lies in this situation's range on the ladder. */
        public boolean inRange(String measure) {
            int i = Measures.rank(measure);
            return i >= Measures.rank(measureFrom) && i <= Measures.rank(measureTo);
        }
    }

    public Optional<Situation> situation(String code) {
        return situations().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public List<Situation> situations() {
        return areas.stream().flatMap(a -> a.situations().stream()).toList();
    }

    /** The first situation (in catalogue order) evidenced by a source of this kind with this code. */
    public Optional<Situation> evidencedBy(String sourceKind, String code) {
        return situations().stream()
                .filter(s -> switch (sourceKind) {
                    case CaseSources.COMPLAINT ->
                        s.sources().complaintCategories().contains(code);
                    case CaseSources.SPOT_CHECK -> s.sources().checklistCodes().contains(code);
                    case CaseSources.APPRAISAL_EVENT, CaseSources.CITIZEN_RANKING ->
                        s.sources().appraisalEvents().contains(code);
                    case CaseSources.E_SUPERVISION ->
                        s.sources().eSupervisionRules().contains(code);
                    default -> false;
                })
                .findFirst();
    }
}
