package org.dutygraph.org.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.Catalogue;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/** Import jobs are recorded in the graph: a crash mid-import reads as INTERRUPTED after a restart. */
class ImportJobRecoveryApiTest extends ApiTest {

    private static final String DEMO = resource("demo/qingshan-city.bundle.json");

    @Autowired
    private ImportJobRecovery recovery;

    @Autowired
    private Messages messages;

    @Autowired
    private ImportProperties properties;

    @Autowired
    private ApplicationEventPublisher events;

    @BeforeEach
    void emptyGraph() {
        wipeGraph();
    }

    @Test
    void anImportCutShortByACrashReadsInterruptedAfterRestart_andImportingTheSameBundleAgainCompletesIt() {
        var cut = importThatDiesAfterSixBatches();
        assertThat(cut.written()).isPositive().isLessThan(cut.total());
        assertThat(count("Area")).as("a half-imported graph").isPositive();
        assertThat(count("Duty")).isZero();

        assertThat(recovery.recoverAtStartUp())
                .as("jobs of this instance's previous life")
                .isEqualTo(1);

        var interrupted = importJob(cut.id());
        assertThat(interrupted.path("status").asString()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.path("written").asLong()).isEqualTo(cut.written());
        assertThat(interrupted.path("total").asLong()).isEqualTo(cut.total());
        assertThat(interrupted.path("finishedAt").isNull()).isFalse();
        assertThat(interrupted.path("failure").asString())
                .contains("当时已写入 " + cut.written() + " 条（共 " + cut.total() + " 条）", "再次导入同一数据包即可补全");

        var again = importBundle(DEMO).path("job");
        assertThat(again.path("status").asString()).isEqualTo("SUCCEEDED");
        var completed = importJob(cut.id());
        assertThat(completed.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(completed.path("phase").asString())
                .isEqualTo("completed by import " + again.path("id").asString());
        assertThat(completed.path("written").asLong()).isEqualTo(cut.total());
        assertThat(completed.path("failure").isNull()).isTrue();

        var completedGraph = graphShape();
        wipeGraph();
        importBundle(DEMO);
        assertThat(completedGraph).as("the same graph as one clean import").isEqualTo(graphShape());
    }

    @Test
    void onlyJobsWhoseProcessIsGoneAreInterrupted_whateverInstanceRanThem() {
        long now = clock.millis();
        try (var session = driver.session()) {
            session.run(
                            """
                    UNWIND $jobs AS job
                    CREATE (j:ImportJob) SET j = job, j.phase = 'duties', j.written = 5000, j.total = 60000,
                      j.batched = true, j.instance = 'other-host', j.owner = 'other-process', j.submittedAt = $now""",
                            Map.of(
                                    "now",
                                    now,
                                    "jobs",
                                    java.util.List.of(
                                            Map.of(
                                                    "id",
                                                    "alive-elsewhere",
                                                    "status",
                                                    "WRITING",
                                                    "heartbeatAt",
                                                    now - 10_000),
                                            Map.of(
                                                    "id",
                                                    "dead-elsewhere",
                                                    "status",
                                                    "WRITING",
                                                    "heartbeatAt",
                                                    now - 600_000),
                                            Map.of(
                                                    "id",
                                                    "done-elsewhere",
                                                    "status",
                                                    "SUCCEEDED",
                                                    "heartbeatAt",
                                                    now - 600_000))))
                    .consume();
        }

        recovery.sweep();
        recovery.recoverAtStartUp();

        assertThat(importJob("alive-elsewhere").path("status").asString()).isEqualTo("WRITING");
        assertThat(importJob("done-elsewhere").path("status").asString()).isEqualTo("SUCCEEDED");
        var dead = importJob("dead-elsewhere");
        assertThat(dead.path("status").asString()).isEqualTo("INTERRUPTED");
        assertThat(dead.path("written").asLong()).isEqualTo(5000);
        assertThat(dead.path("failure").asString()).contains("当时已写入 5000 条（共 60000 条）");
        assertThat(importJob("no-such-job").isNull()).isTrue();
    }

    /**
     * An earlier life of this instance (same instance name, another process) imports the demo city in batches
     * of 50, one transaction each, and stops for good when the sixth batch is sent: nothing it does after that
     * reaches the graph, as if the process had died.
     */
    private ImportJob importThatDiesAfterSixBatches() {
        var log = new DyingLog(driver, properties.instanceName(), clock);
        var batches = new AtomicInteger();
        var earlierLife = new BundleImportService(
                new BundleWriteStore(driver),
                new ExistingIdsStore(driver),
                new ImportProperties(10, 50, Duration.ofSeconds(60), properties.instanceName(), null, null, null),
                events,
                log,
                sink -> (cypher, rows) -> {
                    if (batches.incrementAndGet() == 6) {
                        log.dead = true;
                        throw new IllegalStateException("power cut");
                    }
                    sink.write(cypher, rows);
                },
                clock,
                messages);
        try {
            var job = earlierLife.submitAndWait(
                    BundleSource.parsed(GraphQl.JSON.readValue(DEMO, Object.class)), "analyst", Duration.ofSeconds(60));
            assertThat(job.status())
                    .as("as its own memory saw it, never recorded")
                    .isEqualTo(ImportJob.Status.FAILED);
            return job;
        } finally {
            earlierLife.close();
        }
    }

    private JsonNode importJob(String id) {
        return as("analyst").post("""
                query($id: ID!) { importJob(id: $id) { id status phase written total failure finishedAt } }""", Map.of("id", id)).ok().path("importJob");
    }

    /** Node counts by label and relationship counts by type, import jobs and bookkeeping (findings, job leases, analysis markers) left out. */
    private Map<String, Object> graphShape() {
        try (var session = driver.session()) {
            return session.run("""
                    CALL () { MATCH (n) WHERE NOT n:Account AND NOT n:__Neo4jMigration AND NOT n:ImportJob AND NOT n:Finding AND NOT n:JobLease AND NOT n:AnalysisMarker AND NOT n:SignInAllowance
                              WITH labels(n)[0] AS label, count(*) AS c ORDER BY label RETURN collect([label, c]) AS nodes }
                    CALL () { MATCH (a)-[r]->() WHERE NOT a:Finding
                              WITH type(r) AS type, count(*) AS c ORDER BY type RETURN collect([type, c]) AS relationships }
                    RETURN nodes, relationships""").single().asMap();
        }
    }

    /** The job records of a process that stops writing anything once it is dead. */
    private static final class DyingLog extends ImportJobStore {

        volatile boolean dead;

        DyingLog(Driver driver, String instance, java.time.Clock clock) {
            super(driver, instance, "earlier-life", clock, Catalogue.messages());
        }

        @Override
        void save(ImportJob job) {
            if (!dead) {
                super.save(job);
            }
        }

        @Override
        void writing(String id, String fingerprint, boolean batched) {
            if (!dead) {
                super.writing(id, fingerprint, batched);
            }
        }

        @Override
        void completeSame(String id) {
            if (!dead) {
                super.completeSame(id);
            }
        }
    }
}
