package org.dutygraph.complaints.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dutygraph.complaints.ComplaintTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.search.FullTextQuery;
import org.springframework.stereotype.Component;

/**
 * The units the duty graph suggests for a matter given in words, best first, each with why. First the matters
 * the text names (an object concept whose label or alt label occurs in it): units holding a duty on that
 * concept or a broader one, nearest concept first; then duties whose wording is close to the text (full-text).
 * Both only where the duty applies in the place of the incident. The reasons name duties, concepts, units and
 * areas: they are for case handlers and never reach the citizen.
 */
@Component
class TriageSuggestions {

    static final int SUGGESTIONS = 5;
    private static final Text NOTHING = Text.verbatim("");
    private static final int CANDIDATES = 50;

    List<Routing.Suggestion> forText(RoutingStore graph, String text, String areaId) {
        var query = FullTextQuery.leading(text.replaceAll("[^\\p{L}\\p{N}]+", " "));
        if (query.isEmpty()) {
            return List.of();
        }
        var best = new LinkedHashMap<String, Text>();
        for (var hit : graph.byConcept(query.get(), text.toLowerCase(Locale.ROOT), areaId, CANDIDATES)) {
            best.putIfAbsent(hit.unitId(), reason(hit));
        }
        for (var hit : graph.byWording(query.get(), areaId, CANDIDATES)) {
            best.putIfAbsent(hit.unitId(), reason(hit, text));
        }
        var out = new ArrayList<Routing.Suggestion>();
        for (Map.Entry<String, Text> e : best.entrySet()) {
            if (out.size() == SUGGESTIONS) {
                break;
            }
            out.add(new Routing.Suggestion(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static Text reason(RoutingStore.ConceptHit h) {
        return Text.of(
                ComplaintTexts.SUGGESTED_BY_MATTER,
                h.word(),
                h.word().equals(h.matter()) ? NOTHING : Text.of(ComplaintTexts.SUGGESTED_MATTER_ALIAS, h.matter()),
                h.unitName(),
                h.heldOn().equals(h.matter())
                        ? Text.of(ComplaintTexts.SUGGESTED_THIS_MATTER)
                        : Text.of(ComplaintTexts.SUGGESTED_BROADER_MATTER, h.heldOn()),
                h.duty(),
                where(h.areaName()));
    }

    private static Text reason(RoutingStore.WordingHit h, String text) {
        var words = Overlap.common(text, h.duty());
        return Text.of(
                ComplaintTexts.SUGGESTED_BY_WORDING,
                h.unitName(),
                h.duty(),
                words.isEmpty() ? NOTHING : Text.of(ComplaintTexts.SUGGESTED_COMMON_WORDS, String.join("、", words)),
                where(h.areaName()));
    }

    private static Text where(String areaName) {
        return areaName == null ? NOTHING : Text.of(ComplaintTexts.APPLIES_IN, areaName);
    }
}
