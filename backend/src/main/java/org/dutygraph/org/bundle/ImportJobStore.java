package org.dutygraph.org.bundle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.dutygraph.org.OrgTexts;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.i18n.TextJson;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

/**
 * Import jobs recorded in the graph ({@code ImportJob} nodes, V011), so that they outlive the process that ran
 * them. Each record names its instance ({@code dutygraph.import.instance-name}) and owner (a random id per
 * process life) and carries a heartbeat, refreshed per committed batch and every heartbeat interval.
 */
@Repository
public class ImportJobStore {

    private static final Logger log = LoggerFactory.getLogger(ImportJobStore.class);
    private static final List<String> RUNNING = List.of("QUEUED", "VALIDATING", "WRITING");
    private static final int PROBLEMS_KEPT = 100;

    private final Driver driver;
    private final String instance;
    private final String owner;
    private final Clock clock;
    private final Messages messages;

    @Autowired
    public ImportJobStore(Driver driver, ImportProperties properties, Clock clock, Messages messages) {
        this(driver, properties.instanceName(), UUID.randomUUID().toString(), clock, messages);
    }

    ImportJobStore(Driver driver, String instance, String owner, Clock clock, Messages messages) {
        this.messages = messages;
        this.driver = driver;
        this.instance = instance;
        this.owner = owner;
        this.clock = clock;
    }

    /** Records the job as it now is and refreshes its heartbeat. A failure is logged: the import goes on. */
    void save(ImportJob job) {
        var problems =
                job.problems().subList(0, Math.min(PROBLEMS_KEPT, job.problems().size()));
        var params = new HashMap<String, Object>();
        params.put("id", job.id());
        params.put("status", job.status().name());
        params.put("phase", job.phase());
        params.put("written", job.written());
        params.put("total", job.total());
        params.put("problemCount", job.problemCount());
        params.put("paths", problems.stream().map(BundleProblem::path).toList());
        params.put("codes", problems.stream().map(BundleProblem::code).toList());
        params.put("messages", problems.stream().map(BundleProblem::message).toList());
        // the reasons as keys and arguments, for readers in other languages ("" for words without a key)
        params.put(
                "texts",
                problems.stream()
                        .map(p -> Objects.requireNonNullElse(TextJson.write(p.text()), ""))
                        .toList());
        params.put("submittedBy", job.submittedBy());
        params.put("submittedAt", millis(job.submittedAt()));
        params.put("finishedAt", millis(job.finishedAt()));
        params.put("failure", job.failure());
        params.put("failureText", TextJson.write(job.failureText()));
        params.put("instance", instance);
        params.put("owner", owner);
        params.put("now", clock.millis());
        write("""
                MERGE (j:ImportJob {id: $id})
                SET j.status = $status, j.phase = $phase, j.written = $written, j.total = $total,
                    j.problemCount = $problemCount, j.problemPaths = $paths, j.problemCodes = $codes,
                    j.problemMessages = $messages, j.problemTexts = $texts, j.submittedBy = $submittedBy,
                    j.submittedAt = $submittedAt, j.finishedAt = $finishedAt, j.failure = $failure,
                    j.failureText = $failureText, j.instance = $instance, j.owner = $owner, j.heartbeatAt = $now""", params);
    }

    /**
     * Notes what is about to be written: the bundle's fingerprint, and whether batches commit one by one
     * (then {@code written} counts committed entries; in one transaction nothing is stored until the end).
     */
    void writing(String id, String fingerprint, boolean batched) {
        write(
                "MATCH (j:ImportJob {id: $id}) SET j.fingerprint = $fingerprint, j.batched = $batched",
                Map.of("id", id, "fingerprint", fingerprint, "batched", batched));
    }

    /** After a success: earlier imports of the same bundle that were cut short are now complete. */
    void completeSame(String id) {
        write("""
                MATCH (done:ImportJob {id: $id}) WHERE done.fingerprint IS NOT NULL
                MATCH (j:ImportJob {fingerprint: done.fingerprint})
                WHERE j.id <> done.id AND j.status IN ['INTERRUPTED', 'FAILED']
                SET j.status = 'SUCCEEDED', j.phase = 'completed by import ' + done.id, j.written = j.total,
                    j.failure = null, j.failureText = null, j.finishedAt = $now""", Map.of("id", id, "now", clock.millis()));
    }

    public Optional<ImportJob> find(String id) {
        try (var session = driver.session()) {
            return session
                    .executeRead(tx -> tx.run("MATCH (j:ImportJob {id: $id}) RETURN j", Map.of("id", id))
                            .list(r -> job(r.get("j"))))
                    .stream()
                    .findFirst();
        }
    }

    /**
     * Marks running jobs whose process is gone as INTERRUPTED: those whose heartbeat is older than
     * {@code staleAfter} (any instance), and with {@code previousLife} also those of this instance left by
     * an earlier process. Returns how many.
     */
    int interruptAbandoned(boolean previousLife, Duration staleAfter) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var abandoned = tx.run(
                                """
                        MATCH (j:ImportJob) WHERE j.status IN $running
                          AND (j.heartbeatAt < $staleBefore OR ($previousLife AND j.instance = $instance AND j.owner <> $owner))
                        RETURN j.id AS id, j.heartbeatAt AS seen, j.phase AS phase, j.written AS written, j.total AS total,
                               coalesce(j.batched, false) AND j.written > 0 AS partly""",
                                Map.of(
                                        "running",
                                        RUNNING,
                                        "staleBefore",
                                        clock.instant().minus(staleAfter).toEpochMilli(),
                                        "previousLife",
                                        previousLife,
                                        "instance",
                                        instance,
                                        "owner",
                                        owner))
                        .list(r -> {
                            // why, in the reader's language when read; the Chinese words beside it for every other
                            // reader
                            var seen =
                                    Instant.ofEpochMilli(r.get("seen").asLong()).toString();
                            var reason = r.get("partly").asBoolean()
                                    ? Text.of(
                                            OrgTexts.INTERRUPTED_PARTLY,
                                            seen,
                                            r.get("phase").asString(""),
                                            r.get("written").asLong(),
                                            r.get("total").asLong())
                                    : Text.of(
                                            OrgTexts.INTERRUPTED,
                                            seen,
                                            r.get("phase").asString(""));
                            return Map.<String, Object>of(
                                    "id",
                                    r.get("id").asString(),
                                    "words",
                                    messages.chinese(reason),
                                    "text",
                                    TextJson.write(reason));
                        });
                tx.run("""
                        UNWIND $rows AS r
                        MATCH (j:ImportJob {id: r.id})
                        SET j.status = 'INTERRUPTED', j.finishedAt = $now,
                            j.written = CASE WHEN coalesce(j.batched, false) THEN j.written ELSE 0 END,
                            j.failure = r.words, j.failureText = r.text""", Map.of("rows", abandoned, "now", clock.millis())).consume();
                return abandoned.size();
            });
        }
    }

    /** Deletes finished jobs older than {@code keep}. */
    int prune(Duration keep) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run(
                            """
                    MATCH (j:ImportJob) WHERE j.finishedAt < $before WITH j LIMIT 10000 DELETE j RETURN count(*) AS n""", Map.of("before", clock.instant().minus(keep).toEpochMilli()))
                    .single()
                    .get("n")
                    .asInt());
        }
    }

    private void write(String cypher, Map<String, Object> params) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(cypher, params).consume());
        } catch (RuntimeException e) {
            // The job record is for polling and recovery; the import itself must not fail because of it.
            log.warn("Could not record import job {}", params.get("id"), e);
        }
    }

    private static ImportJob job(Value j) {
        var paths = strings(j.get("problemPaths"));
        var codes = strings(j.get("problemCodes"));
        var messages = strings(j.get("problemMessages"));
        var texts = strings(j.get("problemTexts"));
        var problems = new ArrayList<BundleProblem>(paths.size());
        for (int i = 0; i < paths.size() && i < codes.size() && i < messages.size(); i++) {
            var text = i < texts.size() && !texts.get(i).isEmpty() ? texts.get(i) : null;
            problems.add(new BundleProblem(
                    paths.get(i), codes.get(i), messages.get(i), TextJson.read(text, messages.get(i))));
        }
        return new ImportJob(
                j.get("id").asString(),
                ImportJob.Status.valueOf(j.get("status").asString()),
                j.get("phase").asString(""),
                j.get("written").asLong(0),
                j.get("total").asLong(0),
                List.copyOf(problems),
                j.get("problemCount").asInt(0),
                j.get("submittedBy").asString(null),
                time(j.get("submittedAt")),
                time(j.get("finishedAt")),
                j.get("failure").asString(null),
                TextJson.read(
                        j.get("failureText").asString(null), j.get("failure").asString(null)));
    }

    private static List<String> strings(Value list) {
        return list.isNull() ? List.of() : list.asList(Value::asString);
    }

    private static Long millis(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toEpochMilli();
    }

    private static OffsetDateTime time(Value millis) {
        return millis.isNull() ? null : Instant.ofEpochMilli(millis.asLong()).atOffset(ZoneOffset.UTC);
    }
}
