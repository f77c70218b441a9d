package org.dutygraph.appraisal.rounds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

/**
 * Who rates whom, from the organisation graph on a given day (current posts): the members of each rater group for each
 * subject, by the group's relation. See {@link RaterRelation} and docs/appraisal.md.
 */
@Component
class RaterStore {

    static final List<String> LEADERSHIP_ROLES = List.of("principal", "deputy", "head", "deputy_head");
    private static final String CURRENT = "(h.startDate IS NULL OR h.startDate = '' OR h.startDate <= $day) "
            + "AND (h.endDate IS NULL OR h.endDate >= $day)";

    private final Driver driver;

    RaterStore(Driver driver) {
        this.driver = driver;
    }

    /** Of {@code ids}, those of nodes with this label (Organization or Person). */
    Set<String> existing(String label, Collection<String> ids) {
        try (var session = driver.session()) {
            return new HashSet<>(session.executeRead(tx -> tx.run("MATCH (n:" + label + ") WHERE n.id IN $ids RETURN collect(n.id) AS ids",
                    Map.of("ids", List.copyOf(ids))).single().get("ids").asList(Value::asString)));
        }
    }

    /** Names of units and persons, by id. */
    Map<String, String> names(Collection<String> ids) {
        try (var session = driver.session()) {
            var names = new HashMap<String, String>();
            session.executeRead(tx -> tx.run("""
                    MATCH (n) WHERE (n:Organization OR n:Person) AND n.id IN $ids RETURN n.id AS id, n.name AS name""",
                    Map.of("ids", List.copyOf(ids))).list()).forEach(r -> names.put(r.get("id").asString(), r.get("name").asString("")));
            return names;
        }
    }

    /**
     * For each subject, the members of each group in order (as many sets as groups), the subject left out. A person's
     * unit is the unit of each of their current posts; a unit is its own.
     */
    Map<String, List<Set<String>>> members(List<String> subjects, boolean persons, List<RoundDraft.Group> groups, LocalDate day) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var params = Map.<String, Object>of("day", day.toString());
                Map<String, List<String>> subjectUnits = new HashMap<>();
                if (persons) {
                    tx.run("UNWIND $ids AS id MATCH (:Person {id: id})-[h:HOLDS]->(:Post)-[:IN_ORG]->(u:Organization) WHERE "
                                    + CURRENT + " RETURN id, collect(DISTINCT u.id) AS units", with(params, "ids", subjects))
                            .forEachRemaining(r -> subjectUnits.put(r.get("id").asString(), r.get("units").asList(Value::asString)));
                } else {
                    subjects.forEach(s -> subjectUnits.put(s, List.of(s)));
                }
                var units = subjectUnits.values().stream().flatMap(List::stream).distinct().toList();
                var sectionParent = new HashMap<String, String>();
                tx.run("""
                        MATCH (u:Organization)-[:PART_OF]->(p:Organization) WHERE u.id IN $ids AND u.classification = 'section'
                        RETURN u.id AS id, p.id AS parent""", with(params, "ids", units))
                        .forEachRemaining(r -> sectionParent.put(r.get("id").asString(), r.get("parent").asString()));
                var around = new ArrayList<>(units);
                around.addAll(sectionParent.values());
                var supervisors = grouped(tx.run("UNWIND $ids AS id MATCH (post:Post)-[:SUPERVISES]->(:Organization {id: id}) "
                        + "MATCH (x:Person)-[h:HOLDS]->(post) WHERE " + CURRENT + " RETURN id, collect(DISTINCT x.id) AS people",
                        with(params, "ids", units)).list());
                var leaders = grouped(tx.run("UNWIND $ids AS id MATCH (x:Person)-[h:HOLDS]->(post:Post)-[:IN_ORG]->(:Organization {id: id}) "
                        + "WHERE post.role IN $roles AND " + CURRENT + " RETURN id, collect(DISTINCT x.id) AS people",
                        with(with(params, "ids", around), "roles", LEADERSHIP_ROLES)).list());
                var staffRoots = new LinkedHashSet<>(units);
                groups.stream().filter(g -> g.relation() == RaterRelation.STAFF_OF_UNITS).forEach(g -> staffRoots.addAll(g.unitIds()));
                var staff = grouped(tx.run("UNWIND $ids AS id MATCH (u:Organization)-[:PART_OF*0..]->(:Organization {id: id}) "
                        + "MATCH (x:Person)-[h:HOLDS]->(:Post)-[:IN_ORG]->(u) WHERE " + CURRENT
                        + " RETURN id, collect(DISTINCT x.id) AS people", with(params, "ids", List.copyOf(staffRoots))).list());
                var listed = new HashSet<>(tx.run("MATCH (p:Person) WHERE p.id IN $ids RETURN collect(p.id) AS ids",
                        with(params, "ids", groups.stream().filter(g -> g.relation() == RaterRelation.PERSONS)
                                .flatMap(g -> g.personIds().stream()).distinct().toList())).single().get("ids").asList(Value::asString));

                var result = new HashMap<String, List<Set<String>>>();
                for (var subject : subjects) {
                    var own = subjectUnits.getOrDefault(subject, List.of());
                    var sets = new ArrayList<Set<String>>();
                    for (var group : groups) {
                        var set = new LinkedHashSet<String>();
                        switch (group.relation()) {
                            case SUPERVISING_LEADERS -> own.forEach(u -> {
                                set.addAll(supervisors.getOrDefault(u, List.of()));
                                if (persons) {
                                    set.addAll(leaders.getOrDefault(u, List.of()));
                                }
                                if (sectionParent.containsKey(u)) {
                                    set.addAll(leaders.getOrDefault(sectionParent.get(u), List.of()));
                                }
                            });
                            case UNIT_STAFF -> own.forEach(u -> set.addAll(staff.getOrDefault(u, List.of())));
                            case STAFF_OF_UNITS -> group.unitIds().forEach(u -> set.addAll(staff.getOrDefault(u, List.of())));
                            case PERSONS -> group.personIds().stream().filter(listed::contains).forEach(set::add);
                        }
                        set.remove(subject);
                        sets.add(set);
                    }
                    result.put(subject, sets);
                }
                return result;
            });
        }
    }

    private static Map<String, List<String>> grouped(List<org.neo4j.driver.Record> rows) {
        var map = new HashMap<String, List<String>>();
        rows.forEach(r -> map.put(r.get("id").asString(), r.get("people").asList(Value::asString)));
        return map;
    }

    private static Map<String, Object> with(Map<String, Object> params, String key, Object value) {
        var map = new HashMap<>(params);
        map.put(key, value);
        return map;
    }
}
