package org.dutygraph.complaints.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dutygraph.platform.search.FullTextQuery;
import org.neo4j.driver.TransactionContext;
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

    private record Hit(String unitId, String reason) {
    }

    List<Routing.Suggestion> forText(TransactionContext tx, String text, String areaId) {
        var query = FullTextQuery.leading(text.replaceAll("[^\\p{L}\\p{N}]+", " "));
        if (query.isEmpty()) {
            return List.of();
        }
        var params = new HashMap<String, Object>();
        params.put("q", query.get());
        params.put("text", text.toLowerCase(Locale.ROOT));
        params.put("area", areaId);
        params.put("n", CANDIDATES);
        var best = new LinkedHashMap<String, String>();
        for (var hit : byConcept(tx, params)) {
            best.putIfAbsent(hit.unitId(), hit.reason());
        }
        for (var hit : byWording(tx, params, text)) {
            best.putIfAbsent(hit.unitId(), hit.reason());
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

    private static List<Hit> byConcept(TransactionContext tx, Map<String, Object> params) {
        return tx.run("""
                CALL db.index.fulltext.queryNodes('concept_label', $q) YIELD node AS c, score
                WITH c, score WHERE c.scheme = 'object'
                WITH c, [x IN [c.label] + coalesce(c.altLabels, []) WHERE $text CONTAINS toLower(x)] AS said
                WHERE size(said) > 0
                WITH c, reduce(w = '', x IN said | CASE WHEN size(x) > size(w) THEN x ELSE w END) AS word
                ORDER BY size(word) DESC, c.id LIMIT $n
                MATCH path = (c)-[:BROADER*0..]->(on:Concept)<-[:ON_OBJECT]-(d:Duty)
                WITH c, word, on, d, length(path) - 1 AS distance WHERE\s""" + DutyPlace.ACTIVE + "\n" + DutyPlace.HOLDER_IN_PLACE + """
                RETURN unit.id AS unit, unit.name AS unitName, d.text AS duty, c.label AS matter, word,
                       on.label AS heldOn, area.name AS areaName
                ORDER BY distance, size(word) DESC, unit, d.id""", params)
                .list(r -> {
                    var matter = r.get("matter").asString();
                    var word = r.get("word").asString();
                    var heldOn = r.get("heldOn").asString();
                    var reason = "投诉提到「" + word + "」" + (word.equals(matter) ? "" : "（事项「" + matter + "」）")
                            + "；" + r.get("unitName").asString() + "承担" + (heldOn.equals(matter) ? "该事项" : "其上位事项「" + heldOn + "」")
                            + "的职责「" + r.get("duty").asString() + "」" + where(r.get("areaName").asString(null));
                    return new Hit(r.get("unit").asString(), reason);
                });
    }

    private static List<Hit> byWording(TransactionContext tx, Map<String, Object> params, String text) {
        return tx.run("""
                CALL db.index.fulltext.queryNodes('duty_text', $q) YIELD node AS d, score
                WITH d, score WHERE\s""" + DutyPlace.ACTIVE + """

                WITH d, score ORDER BY score DESC LIMIT 200
                """ + DutyPlace.HOLDER_IN_PLACE + """
                RETURN unit.id AS unit, unit.name AS unitName, d.text AS duty, area.name AS areaName
                ORDER BY score DESC, unit LIMIT $n""", params)
                .list(r -> {
                    var duty = r.get("duty").asString();
                    var words = Overlap.common(text, duty);
                    var reason = r.get("unitName").asString() + "的职责「" + duty + "」与投诉用词相近"
                            + (words.isEmpty() ? "" : "（" + String.join("、", words) + "）") + where(r.get("areaName").asString(null));
                    return new Hit(r.get("unit").asString(), reason);
                });
    }

    private static String where(String areaName) {
        return areaName == null ? "" : "，适用于" + areaName;
    }
}
