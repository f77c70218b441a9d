package org.dutygraph.complaints.routing;

/**
 * Cypher shared by routing and suggestions: from a duty {@code d} to the unit holding it ({@code unit}: the
 * organisation, or the unit of the holding post) and the area it applies in ({@code area}: its own, else the
 * nearest area up its unit's hierarchy), keeping only duties whose area contains the incident's {@code $area}
 * (nested areas included). A duty without any area, or a complaint without one, is not narrowed.
 */
final class DutyPlace {

    static final String ACTIVE = "coalesce(d.status, 'active') <> 'withdrawn'";

    static final String HOLDER_IN_PLACE = """
            MATCH (d)-[:HELD_BY]->(h)
            OPTIONAL MATCH (h)-[:IN_ORG]->(po)
            WITH *, coalesce(po, h) AS unit
            CALL (d, unit) {
              OPTIONAL MATCH (d)-[:IN_AREA]->(own)
              OPTIONAL MATCH path = (unit)-[:PART_OF*0..]->(:Organization)-[:IN_AREA]->(inherited)
              WITH own, inherited ORDER BY length(path) LIMIT 1
              RETURN coalesce(own, inherited) AS area
            }
            WITH * WHERE $area IS NULL OR area IS NULL OR EXISTS { MATCH (:Area {id: $area})-[:WITHIN*0..]->(area) }
            """;

    private DutyPlace() {
    }
}
