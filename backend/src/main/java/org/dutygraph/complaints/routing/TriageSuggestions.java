package org.dutygraph.complaints.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    private static final int CANDIDATES = 50;

    List<Routing.Suggestion> forText(RoutingStore graph, String text, String areaId) {
        var query = FullTextQuery.leading(text.replaceAll("[^\\p{L}\\p{N}]+", " "));
        if (query.isEmpty()) {
            return List.of();
        }
        var best = new LinkedHashMap<String, String>();
        for (var hit : graph.byConcept(query.get(), text.toLowerCase(Locale.ROOT), areaId, CANDIDATES)) {
            best.putIfAbsent(hit.unitId(), reason(hit));
        }
        for (var hit : graph.byWording(query.get(), areaId, CANDIDATES)) {
            best.putIfAbsent(hit.unitId(), reason(hit, text));
        }
        var out = new ArrayList<Routing.Suggestion>();
        for (Map.Entry<String, String> e : best.entrySet()) {
            if (out.size() == SUGGESTIONS) {
                break;
            }
            out.add(new Routing.Suggestion(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static String reason(RoutingStore.ConceptHit h) {
        return "投诉提到「" + h.word() + "」" + (h.word().equals(h.matter()) ? "" : "（事项「" + h.matter() + "」）")
                + "；" + h.unitName() + "承担" + (h.heldOn().equals(h.matter()) ? "该事项" : "其上位事项「" + h.heldOn() + "」")
                + "的职责「" + h.duty() + "」" + where(h.areaName());
    }

    private static String reason(RoutingStore.WordingHit h, String text) {
        var words = Overlap.common(text, h.duty());
        return h.unitName() + "的职责「" + h.duty() + "」与投诉用词相近"
                + (words.isEmpty() ? "" : "（" + String.join("、", words) + "）") + where(h.areaName());
    }

    private static String where(String areaName) {
        return areaName == null ? "" : "，适用于" + areaName;
    }
}
