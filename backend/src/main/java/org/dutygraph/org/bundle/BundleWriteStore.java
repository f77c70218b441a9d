package org.dutygraph.org.bundle;

import java.util.Map;
import java.util.function.Consumer;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.stereotype.Component;

/**
 * Writes bundle entries with the plain driver: a bundle import is the one bulk write where a measured
 * difference matters (see README, import benchmark). Each statement takes {@code $rows} and is idempotent:
 * entries are matched by id, their properties set, and their single-valued relationships replaced.
 */
@Component
public class BundleWriteStore {

    private final Driver driver;

    BundleWriteStore(Driver driver) {
        this.driver = driver;
    }

    /** Everything {@code writer} sends commits together or not at all. */
    void writeInOneTransaction(Consumer<WriteSink> writer) {
        try (Session session = driver.session();
                var tx = session.beginTransaction()) {
            writer.accept((cypher, rows) -> tx.run(cypher, Map.of("rows", rows)).consume());
            tx.commit();
        }
    }

    /** Each batch {@code writer} sends commits on its own (retried on transient errors). */
    void writeInBatches(Consumer<WriteSink> writer) {
        try (Session session = driver.session()) {
            writer.accept((cypher, rows) -> session.executeWriteWithoutResult(
                    tx -> tx.run(cypher, Map.of("rows", rows)).consume()));
        }
    }

    static final String AREAS = """
            UNWIND $rows AS row
            MERGE (n:Area {id: row.id})
            SET n.name = row.name, n.classification = row.classification
            """;

    static final String AREA_LINKS = """
            UNWIND $rows AS row
            MATCH (n:Area {id: row.id})
            CALL (n) { MATCH (n)-[r:WITHIN]->() DELETE r }
            CALL (n, row) { MATCH (p:Area {id: row.parentId}) CREATE (n)-[:WITHIN]->(p) }
            """;

    static final String CONCEPTS = """
            UNWIND $rows AS row
            MERGE (n:Concept {id: row.id})
            SET n.label = row.label, n.scheme = row.scheme,
                n.altLabels = CASE WHEN size(coalesce(row.altLabels, [])) = 0 THEN null ELSE row.altLabels END
            """;

    static final String CONCEPT_LINKS = """
            UNWIND $rows AS row
            MATCH (n:Concept {id: row.id})
            CALL (n) { MATCH (n)-[r:BROADER]->() DELETE r }
            CALL (n, row) { MATCH (p:Concept {id: row.broaderId}) CREATE (n)-[:BROADER]->(p) }
            """;

    static final String ORGANIZATIONS = """
            UNWIND $rows AS row
            MERGE (n:Organization {id: row.id})
            SET n.name = row.name, n.otherNames = row.otherNames, n.classification = row.classification,
                n.foundingDate = row.foundingDate, n.dissolutionDate = row.dissolutionDate, n.status = row.status,
                n.quota = row.quota, n.leadershipPositions = row.leadershipPositions
            """;

    static final String ORGANIZATION_LINKS = """
            UNWIND $rows AS row
            MATCH (n:Organization {id: row.id})
            CALL (n) { MATCH (n)-[r:PART_OF|IN_AREA]->() DELETE r }
            CALL (n, row) { MATCH (p:Organization {id: row.parentId}) CREATE (n)-[:PART_OF]->(p) }
            CALL (n, row) { MATCH (a:Area {id: row.areaId}) CREATE (n)-[:IN_AREA]->(a) }
            """;

    static final String POSTS = """
            UNWIND $rows AS row
            MERGE (n:Post {id: row.id})
            SET n.label = row.label, n.role = row.role, n.postClass = row.postClass, n.startDate = row.startDate,
                n.endDate = row.endDate, n.status = row.status
            WITH n, row
            CALL (n) { MATCH (n)-[r:IN_ORG]->() DELETE r }
            CALL (n, row) { MATCH (o:Organization {id: row.organizationId}) CREATE (n)-[:IN_ORG]->(o) }
            """;

    static final String POST_LINKS = """
            UNWIND $rows AS row
            MATCH (n:Post {id: row.id})
            CALL (n) { MATCH (n)-[r:BACKED_UP_BY|REPORTS_TO]->() DELETE r }
            CALL (n, row) { MATCH (b:Post {id: row.backupPostId}) CREATE (n)-[:BACKED_UP_BY]->(b) }
            CALL (n, row) { MATCH (b:Post {id: row.reportsToPostId}) CREATE (n)-[:REPORTS_TO]->(b) }
            """;

    static final String PERSONS = """
            UNWIND $rows AS row
            MERGE (n:Person {id: row.id})
            SET n.name = row.name
            """;

    /** A membership is identified by person, post and start date ('' when the start is unknown). */
    static final String MEMBERSHIPS = """
            UNWIND $rows AS row
            MATCH (person:Person {id: row.personId}), (post:Post {id: row.postId})
            MERGE (person)-[m:HOLDS {startDate: row.startDate}]->(post)
            SET m.endDate = row.endDate, m.secondedFrom = row.secondedFromId
            """;

    static final String SUPERVISION = """
            UNWIND $rows AS row
            MATCH (post:Post {id: row.postId}), (org:Organization {id: row.organizationId})
            MERGE (post)-[:SUPERVISES {kind: row.kind}]->(org)
            """;

    /** For a whole state: every supervision line that is not one of {@code $rows} ends. */
    static final String END_SUPERVISION_NOT_LISTED = """
            WITH [row IN $rows | [row.postId, row.organizationId, row.kind]] AS kept
            MATCH (post:Post)-[s:SUPERVISES]->(org:Organization)
            WHERE NOT [post.id, org.id, s.kind] IN kept
            DELETE s
            """;

    static final String POWER_ITEMS = """
            UNWIND $rows AS row
            MERGE (n:PowerItem {id: row.id})
            SET n.code = row.code, n.name = row.name, n.category = row.category, n.basis = row.basis,
                n.statutoryDays = row.statutoryDays, n.committedDays = row.committedDays, n.fee = row.fee,
                n.status = row.status, n.endDate = row.endDate, n.feeItems = row.feeItems, n.feeAmounts = row.feeAmounts
            """;

    static String duties(String holderLabel) {
        return """
                UNWIND $rows AS row
                MERGE (d:Duty {id: row.id})
                SET d.text = row.text, d.basis = row.basis, d.role = row.role, d.arrangementId = row.arrangementId,
                    d.status = row.status, d.endDate = row.endDate
                WITH d, row
                CALL (d) { MATCH (d)-[r:HELD_BY|ACTION|ON_OBJECT|IN_AREA|EXERCISES]->() DELETE r }
                CALL (d, row) { MATCH (h:%s {id: row.holderId}) CREATE (d)-[:HELD_BY]->(h) }
                CALL (d, row) { MATCH (a:Concept {id: row.action}) CREATE (d)-[:ACTION]->(a) }
                CALL (d, row) { UNWIND row.objects AS objectId MATCH (c:Concept {id: objectId}) CREATE (d)-[:ON_OBJECT]->(c) }
                CALL (d, row) { MATCH (a:Area {id: row.areaId}) CREATE (d)-[:IN_AREA]->(a) }
                CALL (d, row) { UNWIND row.powerItemIds AS itemId MATCH (p:PowerItem {id: itemId}) CREATE (d)-[:EXERCISES]->(p) }
                """.formatted(holderLabel);
    }
}
