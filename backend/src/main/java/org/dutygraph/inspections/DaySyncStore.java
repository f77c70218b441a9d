package org.dutygraph.inspections;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dutygraph.inspections.Checklists.Item;
import org.dutygraph.platform.graphql.TimeKeys;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * What an inspector's sync reads and writes: the assignments its visits are on, and the visits, findings,
 * evidence and patrols, each MERGEd by its client key so that a replay finds the stored node.
 */
@Component
class DaySyncStore {

    /** An assignment as a sync checks against it; {@code codes}: its checklist's codes. */
    record AssignmentRef(
            String id, String planId, String targetUnitId, Set<String> codes, String kind, LocalDate dueFrom) {}

    /** The stored node of an item: {@code same} its content hash matches, {@code created} by this batch. */
    record Merged(String id, boolean same, boolean created, long receivedAt) {}

    private final Neo4jClient neo4j;

    DaySyncStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The inspector's own assignments among {@code ids}, by id. */
    Map<String, AssignmentRef> assignments(String inspector, Collection<String> ids) {
        return assignmentsBy("""
                MATCH (:Account {username: $me})-[:ASSIGNED]->(a:Assignment) WHERE a.id IN $ids
                RETURN a.id AS key, a {.id, .planId, .targetUnitId, .checklist, .kind, .dueFrom} AS a""", Map.of("me", inspector, "ids", List.copyOf(ids)));
    }

    /** The assignments of visits stored under these client keys, by the visit's client id. */
    Map<String, AssignmentRef> assignmentsOfVisits(Collection<String> visitClientKeys) {
        return assignmentsBy("""
                MATCH (v:Visit) WHERE v.clientKey IN $keys MATCH (a:Assignment {id: v.assignmentId})
                RETURN v.clientId AS key, a {.id, .planId, .targetUnitId, .checklist, .kind, .dueFrom} AS a""", Map.of("keys", List.copyOf(visitClientKeys)));
    }

    private record KeyedAssignment(String key, AssignmentRef assignment) {}

    /** Rows of {@code key} and assignment {@code a} (a map of its properties); a checklist shared by many assignments is parsed once. */
    private Map<String, AssignmentRef> assignmentsBy(String cypher, Map<String, Object> params) {
        var codes = new HashMap<String, Set<String>>();
        return neo4j
                .query(cypher)
                .bindAll(params)
                .fetchAs(KeyedAssignment.class)
                .mappedBy((types, row) -> {
                    var a = row.get("a");
                    var checklist = a.get("checklist").asString();
                    var dueFrom = a.get("dueFrom").asString(null);
                    return new KeyedAssignment(
                            row.get("key").asString(),
                            new AssignmentRef(
                                    a.get("id").asString(),
                                    a.get("planId").asString(),
                                    a.get("targetUnitId").asString(),
                                    codes.computeIfAbsent(checklist, DaySyncStore::codes),
                                    a.get("kind").asString(null),
                                    dueFrom == null ? null : LocalDate.parse(dueFrom)));
                })
                .all()
                .stream()
                .collect(Collectors.toMap(KeyedAssignment::key, KeyedAssignment::assignment, (x, y) -> y));
    }

    private static Set<String> codes(String checklist) {
        return InspectionJson.items(checklist).stream().map(Item::code).collect(Collectors.toUnmodifiableSet());
    }

    List<Merged> mergeVisits(List<SyncItem<SyncItem.Visit>> items, String inspector, String batchId) {
        return merge("Visit", items, item -> Map.of("inspector", inspector), batchId);
    }

    List<Merged> mergeFindings(List<SyncItem<SyncItem.Finding>> items, String inspector, String batchId) {
        return merge(
                "InspectionFinding",
                items,
                item -> Map.of(
                        "status",
                        "RECORDED",
                        "recordedBy",
                        inspector,
                        "key",
                        TimeKeys.key(item.receivedAt(), item.id())),
                batchId);
    }

    /** @param findingIds the stored finding's id by its client key */
    List<Merged> mergeEvidence(
            List<SyncItem<SyncItem.Evidence>> items, Map<String, String> findingIds, String batchId) {
        return merge(
                "Evidence",
                items,
                item -> Map.of("findingId", findingIds.get(item.content().findingClientKey())),
                batchId);
    }

    List<Merged> mergePatrols(List<SyncItem<SyncItem.Patrol>> items, String inspector, String batchId) {
        return merge("Patrol", items, item -> Map.of("inspector", inspector), batchId);
    }

    /**
     * MERGEs the items by client key, in key order (so concurrent replays lock in the same order); the content is
     * set on creation with {@code extra} (not hashed). Returns the stored nodes in the items' order.
     */
    private <C extends SyncItem.Content> List<Merged> merge(
            String label, List<SyncItem<C>> items, Function<SyncItem<C>, Map<String, Object>> extra, String batchId) {
        if (items.isEmpty()) {
            return List.of();
        }
        var rows = items.stream()
                .sorted(Comparator.comparing(SyncItem::clientKey))
                .map(item -> {
                    var props = new HashMap<>(item.content().properties());
                    props.values().removeIf(Objects::isNull);
                    return Map.of(
                            "clientKey",
                            item.clientKey(),
                            "id",
                            item.id(),
                            "hash",
                            item.contentHash(),
                            "receivedAt",
                            item.receivedAt(),
                            "props",
                            props,
                            "extra",
                            extra.apply(item));
                })
                .toList();
        var stored = neo4j
                .query("""
                        UNWIND $rows AS r
                        MERGE (n:%s {clientKey: r.clientKey})
                        ON CREATE SET n += r.props, n += r.extra, n.id = r.id, n.contentHash = r.hash, n.receivedAt = r.receivedAt,
                                      n.batchId = $batch
                        RETURN r.clientKey AS clientKey, n.id AS id, n.contentHash = r.hash AS same, n.batchId = $batch AS created,
                               n.receivedAt AS receivedAt""".formatted(label))
                .bindAll(Map.of("rows", rows, "batch", batchId))
                .fetchAs(StoredItem.class)
                .mappedBy((types, r) -> new StoredItem(
                        r.get("clientKey").asString(),
                        new Merged(
                                r.get("id").asString(),
                                r.get("same").asBoolean(),
                                r.get("created").asBoolean(),
                                r.get("receivedAt").asLong())))
                .all()
                .stream()
                .collect(Collectors.toMap(StoredItem::clientKey, StoredItem::merged));
        return items.stream().map(item -> stored.get(item.clientKey())).toList();
    }

    private record StoredItem(String clientKey, Merged merged) {}

    /** Marks the assignments of new visits visited, at their latest start. */
    void markVisited(List<SyncItem.Visit> visits) {
        if (visits.isEmpty()) {
            return;
        }
        var rows = visits.stream()
                .map(v -> Map.<String, Object>of("assignmentId", v.assignmentId(), "startedAt", v.startedAt()))
                .toList();
        neo4j.query("""
                        UNWIND $visited AS v
                        MATCH (a:Assignment {id: v.assignmentId})
                        SET a.status = 'VISITED', a.visitedAt = CASE WHEN a.visitedAt IS NULL OR a.visitedAt < v.startedAt
                            THEN v.startedAt ELSE a.visitedAt END""").bindAll(Map.of("visited", rows)).run();
    }
}
