package org.dutygraph.appraisal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dutygraph.appraisal.engine.Scheme;
import org.neo4j.driver.Driver;

/**
 * Who is appraised, from the organisation graph: units, and persons holding a post on the reference day
 * (their unit is their post's; with several posts, the first by post id), each scheme's population of
 * them; the units linked scores read (the nearest appraised, a level, the parent, the top); who shares a
 * unit; and the groups a forced distribution ranks apart.
 */
record Roster(Map<String, String> unitClassification, Map<String, String> parent, Map<String, String> personUnit,
              Map<String, List<String>> personsByUnit, Map<String, List<Post>> personPosts, Map<String, String> personCategory) {

    /** A current post of a person: its unit, role and class. */
    record Post(String unit, String role, String postClass) {
    }

    static Roster load(Driver driver, LocalDate asOf) {
        var classification = new HashMap<String, String>();
        var parent = new HashMap<String, String>();
        var personUnit = new HashMap<String, String>();
        var byUnit = new HashMap<String, List<String>>();
        var posts = new HashMap<String, List<Post>>();
        var categories = new HashMap<String, String>();
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
                        RETURN person.id AS person, o.id AS unit, post.role AS role, post.postClass AS class,
                               person.category AS category ORDER BY person, post.id""", Map.of("day", asOf.toString()))
                        .forEachRemaining(r -> {
                            var person = r.get("person").asString();
                            var unit = r.get("unit").asString();
                            if (personUnit.putIfAbsent(person, unit) == null) {
                                byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(person);
                                if (!r.get("category").isNull()) {
                                    categories.put(person, r.get("category").asString());
                                }
                            }
                            posts.computeIfAbsent(person, k -> new ArrayList<>(1))
                                    .add(new Post(unit, r.get("role").asString(null), r.get("class").asString(null)));
                        });
                return null;
            });
        }
        return new Roster(classification, parent, personUnit, byUnit, posts, categories);
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
        return new Roster(classification, parent, personUnit, Map.of(), Map.of(), Map.of());
    }

    /** The scheme's population: the units or persons it appraises. */
    List<String> subjects(Scheme scheme) {
        var population = scheme.population();
        if (scheme.subject().equals("PERSON")) {
            return personUnit.keySet().stream().filter(p -> inPopulation(p, population)).toList();
        }
        return unitClassification.entrySet().stream()
                .filter(e -> scheme.classifications().isEmpty() || scheme.classifications().contains(e.getValue()))
                .map(Map.Entry::getKey).filter(u -> unitInPopulation(u, population)).toList();
    }

    private boolean unitInPopulation(String unit, Scheme.Population population) {
        return (population.subjects().isEmpty() || population.subjects().contains(unit))
                && (population.units().isEmpty() || within(unit, population.units()));
    }

    private boolean inPopulation(String person, Scheme.Population population) {
        if (!population.subjects().isEmpty() && !population.subjects().contains(person)
                || !population.categories().isEmpty() && !population.categories().contains(personCategory.get(person))) {
            return false;
        }
        if (population.units().isEmpty() && population.postRoles().isEmpty() && population.postClasses().isEmpty()) {
            return true;
        }
        for (var post : personPosts.getOrDefault(person, List.of())) {
            if ((population.units().isEmpty() || within(post.unit(), population.units()))
                    && (population.postRoles().isEmpty() || population.postRoles().contains(post.role()))
                    && (population.postClasses().isEmpty() || population.postClasses().contains(post.postClass()))) {
                return true;
            }
        }
        return false;
    }

    /** The unit is one of the roots or below one of them. */
    private boolean within(String unit, List<String> roots) {
        var at = unit;
        for (int guard = 0; at != null && guard < 1000; guard++) {
            if (roots.contains(at)) {
                return true;
            }
            at = parent.get(at);
        }
        return false;
    }

    /**
     * The unit a linked score reads for a subject (a person's unit, or a unit itself): OWN_UNIT, the nearest,
     * its own or above, that the linked scheme appraises; UNIT_ITSELF; LEVEL, the nearest of the classification;
     * PARENT_UNIT; TOP_UNIT.
     */
    String linkedUnit(String subjectId, String source, String classification, java.util.function.Predicate<String> appraised) {
        var own = personUnit.getOrDefault(subjectId, unitClassification.containsKey(subjectId) ? subjectId : null);
        if (own == null) {
            return null;
        }
        return switch (source) {
            case "UNIT_ITSELF" -> own;
            case "PARENT_UNIT" -> parent.get(own);
            case "TOP_UNIT" -> {
                var top = own;
                int guard = 0;
                while (parent.containsKey(top) && guard++ < 1000) {
                    top = parent.get(top);
                }
                yield top;
            }
            case "LEVEL" -> nearest(own, u -> classification.equals(unitClassification.get(u)));
            default -> nearest(own, appraised);
        };
    }

    private String nearest(String unit, java.util.function.Predicate<String> test) {
        var at = unit;
        for (int guard = 0; at != null && guard < 1000; guard++) {
            if (test.test(at)) {
                return at;
            }
            at = parent.get(at);
        }
        return null;
    }

    /** The forced-distribution group of a subject: "" (the whole population), its unit at a level, or its rating group. */
    String distributionGroup(String subjectId, Scheme.Grouping grouping) {
        switch (grouping.by()) {
            case "UNIT" -> {
                var own = personUnit.getOrDefault(subjectId, subjectId);
                var unit = grouping.classification() == null ? own
                        : nearest(own, u -> grouping.classification().equals(unitClassification.get(u)));
                return unit == null ? "" : unit;
            }
            case "GROUPS" -> {
                boolean person = personUnit.containsKey(subjectId);
                for (var group : grouping.groups()) {
                    if (person ? inPopulation(subjectId, group.population()) : unitInPopulation(subjectId, group.population())) {
                        return group.name();
                    }
                }
                return "";
            }
            default -> {
                return "";
            }
        }
    }

    /** Persons holding a post in the same unit as {@code personId}, without them. */
    List<String> colleagues(String personId) {
        var unit = personUnit.get(personId);
        return unit == null ? List.of() : personsByUnit.getOrDefault(unit, List.of()).stream().filter(p -> !p.equals(personId)).toList();
    }
}
