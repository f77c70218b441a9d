package org.dutygraph.appraisal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dutygraph.org.read.Holdings;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * What the {@link Roster} is made of, read from the organisation graph: units with their classification and parent, and
 * who holds which post on a day ({@link Holdings#currentOn}); and where persons worked in given months. Each call joins
 * the caller's transaction when there is one: a roster is read in one ({@code GraphTransactions.read}).
 */
@Component
class RosterStore {

    private static final String HOLDS_ON_DAY = Holdings.currentOn("h", "$day");

    /** A unit not dissolved; {@code parent} is null at the top. */
    record Unit(String id, String classification, String parent) {}

    /** A post held on the day: the holder, the post's unit, role and class, the seconding unit (null: none). */
    record Holding(String person, String unit, String role, String postClass, String secondedFrom, String category) {}

    /** A unit and the units above it, nearest first, with their classifications ('' for none). */
    record Chain(List<String> units, List<String> classifications) {}

    /** A workplace and the home unit (the seconding unit, or the workplace when not seconded). */
    record Placement(String unit, String home) {}

    /** A person and a month (yyyy-MM). */
    record PersonMonth(String person, String month) {}

    private final Neo4jClient neo4j;

    RosterStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    List<Unit> units() {
        return List.copyOf(neo4j.query("""
                        MATCH (o:Organization) WHERE coalesce(o.status, 'active') <> 'dissolved'
                        OPTIONAL MATCH (o)-[:PART_OF]->(p:Organization)
                        RETURN o.id AS id, o.classification AS c, p.id AS parent""")
                .fetchAs(Unit.class)
                .mappedBy((types, r) -> new Unit(
                        r.get("id").asString(),
                        r.get("c").asString(""),
                        r.get("parent").asString(null)))
                .all());
    }

    /** The posts held on the day, by person, then post id. */
    List<Holding> holdings(LocalDate day) {
        return List.copyOf(neo4j.query("""
                        MATCH (person:Person)-[h:HOLDS]->(post:Post)-[:IN_ORG]->(o:Organization)
                        WHERE %s
                        RETURN person.id AS person, o.id AS unit, post.role AS role, post.postClass AS class,
                               h.secondedFrom AS home, person.category AS category ORDER BY person, post.id""".formatted(HOLDS_ON_DAY))
                .bind(day.toString())
                .to("day")
                .fetchAs(Holding.class)
                .mappedBy((types, r) -> new Holding(
                        r.get("person").asString(),
                        r.get("unit").asString(),
                        r.get("role").asString(null),
                        r.get("class").asString(null),
                        r.get("home").asString(null),
                        r.get("category").asString(null)))
                .all());
    }

    /** The person's first post (by post id) held on the day: its unit and the seconding unit (null: none). */
    Optional<Placement> firstPost(String personId, LocalDate day) {
        return neo4j.query("""
                        MATCH (:Person {id: $id})-[h:HOLDS]->(post:Post)-[:IN_ORG]->(pu:Organization)
                        WHERE %s
                        RETURN pu.id AS unit, h.secondedFrom AS home ORDER BY post.id LIMIT 1""".formatted(HOLDS_ON_DAY))
                .bindAll(Map.of("id", personId, "day", day.toString()))
                .fetchAs(Placement.class)
                .mappedBy((types, r) ->
                        new Placement(r.get("unit").asString(), r.get("home").asString(null)))
                .one();
    }

    /** For each unit id, the longest chain from it upwards ({@code PART_OF}); ids of no unit give none. */
    List<Chain> chains(List<String> unitIds) {
        return List.copyOf(neo4j.query("""
                        UNWIND $starts AS start
                        MATCH path = (:Organization {id: start})-[:PART_OF*0..]->(:Organization)
                        WITH start, path ORDER BY length(path) DESC
                        WITH start, collect(path)[0] AS path
                        RETURN [n IN nodes(path) | n.id] AS chain, [n IN nodes(path) | coalesce(n.classification, '')] AS kinds""")
                .bind(unitIds)
                .to("starts")
                .fetchAs(Chain.class)
                .mappedBy((types, r) -> new Chain(
                        r.get("chain").asList(Value::asString), r.get("kinds").asList(Value::asString)))
                .all());
    }

    /**
     * Where each person worked in the month: the post held at any time in it (the first by post id), by person and month;
     * absent when the person held no post then. An overlap of the month, not a day: {@link Holdings} does not apply.
     */
    Map<PersonMonth, Placement> placedIn(List<PersonMonth> personMonths) {
        record Placed(PersonMonth at, Placement placement) {}
        var rows = personMonths.stream()
                .distinct()
                .map(pm -> {
                    var month = YearMonth.parse(pm.month());
                    return Map.of(
                            "person",
                            pm.person(),
                            "month",
                            pm.month(),
                            "first",
                            month.atDay(1).toString(),
                            "last",
                            month.atEndOfMonth().toString());
                })
                .toList();
        var placed = new HashMap<PersonMonth, Placement>();
        neo4j.query("""
                        UNWIND $rows AS row
                        MATCH (:Person {id: row.person})-[h:HOLDS]->(post:Post)-[:IN_ORG]->(o:Organization)
                        WHERE (h.startDate = '' OR h.startDate <= row.last) AND (h.endDate IS NULL OR h.endDate >= row.first)
                        WITH row, h, post, o ORDER BY post.id
                        WITH row, collect([o.id, coalesce(h.secondedFrom, o.id)])[0] AS at
                        RETURN row.person AS person, row.month AS month, at[0] AS unit, at[1] AS home""")
                .bind(rows)
                .to("rows")
                .fetchAs(Placed.class)
                .mappedBy((types, r) -> new Placed(
                        new PersonMonth(
                                r.get("person").asString(), r.get("month").asString()),
                        new Placement(r.get("unit").asString(), r.get("home").asString())))
                .all()
                .forEach(p -> placed.put(p.at(), p.placement()));
        return placed;
    }
}
