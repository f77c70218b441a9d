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

    /** Just what one subject's linked scores need: its unit and the units above it. */
    static Roster around(Driver driver, String subjectId, LocalDate asOf) {
        var classification = new HashMap<String, String>();
        var parent = new HashMap<String, String>();
        var personUnit = new HashMap<String, String>();
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                var rows = tx.run("""
                        OPTIONAL MATCH (:Person {id: $id})-[h:HOLDS]->(post:Post)-[:IN_ORG]->(pu:Organization)
                        WHERE (h.startDate = '' OR h.startDate <= $day) AND (h.endDate IS NULL OR h.endDate >= $day)
                        WITH pu ORDER BY post.id LIMIT 1
                        OPTIONAL MATCH (self:Organization {id: $id})
                        WITH pu, coalesce(pu, self) AS own WHERE own IS NOT NULL
                        MATCH path = (own)-[:PART_OF*0..]->(:Organization)
                        RETURN pu IS NOT NULL AS person, [n IN nodes(path) | n.id] AS chain,
                               [n IN nodes(path) | coalesce(n.classification, '')] AS kinds
                        ORDER BY length(path) DESC LIMIT 1""", Map.of("id", subjectId, "day", asOf.toString())).list();
                if (!rows.isEmpty()) {
                    var chain = rows.get(0).get("chain").asList(org.neo4j.driver.Value::asString);
                    var kinds = rows.get(0).get("kinds").asList(org.neo4j.driver.Value::asString);
                    for (int i = 0; i < chain.size(); i++) {
                        classification.put(chain.get(i), kinds.get(i));
                        if (i + 1 < chain.size()) {
                            parent.put(chain.get(i), chain.get(i + 1));
                        }
                    }
                    if (rows.get(0).get("person").asBoolean()) {
                        personUnit.put(subjectId, chain.get(0));
                    }
                }
                return null;
            });
        }
        return new Roster(classification, parent, personUnit, Map.of());
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
