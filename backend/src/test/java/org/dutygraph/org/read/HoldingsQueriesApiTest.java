package org.dutygraph.org.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Notification;

/**
 * The holdings queries (and the account check of every signed-in request) plan without "property does not exist"
 * notifications on a store where no holding has ended or was seconded yet and nobody changed a password (the test
 * store, the demo city's): the property keys exist from V101, so Neo4j has nothing to warn about (it warned on
 * every such query, in every path that reads who holds a post).
 */
class HoldingsQueriesApiTest extends ApiTest {

    @Test
    void holdingQueriesDoNotWarnOfUnknownProperties() {
        var query = """
                EXPLAIN MATCH (p:Person)-[h:HOLDS]->(post:Post)-[:IN_ORG]->(o:Organization) WHERE %s
                RETURN p.id AS person, post.id AS post, h.secondedFrom AS home LIMIT 1""".formatted(Holdings.currentOn("h", "$day"));
        var accountCheck = "EXPLAIN MATCH (a:Account {username: $u}) RETURN a.passwordChangedAt AS changed";
        try (var session = driver.session()) {
            assertThat(session.run(query, Map.of("day", "2026-06-01")).consume().notifications())
                    .extracting(Notification::code)
                    .doesNotContain("Neo.ClientNotification.Statement.UnknownPropertyKeyWarning");
            assertThat(session.run(accountCheck, Map.of("u", "analyst"))
                            .consume()
                            .notifications())
                    .extracting(Notification::code)
                    .doesNotContain("Neo.ClientNotification.Statement.UnknownPropertyKeyWarning");
        }
    }
}
