package org.dutygraph.complaints.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.complaints.ComplaintViews.HandlerView;
import org.dutygraph.complaints.ComplaintsQueries;
import org.dutygraph.org.read.OrgReadStore;
import org.dutygraph.org.read.Views.UnitView;
import org.dutygraph.platform.i18n.Text;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * Complaint.suggestions: the units the duty graph suggested, with why. Handlers only (Complaint is reached only
 * through handler fields, already scoped); the citizen's types have nothing of it.
 */
@Controller
class RoutingSuggestionsController {

    record SuggestionView(UnitView unit, Text reason) {}

    private final ComplaintsQueries queries;
    private final OrgReadStore graph;

    RoutingSuggestionsController(ComplaintsQueries queries, OrgReadStore graph) {
        this.queries = queries;
        this.graph = graph;
    }

    @BatchMapping(typeName = "Complaint")
    Map<HandlerView, List<SuggestionView>> suggestions(List<HandlerView> complaints) {
        var reasons = queries.suggestionReasons(
                complaints.stream().map(HandlerView::id).toList());
        var units = graph.units(complaints.stream()
                .flatMap(c -> c.suggestedUnitIds().stream())
                .distinct()
                .toList());
        var result = new HashMap<HandlerView, List<SuggestionView>>();
        for (var c : complaints) {
            var why = reasons.getOrDefault(c.id(), List.of());
            var list = new ArrayList<SuggestionView>();
            for (int i = 0; i < c.suggestedUnitIds().size(); i++) {
                var unit = units.get(c.suggestedUnitIds().get(i));
                if (unit != null) {
                    // complaints routed before reasons were kept have none
                    list.add(new SuggestionView(unit, i < why.size() ? why.get(i) : null));
                }
            }
            result.put(c, list);
        }
        return result;
    }
}
