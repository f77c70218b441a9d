package org.dutygraph.complaints.routing;

import java.util.List;
import org.dutygraph.complaints.ComplaintTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * Where the duty graph sends a complaint.
 *
 * @param unitId      the handling unit; null sends it to the efficiency office's triage queue
 * @param reason      why, in the case handler's language
 * @param findingId   the overlap finding that made the arbiter's office the handler, if any
 * @param suggestions units the graph points at when it could not decide alone, best first, each with why
 */
public record Routing(String unitId, Text reason, String findingId, List<Suggestion> suggestions) {

    /** A unit the graph points at, and why (for handlers only: names duties, concepts and areas). */
    public record Suggestion(String unitId, Text reason) {}

    /** The unit or window the citizen named, known to exist. */
    public static Routing named(String unitId, String name) {
        return to(unitId, Text.of(ComplaintTexts.NAMED_BY_CITIZEN, name));
    }

    static Routing to(String unitId, Text reason) {
        return new Routing(unitId, reason, null, List.of());
    }

    static Routing triage(Text reason, List<Suggestion> suggestions) {
        return new Routing(null, reason, null, List.copyOf(suggestions));
    }

    public List<String> suggestedUnitIds() {
        return suggestions.stream().map(Suggestion::unitId).toList();
    }

    /** In the order of {@link #suggestedUnitIds()}. */
    public List<Text> suggestionReasons() {
        return suggestions.stream().map(Suggestion::reason).toList();
    }
}
