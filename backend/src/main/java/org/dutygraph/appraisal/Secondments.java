package org.dutygraph.appraisal;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;

/** Where persons worked, and which unit seconded them there, in given months. */
final class Secondments {

    /** A workplace and the home unit (the seconding unit, or the workplace when not seconded). */
    record Placement(String unit, String home) {
    }

    private Secondments() {
    }

    /**
     * For each [person, month] pair: the post held at any time in that month (the first by post id), as
     * "person|month" -> placement; absent when the person held no post then.
     */
    static Map<String, Placement> placedIn(Driver driver, List<List<String>> personMonths) {
        var rows = personMonths.stream().distinct().map(pm -> {
            var month = YearMonth.parse(pm.get(1));
            return Map.of("person", pm.get(0), "month", pm.get(1), "first", month.atDay(1).toString(),
                    "last", month.atEndOfMonth().toString());
        }).toList();
        var placed = new HashMap<String, Placement>();
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                tx.run("""
                        UNWIND $rows AS row
                        MATCH (:Person {id: row.person})-[h:HOLDS]->(post:Post)-[:IN_ORG]->(o:Organization)
                        WHERE (h.startDate = '' OR h.startDate <= row.last) AND (h.endDate IS NULL OR h.endDate >= row.first)
                        WITH row, h, post, o ORDER BY post.id
                        WITH row, collect([o.id, coalesce(h.secondedFrom, o.id)])[0] AS at
                        RETURN row.person AS person, row.month AS month, at[0] AS unit, at[1] AS home""",
                        Map.of("rows", rows)).forEachRemaining(r -> placed.put(r.get("person").asString() + "|" + r.get("month").asString(),
                        new Placement(r.get("unit").asString(), r.get("home").asString())));
                return null;
            });
        }
        return placed;
    }
}
