package org.dutygraph.complaints.routing;

import java.util.List;

/**
 * Where the duty graph sends a complaint.
 *
 * @param unitId      the handling unit; null sends it to the efficiency office's triage queue
 * @param reason      why, in words, for the case handler
 * @param findingId   the overlap finding that made the arbiter's office the handler, if any
 * @param suggestions units the graph points at when it could not decide alone, best first, each with why
 */
public record Routing(String unitId, String reason, String findingId, List<Suggestion> suggestions) {

    /** A unit the graph points at, and why (for handlers only: names duties, concepts and areas). */
    public record Suggestion(String unitId, String reason) {
    }

    /** The unit or window the citizen named, known to exist. */
    public static Routing named(String unitId, String name) {
        return to(unitId, "named by the citizen: " + name);
    }

    static Routing to(String unitId, String reason) {
        return new Routing(unitId, reason, null, List.of());
    }

    static Routing triage(String reason, List<Suggestion> suggestions) {
        return new Routing(null, reason, null, List.copyOf(suggestions));
    }

    public List<String> suggestedUnitIds() {
        return suggestions.stream().map(Suggestion::unitId).toList();
    }

    /** In the order of {@link #suggestedUnitIds()}. */
    public List<String> suggestionReasons() {
        return suggestions.stream().map(Suggestion::reason).toList();
    }
}
