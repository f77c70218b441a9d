package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.dutygraph.DutygraphApplication;
import org.dutygraph.cli.Commands;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.dutygraph.support.Neo4jForTests;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The {@code backup} and {@code restore} commands (issue 19 item 8) on a store of its own with a complaint, an
 * uploaded evidence file and appraisal results: a backup of a store in use is refused; after the service stops, a
 * backup restored into new directories holds the same graph, the complaint answers its receipt, and the evidence
 * file is served byte for byte by a service started on the restored store.
 */
@TestPropertySource(properties = "dutygraph.test.context=backup-restore")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BackupRestoreApiTest extends InspectionTestSupport {

    private static final String SUBMIT = """
            mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) {
              receipt complaint { number } errors { field code message } } }""";

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    Environment environment;

    @Test
    void aBackupRestoredIntoNewDirectoriesHoldsEverythingAndReceiptsStillWork() throws Exception {
        assumeFalse(Neo4jForTests.containerized(), "backs up the embedded store");
        var store = Path.of(environment.getProperty("dutygraph.embedded.data-directory"));
        var evidence = Path.of(environment.getProperty("dutygraph.inspections.evidence-directory"));
        var pepper = environment.getProperty("dutygraph.complaints.pepper");
        var work = Files.createTempDirectory("dutygraph-backup-test");

        var receipt = complaint();
        var photo = ("evidence " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        var recorded = uploadedPhoto(photo);
        appraisalResults();
        // the analysis each bundle import starts runs in the background: let it finish before comparing
        as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: 60}) { job { status } } }")
                .ok();
        var before = fingerprint(driver);

        var inUse =
                run("backup", work.resolve("while-running").toString(), "--dutygraph.embedded.data-directory=" + store);
        assertThat(inUse.status()).as(inUse.toString()).isEqualTo(1);
        assertThat(inUse.err()).contains("in use");

        // the service stops (here: its database; the test framework closes the rest after the class)
        context.getBean(org.neo4j.dbms.api.DatabaseManagementService.class).shutdown();
        var backup = work.resolve("backup");
        var made = run(
                "backup",
                backup.toString(),
                "--dutygraph.embedded.data-directory=" + store,
                "--dutygraph.inspections.evidence-directory=" + evidence,
                "--dutygraph.complaints.pepper=" + pepper);
        assertThat(made.status()).as(made.toString()).isZero();
        assertThat(backup.resolve("neo4j.dump")).isRegularFile();
        assertThat(EvidenceHashes.file(backup.resolve("evidence"), InspectorSyncApiTest.sha256(photo)))
                .hasBinaryContent(photo);
        assertThat(made.out()).contains("keep it with this backup");

        var restoredStore = work.resolve("restored-neo4j");
        var restoredEvidence = work.resolve("restored-evidence");
        var restoreArgs = List.of(
                "restore",
                backup.toString(),
                "--dutygraph.embedded.data-directory=" + restoredStore,
                "--dutygraph.inspections.evidence-directory=" + restoredEvidence,
                "--dutygraph.complaints.pepper=" + pepper);
        var restored = run(restoreArgs.toArray(String[]::new));
        assertThat(restored.status()).as(restored.toString()).isZero();
        var again = run(restoreArgs.toArray(String[]::new));
        assertThat(again.status()).as("nothing is overwritten").isEqualTo(1);

        try (var service = start(restoredStore, restoredEvidence)) {
            var port = ((WebServerApplicationContext) service).getWebServer().getPort();
            var after = fingerprint(service.getBean(Driver.class));
            assertThat(minus(before, after))
                    .as("missing from the restored graph")
                    .isEmpty();
            assertThat(minus(after, before)).as("only in the restored graph").isEmpty();
            var citizen = new GraphQl(port, null)
                    .post("query($r: String!) { complaintByReceipt(receipt: $r) { number } }", Map.of("r", receipt[1]))
                    .ok();
            assertThat(citizen.path("complaintByReceipt").path("number").asString())
                    .isEqualTo(receipt[0]);
            var served = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + port + "/inspections/evidence/" + recorded[1]))
                                    .header("Authorization", "Bearer " + token(port, recorded[0]))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(photo);
        }
    }

    /** [number, receipt] of an anonymous complaint about a unit of the inspections city. */
    private String[] complaint() {
        var input = new HashMap<String, Object>();
        input.put("submissionId", UUID.randomUUID().toString());
        input.put("target", Map.of("unitId", "iwin1"));
        input.put("category", "BUCK_PASSING");
        input.put("description", "窗口人员互相推诿，跑了三次。");
        var submitted = anonymous().post(SUBMIT, Map.of("input", input)).ok().path("submitComplaint");
        assertThat(submitted.path("errors").isEmpty()).as(submitted.toString()).isTrue();
        return new String[] {
            submitted.path("complaint").path("number").asString(),
            submitted.path("receipt").asString()
        };
    }

    /** [inspector, evidenceId] of a photo recorded on a visit and uploaded. */
    private String[] uploadedPhoto(byte[] bytes) throws Exception {
        var assignment = drawnPlan(List.of("iwin4")).path("assignments").path(0);
        var inspector = inspectorOf(assignment);
        var day = UUID.randomUUID().toString();
        var finding = new HashMap<>(finding(day + "-f", day + "-v", InspectorSyncApiTest.sha256(bytes)));
        finding.put(
                "evidence",
                List.of(Map.of(
                        "clientId", day + "-photo",
                        "kind", "PHOTO",
                        "sha256", InspectorSyncApiTest.sha256(bytes),
                        "mimeType", "image/jpeg",
                        "capturedAt", "2026-11-20T09:20:00+08:00")));
        var synced = sync(
                inspector,
                Map.of(
                        "visits",
                        List.of(visit(day + "-v", assignment.path("id").asString())),
                        "findings",
                        List.of(finding)));
        assertThat(synced.path("errors").isEmpty()).as(synced.toString()).isTrue();
        var evidenceId = synced.path("evidence").path(0).path("id").asString();
        var put = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/inspections/evidence/" + evidenceId))
                                .header("Authorization", "Bearer " + token(port, inspector))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isBetween(200, 299);
        return new String[] {inspector, evidenceId};
    }

    /**
     * A current appraisal run with one result, written as the recomputation writes them (its scheme set-up is
     * AppraisalApiTest's subject, not this test's).
     */
    private void appraisalResults() {
        try (var session = driver.session()) {
            session.run("""
                    MERGE (run:AppraisalRun {year: 2026}) SET run.current = 'backup-run', run.at = timestamp()
                    CREATE (:AppraisalResult {key: 'backup-run|s|p', runId: 'backup-run', year: 2026, schemeId: 's',
                      subjectId: 'iwin1', periods: ['2026'], versions: [1], scores: ['91.5'], grades: ['优秀'],
                      ranks: [1], multipliers: ['1.0'], flags: ['']})""").consume();
        }
    }

    /**
     * Every node and relationship with its labels or type and properties, in a stable order; but what a service writes
     * at its own start (the settings' watched halls seeded into the graph, with their change record and job lock),
     * which the restored service does when it starts on the restored store.
     */
    private static List<String> fingerprint(Driver driver) {
        try (var session = driver.session()) {
            var nodes = session.run("""
                            MATCH (n) WHERE NOT n:QueueHall AND NOT n:HallThresholdChange AND NOT n:JobLock
                            RETURN labels(n) AS labels, properties(n) AS props""")
                    .list(r -> "N " + r.get("labels").asList() + " "
                            + text(r.get("props").asMap()));
            var rels = session.run(
                            "MATCH (a)-[r]->(b) RETURN type(r) AS type, id(a) AS a, id(b) AS b, properties(r) AS props")
                    .list(r -> "R " + r.get("type").asString() + " "
                            + r.get("a").asLong() + "->" + r.get("b").asLong() + " "
                            + text(r.get("props").asMap()));
            var all = new ArrayList<String>(nodes);
            all.addAll(rels);
            all.sort(null);
            return all;
        }
    }

    private static List<String> minus(List<String> a, List<String> b) {
        var rest = new ArrayList<>(a);
        b.forEach(rest::remove);
        return rest;
    }

    private static String text(Map<String, Object> properties) {
        var sorted = new java.util.TreeMap<String, String>();
        properties.forEach((k, v) ->
                sorted.put(k, v instanceof byte[] bytes ? java.util.Arrays.toString(bytes) : String.valueOf(v)));
        return sorted.toString();
    }

    private static String token(int port, String username) {
        return new GraphQl(port, null)
                .post(
                        "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }",
                        Map.of("u", username, "p", username + "-demo"))
                .ok()
                .path("login")
                .path("token")
                .asString();
    }

    private static ConfigurableApplicationContext start(Path store, Path evidence) {
        var properties = new LinkedHashMap<String, Supplier<Object>>();
        ApiTestSettings.register(properties);
        properties.put("dutygraph.embedded.data-directory", () -> store);
        properties.put("dutygraph.inspections.evidence-directory", () -> evidence);
        properties.put("server.port", () -> 0);
        var args = new ArrayList<String>();
        properties.forEach((name, value) -> args.add("--" + name + "=" + value.get()));
        return new SpringApplicationBuilder(DutygraphApplication.class)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    private record Ran(int status, String out, String err) {}

    private static Ran run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var status = Commands.execute(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The settings every API test runs with. */
    private abstract static class ApiTestSettings extends ApiTest {
        static void register(Map<String, Supplier<Object>> properties) {
            database(properties::put);
        }
    }
}
