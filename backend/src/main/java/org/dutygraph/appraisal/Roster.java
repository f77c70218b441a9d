package org.dutygraph.appraisal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dutygraph.appraisal.engine.Scheme;
import org.neo4j.driver.Driver;

/**
 * Who is appraised, from the organisation graph: units by classification, and persons holding a post on
 * the reference day (their unit is their post's; with several posts, the first by post id). Also the
 * links linked scores follow (a unit's parent and the top of its hierarchy) and who shares a unit.
 */
record Roster(Map<String, String> unitClassification, Map<String, String> parent, Map<String, String> personUnit,
              Map<String, List<String>> personsByUnit) {

    static Roster load(Driver driver, LocalDate asOf) {
        var classification = new HashMap<String, String>();
        var parent = new HashMap<String, String>();
        var personUnit = new HashMap<String, String>();
        var byUnit = new HashMap<String, List<String>>();
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                tx.run("""
                        MATCH (o:Organization) WHERE coalesce(o.status, 'active') <> 'dissolved'
                        OPTIONAL MATCH (o)-[:PART_OF]->(p:Organization)
                        RETURN o.id AS id, o.classification AS c, p.id AS parent""").forEachRemaining(r -> {
                            classification.put(r.get("id").asString(), r.get("c").asString(""));
                            if (!r.get("parent").isNull()) {
                                parent.put(r.get("id").asString(), r.get("parent").asString());
                            }
                        });
                tx.run("""
                        MATCH (person:Person)-[h:HOLDS]->(post:Post)-[:IN_ORG]->(o:Organization)
                        WHERE (h.startDate = '' OR h.startDate <= $day) AND (h.endDate IS NULL OR h.endDate >= $day)
                        RETURN person.id AS person, o.id AS unit ORDER BY person, post.id""", Map.of("day", asOf.toString()))
                        .forEachRemaining(r -> {
                            if (personUnit.putIfAbsent(r.get("person").asString(), r.get("unit").asString()) == null) {
                                byUnit.computeIfAbsent(r.get("unit").asString(), k -> new ArrayList<>()).add(r.get("person").asString());
                            }
                        });
                return null;
            });
        }
        return new Roster(classification, parent, personUnit, byUnit);
    }

    List<String> subjects(Scheme scheme) {
        if (scheme.subject().equals("PERSON")) {
            return List.copyOf(personUnit.keySet());
        }
        return unitClassification.entrySet().stream()
                .filter(e -> scheme.classifications().isEmpty() || scheme.classifications().contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /** The unit a linked score reads for a subject: its own (a person's unit, or a unit itself), its parent, the top. */
    String unitFor(String subjectId, String source) {
        var own = personUnit.getOrDefault(subjectId, unitClassification.containsKey(subjectId) ? subjectId : null);
        if (own == null) {
            return null;
        }
        return switch (source) {
            case "OWN_UNIT" -> own;
            case "PARENT_UNIT" -> parent.get(own);
            default -> {
                var top = own;
                int guard = 0;
                while (parent.containsKey(top) && guard++ < 1000) {
                    top = parent.get(top);
                }
                yield top;
            }
        };
    }

    /** Persons holding a post in the same unit as {@code personId}, without them. */
    List<String> colleagues(String personId) {
        var unit = personUnit.get(personId);
        return unit == null ? List.of() : personsByUnit.getOrDefault(unit, List.of()).stream().filter(p -> !p.equals(personId)).toList();
    }
}
