package org.dutygraph.complaints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.dutygraph.complaints.routing.RoutingStore;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.TextJson;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.stereotype.Component;

/**
 * The transactions of the complaint group commit ({@link SubmissionWriter}), on the plain driver rather than
 * Spring-managed ones: submission is the measured hot path (README, benchmark-complaints: 200 submissions a
 * second within p99 200 ms on two cores), and each batch is one {@code executeWrite}, retried by the driver, with
 * nothing between the writer thread and the session. Everything a batch asks of the graph runs in that one
 * transaction through {@link Queries}: the references, the matters, the routing ({@link RoutingStore}), the case
 * numbers, the creation, and the notices to the office.
 */
@Component
class SubmissionStore {

    /**
     * What the graph has of one submission's references: whether each exists (unitName and windowName when they
     * do), which of its photos are free to attach, whether its submission key is stored (a retry) and whether its
     * case number is taken.
     */
    record Found(
            boolean unit,
            String unitName,
            boolean window,
            String windowName,
            boolean post,
            boolean item,
            boolean area,
            List<String> freePhotos,
            boolean submitted,
            boolean numberTaken) {}

    private final Driver driver;
    private final Notifications notifications;
    private final Messages messages;

    SubmissionStore(Driver driver, Notifications notifications, Messages messages) {
        this.driver = driver;
        this.notifications = notifications;
        this.messages = messages;
    }

    /** Runs {@code work} in one write transaction; the driver runs it again from the start on a transient failure. */
    <T> T write(Function<Queries, T> work) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> work.apply(new Queries(tx)));
        }
    }

    /**
     * Runs {@code work} as {@link #write} does, in a transaction that is always rolled back (the start-up rehearsal's,
     * which must leave nothing behind), and returns its result.
     */
    @SuppressWarnings("unchecked")
    <T> T rehearse(Function<Queries, T> work) {
        try (var session = driver.session()) {
            session.executeWrite(tx -> {
                throw new RolledBack(work.apply(new Queries(tx)));
            });
        } catch (RolledBack done) {
            return (T) done.result;
        }
        throw new IllegalStateException("a rehearsed transaction was not rolled back");
    }

    /** Thrown out of a rehearsed transaction's work, so that the driver rolls it back, with the work's result. */
    private static final class RolledBack extends RuntimeException {

        final transient Object result;

        RolledBack(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    <T> T read(Function<Queries, T> work) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> work.apply(new Queries(tx)));
        }
    }

    /** A write refused by a uniqueness constraint: the same submission, or the same case number, stored meanwhile. */
    static boolean isDuplicate(RuntimeException e) {
        return e instanceof ClientException c && c.code() != null && c.code().contains("ConstraintValidationFailed");
    }

    /** Why a batch failed, for the log: the database's error code, else the exception's class. */
    static String reason(RuntimeException e) {
        return e instanceof ClientException c ? c.code() : e.getClass().getSimpleName();
    }

    /** The queries of one transaction. */
    final class Queries {

        private final TransactionContext tx;

        private Queries(TransactionContext tx) {
            this.tx = tx;
        }

        /** Up to {@code n} units a complaint may name, by id (the start-up rehearsal's targets). */
        List<String> someUnits(int n) {
            return tx.run("MATCH (o:Organization) RETURN o.id AS id ORDER BY id LIMIT $n", Map.of("n", n))
                    .list(r -> r.get("id").asString());
        }

        /** Up to {@code n} power items some duty exercises, by id (a complaint naming one is routed by its matter). */
        List<String> somePowerItems(int n) {
            // in id order, so that a store of a million duties is not read through to find a hundred
            return tx.run("""
                            MATCH (p:PowerItem) WHERE p.id IS NOT NULL AND EXISTS { (:Duty)-[:EXERCISES]->(p) }
                            RETURN p.id AS id ORDER BY id LIMIT $n""", Map.of("n", n)).list(r -> r.get("id").asString());
        }

        /** The references of each submission, in order, with its submission key and case number; one query. */
        List<Found> references(
                List<CitizenComplaints.Submission> submissions, List<String> submissionKeys, List<String> numbers) {
            var rows = new ArrayList<Map<String, Object>>(submissions.size());
            for (int i = 0; i < submissions.size(); i++) {
                var s = submissions.get(i);
                var row = new HashMap<String, Object>();
                row.put("i", i);
                row.put("unit", s.target().unitId());
                row.put("window", s.target().windowId());
                row.put("post", s.target().postId());
                row.put("item", s.target().powerItemId());
                row.put("area", s.areaId());
                row.put("photos", CitizenComplaints.photos(s));
                row.put("submissionKey", submissionKeys.get(i));
                row.put("number", numbers.get(i));
                rows.add(row);
            }
            return tx.run("""
                    UNWIND $rows AS r
                    OPTIONAL MATCH (u:Organization {id: r.unit})
                    OPTIONAL MATCH (w:Organization {id: r.window})
                    RETURN r.i AS i, u IS NOT NULL AS unit, u.name AS unitName, w IS NOT NULL AS window, w.name AS windowName,
                           EXISTS { MATCH (p:Post) WHERE p.id = r.post } AS post,
                           EXISTS { MATCH (x:PowerItem) WHERE x.id = r.item } AS item,
                           EXISTS { MATCH (a:Area) WHERE a.id = r.area } AS area,
                           COLLECT { MATCH (p:Photo) WHERE p.id IN r.photos AND p.complaintId IS NULL RETURN p.id } AS photos,
                           EXISTS { MATCH (c:Complaint) WHERE c.submissionKey = r.submissionKey } AS submitted,
                           EXISTS { MATCH (c:Complaint) WHERE c.number = r.number } AS numberTaken
                    ORDER BY i""", Map.of("rows", rows))
                    .list(r -> new Found(
                            r.get("unit").asBoolean(),
                            r.get("unitName").asString(null),
                            r.get("window").asBoolean(),
                            r.get("windowName").asString(null),
                            r.get("post").asBoolean(),
                            r.get("item").asBoolean(),
                            r.get("area").asBoolean(),
                            r.get("photos").asList(Value::asString),
                            r.get("submitted").asBoolean(),
                            r.get("numberTaken").asBoolean()));
        }

        /** Those of the ids that are matters a complaint may name: object concepts. */
        Set<String> knownMatters(Collection<String> ids) {
            var given = ids.stream().filter(Objects::nonNull).distinct().toList();
            if (given.isEmpty()) {
                return Set.of();
            }
            return new HashSet<>(tx.run(
                            "MATCH (m:Concept) WHERE m.id IN $ids AND m.scheme = 'object' RETURN m.id AS id",
                            Map.of("ids", given))
                    .list(r -> r.get("id").asString()));
        }

        /** Those of the case numbers that are taken. */
        Set<String> takenNumbers(Collection<String> numbers) {
            return new HashSet<>(tx.run(
                            "MATCH (c:Complaint) WHERE c.number IN $numbers RETURN c.number AS n",
                            Map.of("numbers", List.copyOf(numbers)))
                    .list(r -> r.get("n").asString()));
        }

        /**
         * Creates the complaints (routed) in one statement, each with its first step, claiming its photos; returns
         * the name of the unit each is routed to, in order (null when it waits for triage).
         */
        List<String> create(List<NewComplaint> complaints, Instant now) {
            var rows = new ArrayList<Map<String, Object>>(complaints.size());
            for (int i = 0; i < complaints.size(); i++) {
                var c = complaints.get(i);
                rows.add(Map.of(
                        "i",
                        i,
                        "c",
                        properties(c),
                        "photos",
                        c.photoIds(),
                        "stepId",
                        UUID.randomUUID().toString()));
            }
            var names = new ArrayList<String>(Collections.nCopies(complaints.size(), (String) null));
            tx.run("""
                    UNWIND $rows AS r
                    CREATE (c:Complaint) SET c = r.c
                    WITH r, c
                    OPTIONAL MATCH (o:Organization {id: c.routedUnitId})
                    FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (c)-[:ROUTED_TO]->(o))
                    CREATE (:ComplaintStep {id: r.stepId, complaintId: c.id, status: 'RECEIVED', note: c.routing,
                            noteText: c.routingText, at: $now})
                    WITH r, c, o
                    CALL (r, c) {
                      MATCH (p:Photo) WHERE p.id IN r.photos AND p.complaintId IS NULL
                      SET p.complaintId = c.id
                    }
                    RETURN r.i AS i, o.name AS name
                    """, Map.of("rows", rows, "now", now.toEpochMilli()))
                    .forEachRemaining(
                            r -> names.set(r.get("i").asInt(), r.get("name").asString(null)));
            return names;
        }

        /** Stores notifications (the office's, for complaints the graph could not route) in this transaction. */
        void enqueue(List<NotificationRequest> requests) {
            if (!requests.isEmpty()) {
                notifications.enqueue(tx, requests);
            }
        }

        RoutingStore routing() {
            return RoutingStore.in(tx);
        }
    }

    /**
     * The Complaint node's properties: what the citizen gave, the keys, the first deadline, the routing. Why it was routed
     * (and why units were suggested) is kept as catalogue texts, read in the reader's language, with their Chinese words.
     */
    private Map<String, Object> properties(NewComplaint c) {
        var p = new HashMap<String, Object>();
        p.put("id", c.id());
        p.put("number", c.number());
        p.put("key", c.key());
        p.put("receiptHash", c.keys().receiptHash());
        p.put("submissionKey", c.keys().submissionKey());
        p.put("contentHash", c.keys().contentHash());
        p.put("sealedReceipt", c.keys().sealedReceipt());
        p.put("category", c.category());
        p.put("description", c.description());
        p.put("occurredAt", c.occurredAt() == null ? null : c.occurredAt().toEpochMilli());
        p.put("place", c.place());
        p.put("areaId", c.areaId());
        p.put("targetUnitId", c.target().unitId());
        p.put("targetWindowId", c.target().windowId());
        p.put("targetPostId", c.target().postId());
        p.put("badgeNumber", c.target().badgeNumber());
        p.put("powerItemId", c.target().powerItemId());
        p.put("matterText", c.target().matterText());
        p.put("matterId", c.target().matterId());
        p.put("contactName", c.contactName());
        p.put("contactPhone", c.contactPhone());
        p.put("photoIds", c.photoIds());
        p.put("status", "RECEIVED");
        p.put("receivedAt", c.receivedAt().toEpochMilli());
        p.put("dueAt", c.dueAt() == null ? null : c.dueAt().toEpochMilli());
        p.put("nextEscalationAt", c.dueAt() == null ? null : c.dueAt().toEpochMilli());
        p.put("escalations", 0);
        p.put("serious", false);
        var routing = c.routing();
        p.put("routedUnitId", routing.unitId());
        p.put("routing", messages.chinese(routing.reason()));
        p.put("routingText", TextJson.write(routing.reason()));
        p.put("findingId", routing.findingId());
        p.put("suggestedUnitIds", routing.suggestedUnitIds());
        p.put(
                "suggestionReasons",
                routing.suggestionReasons().stream().map(messages::chinese).toList());
        p.put(
                "suggestionReasonTexts",
                routing.suggestionReasons().stream().map(TextJson::write).toList());
        return p;
    }
}
