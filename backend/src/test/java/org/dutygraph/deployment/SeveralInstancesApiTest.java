package org.dutygraph.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.dutygraph.appraisal.AppraisalJobs;
import org.dutygraph.complaints.ComplaintEscalator;
import org.dutygraph.conflicts.AnalysisJob;
import org.dutygraph.conflicts.ConflictAnalysisService;
import org.dutygraph.platform.jobs.JobLeases;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.AtOnce;
import org.dutygraph.support.GraphQl;
import org.dutygraph.support.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;

/**
 * Two instances of the service on one graph behave as one (issue 19 item 4): this test's application context and a
 * second one started against its database (the embedded store's Bolt connector, or the container).
 */
class SeveralInstancesApiTest extends ApiTest {

    private static SecondInstance second;

    @Autowired
    Neo4jConnectionDetails database;

    @Autowired
    ComplaintEscalator escalator;

    @Autowired
    JobLeases leases;

    @Autowired
    ConflictAnalysisService analysis;

    @Autowired
    AppraisalJobs appraisal;

    @BeforeEach
    void secondInstance() {
        if (second == null) {
            second = SecondInstance.of(database, ApiTest::database);
        }
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void aPeriodicJobRunsInOneInstanceAndMovesWhenItsHolderStopsOrDies() {
        var other = second.bean(ComplaintEscalator.class);
        var otherLeases = second.bean(JobLeases.class);
        var lease = escalator.leaseName();
        leases.release(lease);
        otherLeases.release(lease);

        assertThat(escalator.runIfLeaseHeld()).isTrue();
        assertThat(other.runIfLeaseHeld()).as("held by the first instance").isFalse();
        assertThat(escalator.runIfLeaseHeld()).as("the holder renews").isTrue();

        // a holder that stops gives the lease up at once
        escalator.stop();
        try {
            assertThat(other.runIfLeaseHeld()).isTrue();
            assertThat(escalator.runIfLeaseHeld()).isFalse();
        } finally {
            escalator.start();
        }

        // a holder that dies renews no more: its lease lapses three intervals (here 3 h) after its last run
        clock.advance(Duration.ofHours(2));
        assertThat(escalator.runIfLeaseHeld()).isFalse();
        clock.advance(Duration.ofHours(2));
        assertThat(escalator.runIfLeaseHeld()).isTrue();
        assertThat(leases.holder(lease)).contains(leases.instance());
    }

    @Test
    void failedSignInsCountAcrossInstances() {
        // unknown usernames are throttled exactly like existing ones
        var username = "both-instances-60";
        var ports = List.of(port, second.port());
        for (int i = 0; i < 5; i++) {
            assertThat(code(login(ports.get(i % 2), username, "guess-" + i))).isEqualTo("INVALID_CREDENTIALS");
        }
        // in memory per instance, the second would have seen only two failures and let this one through
        assertThat(code(login(second.port(), username, "guess-5"))).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(code(login(port, username, "guess-6"))).isEqualTo("TOO_MANY_ATTEMPTS");
    }

    @Test
    void anAnalysisByAnotherInstanceMakesTheNextIncrementalRunFull() {
        wipeGraph();
        importBundle(ConflictsBundle.TEXT);
        var full = finished(analysis.submit(), analysis);
        assertThat(full.findings()).as("the bundle has conflicts").isPositive();
        // right after its own full analysis, an incremental run of no duties writes nothing
        assertThat(finished(analysis.submitIncremental(List.of()), analysis).findings())
                .isZero();

        var other = second.bean(ConflictAnalysisService.class);
        assertThat(finished(other.submit(), other).findings()).isEqualTo(full.findings());
        // this instance's analysis in memory is no longer the latest: it analyses in full
        assertThat(finished(analysis.submitIncremental(List.of()), analysis).findings())
                .isEqualTo(full.findings());
    }

    /**
     * This instance keeps its projection of the graph between full analyses; an import through the other instance
     * (over this one's Bolt connector, or into the shared server) must not be missed.
     */
    @Test
    void anImportThroughAnotherInstanceIsSeenByThisInstancesNextFullAnalysis() throws InterruptedException {
        wipeGraph();
        importBundle(ConflictsBundle.TEXT);
        finished(analysis.submit(), analysis);
        var before = finished(analysis.submit(), analysis).findings();

        var there = new GraphQl(second.port(), token(second.port(), "analyst"));
        var imported = there.post("""
                        mutation($b: JSON!) { importBundle(input: {bundle: $b}) { job { status } errors { code } } }""", java.util.Map.of("b", GraphQl.JSON.readValue("""
                                        {"format": "org-bundle/1", "duties": [
                                          {"id": "d-G-9", "holder_id": "G", "text": "负责矿山监督管理", "action": "act.supervise",
                                           "objects": ["obj.mine"]}]}""", Object.class)))
                .ok()
                .path("importBundle");
        assertThat(imported.path("errors").size()).as(imported.toString()).isZero();
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count("Duty {id: 'd-G-9'}") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        var after = finished(analysis.submit(), analysis).findings();
        assertThat(after).as("d-G-9 overlaps A's duty on mines").isGreaterThan(before);
        try (var session = driver.session()) {
            assertThat(session.run(
                                    "MATCH (f:Finding {kind: 'overlap', active: true}) WHERE 'G' IN f.units RETURN count(f) AS c")
                            .single()
                            .get("c")
                            .asLong())
                    .isPositive();
        }
    }

    @Test
    void aRecomputationWaitsWhileAnotherInstanceRecomputes() throws InterruptedException {
        var otherLeases = second.bean(JobLeases.class);
        assertThat(otherLeases.tryTake("appraisal-recompute", Duration.ofMinutes(1)))
                .isTrue();
        try {
            var job = appraisal.submit(2031);
            Thread.sleep(1500);
            assertThat(appraisal.get(job.id()).orElseThrow().status()).isIn("QUEUED", "RUNNING");
            assertThat(appraisal.get(job.id()).orElseThrow().phase()).isEqualTo("queued");
            otherLeases.release("appraisal-recompute");
            assertThat(appraisal.await(job.id(), Duration.ofSeconds(60)).status())
                    .isEqualTo("SUCCEEDED");
        } finally {
            otherLeases.release("appraisal-recompute");
        }
    }

    /**
     * An operator asks either instance ({@code /actuator/jobs}, ADMIN only) and sees which instance holds which job's
     * lease and the progress it recorded; a renewal without progress keeps it; a released lease is gone.
     */
    @Test
    void eitherInstanceShowsWhichInstanceRunsAJobAndHowFar() throws Exception {
        var otherLeases = second.bean(JobLeases.class);
        var job = "appraisal-recompute";
        assertThat(otherLeases.tryTake(job, Duration.ofMinutes(1), "2031: 2031-03 (4/20)"))
                .isTrue();
        try {
            assertThat(otherLeases.tryTake(job, Duration.ofMinutes(1))).isTrue();
            for (int instance : List.of(port, second.port())) {
                var response = jobs(instance, adminToken(instance));
                assertThat(response.statusCode()).isEqualTo(200);
                var body = GraphQl.JSON.readTree(response.body());
                assertThat(body.path("thisInstance").asString())
                        .isEqualTo(instance == port ? leases.instance() : otherLeases.instance());
                var running = body.path("running")
                        .valueStream()
                        .filter(r -> r.path("job").asString().equals(job))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no " + job + " in " + body));
                assertThat(running.path("instance").asString()).isEqualTo(otherLeases.instance());
                assertThat(running.path("thisInstance").asBoolean()).isEqualTo(instance == second.port());
                assertThat(running.path("lapsed").asBoolean()).isFalse();
                assertThat(running.path("progress").asString()).isEqualTo("2031: 2031-03 (4/20)");
            }
            assertThat(jobs(port, null).statusCode()).as("anonymous").isEqualTo(401);
            assertThat(jobs(port, token(port, "analyst")).statusCode())
                    .as("analyst")
                    .isEqualTo(403);
        } finally {
            otherLeases.release(job);
        }
        var after = GraphQl.JSON.readTree(jobs(port, adminToken(port)).body());
        assertThat(after.path("running").valueStream().map(r -> r.path("job").asString()))
                .doesNotContain(job);
    }

    private static java.net.http.HttpResponse<String> jobs(int port, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/actuator/jobs"));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String adminToken(int port) {
        return token(port, "admin");
    }

    /** Each instance signs its own tokens (no shared secret in the tests): signed in on that instance. */
    private static String token(int port, String username) {
        return new GraphQl(port, null)
                .post(
                        "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }",
                        java.util.Map.of("u", username, "p", username + "-demo"))
                .ok()
                .path("login")
                .path("token")
                .asString();
    }

    /**
     * The parsed-document cache holds what depends on the schema alone; an automatic persisted query registered with
     * one instance is unknown to the other, which answers as Apollo's protocol says, and the client's retry with the
     * text works there. Documents of the trusted manifests run by hash everywhere.
     */
    @Test
    void aPersistedQueryRegisteredWithOneInstanceIsSentAgainToTheOther() {
        var document = "query ApqTwoInstances { citizenRankings(first: 2) { edges { cursor } } }";
        var hash = org.dutygraph.platform.graphql.limits.TrustedDocuments.sha256(document);
        var persisted = java.util.Map.of("persistedQuery", java.util.Map.of("version", 1, "sha256Hash", hash));
        var hashOnly = GraphQl.JSON.writeValueAsString(java.util.Map.of("extensions", persisted));
        var withText = GraphQl.JSON.writeValueAsString(java.util.Map.of("query", document, "extensions", persisted));
        var here = anonymous();
        var there = new GraphQl(second.port(), null);

        assertThat(here.raw(withText).ok().path("citizenRankings").isObject()).isTrue();
        assertThat(here.raw(hashOnly).ok().path("citizenRankings").isObject()).isTrue();
        assertThat(there.raw(hashOnly).firstErrorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(there.raw(withText).ok().path("citizenRankings").isObject()).isTrue();
        assertThat(there.raw(hashOnly).ok().path("citizenRankings").isObject()).isTrue();
    }

    /**
     * The same batch of case events sent at once to both instances, several times each: every event is stored once.
     * This instance writes through the embedded store's Java API, the other through Cypher over the Bolt connector;
     * both take the intake's lock before looking the batch's keys up, which is what keeps an event key unique (the
     * key has a plain index, no uniqueness constraint, since V160).
     */
    @Test
    void theSameCaseEventsSentToBothInstancesAtOnceAreStoredOnce() throws Exception {
        wipeGraph();
        importBundle(resource("supervision/bundle.json"));
        var lines = java.util.stream.IntStream.range(0, 300)
                .mapToObj(i -> "{\"event_id\": \"two-" + i + "\", \"case_id\": \"T" + (i % 50)
                        + "\", \"power_item_id\": \"pi-lic\", \"unit_id\": \"zrzy\", \"kind\": \""
                        + (i < 50 ? "received" : "accepted") + "\", \"at\": \"2026-03-02T09:00:00+08:00\"}")
                .collect(java.util.stream.Collectors.joining("\n"));
        var ports = List.of(port, second.port(), port, second.port(), port, second.port());
        int kept = 0;
        int replayed = 0;
        for (var answer : AtOnce.call(ports.stream()
                .map(to -> (java.util.concurrent.Callable<tools.jackson.databind.JsonNode>) () -> caseEvents(to, lines))
                .toList())) {
            assertThat(answer.path("problems").isEmpty()).as(answer.toString()).isTrue();
            kept += answer.path("kept").asInt();
            replayed += answer.path("replayed").asInt();
        }
        assertThat(kept).as("each event kept by exactly one batch").isEqualTo(300);
        assertThat(replayed).isEqualTo(300 * (ports.size() - 1));
        assertThat(count("CaseEvent")).isEqualTo(300);
        assertThat(count("SupervisedCase")).isEqualTo(50);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (e:CaseEvent) RETURN count(DISTINCT e.key) AS n")
                            .single()
                            .get("n")
                            .asInt())
                    .isEqualTo(300);
        }
    }

    /** Posts JSON lines as the test service-hall system ("zwfw", ApiTest's settings) to one instance. */
    private static tools.jackson.databind.JsonNode caseEvents(int port, String lines) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/supervision/events"))
                .header("Content-Type", "application/x-ndjson")
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString(
                                                "zwfw:zwfw-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(lines))
                .build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GraphQl.JSON.readTree(response.body());
    }

    private static AnalysisJob finished(AnalysisJob job, ConflictAnalysisService service) {
        var done = service.await(job.id(), Duration.ofSeconds(120));
        assertThat(done.status()).as(done.toString()).isEqualTo(AnalysisJob.Status.SUCCEEDED);
        return done;
    }

    private static tools.jackson.databind.JsonNode login(int port, String username, String password) {
        var response = RawHttp.graphql(
                "127.0.0.60",
                port,
                "mutation { login(input: {username: " + GraphQl.JSON.writeValueAsString(username) + ", password: "
                        + GraphQl.JSON.writeValueAsString(password) + "}) { token errors { field code message } } }");
        return response.path("data").path("login");
    }

    private static String code(tools.jackson.databind.JsonNode login) {
        return login.path("errors").path(0).path("code").asString();
    }

    /** The conflicts test bundle. */
    private static final class ConflictsBundle {
        static final String TEXT = resource("bundles/conflicts.bundle.json");
    }
}
