package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class InspectorSyncApiTest extends InspectionTestSupport {

    private static final byte[] PHOTO = "jpeg-bytes!".getBytes(StandardCharsets.UTF_8);

    @Test
    void aDayRecordedOfflineSyncsInOneBatch_keepsDeviceAndServerTimes_andAReplayReturnsTheSameRecords()
            throws Exception {
        var plan = drawnPlan(List.of("iwin1"));
        var assignment = plan.path("assignments").path(0);
        var inspector = inspectorOf(assignment);
        var day = UUID.randomUUID().toString();
        var input = Map.<String, Object>of(
                "visits", List.of(visit(day + "-v1", assignment.path("id").asString())),
                "findings", List.of(finding(day + "-f1", day + "-v1", sha256(PHOTO))),
                "patrols",
                        List.of(Map.of("clientId", day + "-p1", "hallId", "ihall", "at", "2026-11-20T08:30:00+08:00")));
        var first = sync(inspector, input);
        assertThat(first.path("errors").isEmpty()).as(first.toString()).isTrue();
        assertThat(first.path("visits").path(0).path("outcome").asString()).isEqualTo("CREATED");
        assertThat(first.path("evidence")).hasSize(2);
        var replay = sync(inspector, input);
        assertThat(replay.path("findings").path(0).path("outcome").asString()).isEqualTo("ALREADY_SYNCED");
        assertThat(replay.path("findings").path(0).path("id").asString())
                .isEqualTo(first.path("findings").path(0).path("id").asString());
        assertThat(replay.path("evidence").path(1).path("id").asString())
                .isEqualTo(first.path("evidence").path(1).path("id").asString());

        var findingId = first.path("findings").path(0).path("id").asString();
        var seen = as(inspector).post("""
                query($id: ID!) { inspectionFinding(id: $id) { status observedAt receivedAt recordedBy badgeNumber target { id }
                  evidence { kind sha256 capturedAt receivedAt metadata text uploaded } } }""", Map.of("id", findingId)).ok().path("inspectionFinding");
        assertThat(seen.path("status").asString()).isEqualTo("RECORDED");
        assertThat(seen.path("observedAt").asString()).isEqualTo("2026-11-20T01:20:00.000Z");
        assertThat(seen.path("receivedAt").asString())
                .isNotEqualTo(seen.path("observedAt").asString());
        assertThat(seen.path("target").path("id").asString()).isEqualTo("iwin1");
        var photo = seen.path("evidence")
                .valueStream()
                .filter(e -> e.path("kind").asString().equals("PHOTO"))
                .findFirst()
                .orElseThrow();
        assertThat(photo.path("metadata").path("Make").asString()).isEqualTo("Huawei");
        assertThat(photo.path("metadata").path("GPSLatitude").asDouble()).isEqualTo(30.2741);
        assertThat(photo.path("uploaded").asBoolean()).isFalse();

        // the file: refused unless it hashes to what was recorded at capture; then kept byte for byte
        var evidenceId = first.path("evidence")
                .valueStream()
                .filter(e -> e.path("clientId").asString().endsWith("-photo"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asString();
        assertThat(put(inspector, evidenceId, "tampered!!!".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(422);
        assertThat(put("insp-d", evidenceId, PHOTO).statusCode()).isEqualTo(404);
        assertThat(put(inspector, evidenceId, PHOTO).statusCode()).isEqualTo(201);
        assertThat(put(inspector, evidenceId, PHOTO).statusCode()).isEqualTo(200);
        var back = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/inspections/evidence/" + evidenceId))
                                .header("Authorization", "Bearer " + token(inspector))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(back.body()).isEqualTo(PHOTO);
        assertThat(as(inspector)
                        .post(
                                "query($id: ID!) { inspectionFinding(id: $id) { evidence { kind uploaded } } }",
                                Map.of("id", findingId))
                        .ok()
                        .path("inspectionFinding")
                        .path("evidence")
                        .valueStream()
                        .filter(e -> e.path("kind").asString().equals("PHOTO"))
                        .findFirst()
                        .orElseThrow()
                        .path("uploaded")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aHundredParallelReplaysOfOneBatchStoreEachRecordOnce() throws Exception {
        var plan = drawnPlan(List.of("iwin2"));
        var assignment = plan.path("assignments").path(0);
        var inspector = inspectorOf(assignment);
        var day = UUID.randomUUID().toString();
        var input = Map.<String, Object>of(
                "visits", List.of(visit(day + "-v1", assignment.path("id").asString())),
                "findings",
                        List.of(
                                finding(day + "-f1", day + "-v1", sha256(PHOTO)),
                                finding(day + "-f2", day + "-v1", sha256(PHOTO))));
        var client = as(inspector);
        var tasks = new ArrayList<Callable<String>>();
        for (int i = 0; i < 100; i++) {
            tasks.add(() -> {
                var r = client.post(SYNC, Map.of("input", input)).ok().path("syncInspectorDay");
                assertThat(r.path("errors").isEmpty()).as(r.toString()).isTrue();
                return r.path("findings").path(1).path("id").asString();
            });
        }
        var pool = Executors.newFixedThreadPool(16);
        try {
            var ids = new java.util.HashSet<String>();
            for (var f : pool.invokeAll(tasks)) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        try (var session = driver.session()) {
            assertThat(session.run(
                                    "MATCH (f:InspectionFinding) WHERE f.clientId STARTS WITH $day RETURN count(f) AS c",
                                    Map.of("day", day))
                            .single()
                            .get("c")
                            .asLong())
                    .isEqualTo(2);
            assertThat(session.run(
                                    "MATCH (e:Evidence) WHERE e.clientId STARTS WITH $day RETURN count(e) AS c",
                                    Map.of("day", day))
                            .single()
                            .get("c")
                            .asLong())
                    .isEqualTo(4);
            assertThat(session.run(
                                    "MATCH (v:Visit) WHERE v.clientId STARTS WITH $day RETURN count(v) AS c",
                                    Map.of("day", day))
                            .single()
                            .get("c")
                            .asLong())
                    .isEqualTo(1);
        }
    }

    @Test
    void aClientIdReusedWithOtherContent_orABadItem_refusesTheWholeBatch_namingTheItem() throws Exception {
        var plan = drawnPlan(List.of("iwin3"));
        var assignment = plan.path("assignments").path(0);
        var inspector = inspectorOf(assignment);
        var day = UUID.randomUUID().toString();
        var assignmentId = assignment.path("id").asString();
        assertThat(sync(inspector, Map.of("visits", List.of(visit(day + "-v1", assignmentId))))
                        .path("errors")
                        .isEmpty())
                .isTrue();
        long findings = count("InspectionFinding");

        var changed = new java.util.HashMap<>(visit(day + "-v1", assignmentId));
        changed.put("latitude", 31.0);
        var reused = sync(
                inspector,
                Map.of(
                        "visits",
                        List.of(changed),
                        "findings",
                        List.of(finding(day + "-f1", day + "-v1", sha256(PHOTO)))));
        assertThat(reused.path("errors").path(0).path("code").asString()).isEqualTo("CLIENT_ID_REUSED");
        assertThat(texts(reused.path("errors").path(0).path("field")))
                .containsExactly("input", "visits", "0", "clientId");

        var badFinding = new java.util.HashMap<>(finding(day + "-f2", day + "-v1", "not-a-hash"));
        var badNorm = new java.util.HashMap<>(finding(day + "-f3", day + "-v1", sha256(PHOTO)));
        badNorm.put("normCode", "SMOKING");
        var bad = sync(
                inspector,
                Map.of(
                        "findings",
                        List.of(
                                finding(day + "-f4", day + "-v1", sha256(PHOTO)),
                                badFinding,
                                badNorm,
                                finding(day + "-f5", day + "-nowhere", sha256(PHOTO)))));
        assertThat(bad.path("errors")
                        .valueStream()
                        .map(e -> String.join(".", texts(e.path("field"))) + ":"
                                + e.path("code").asString()))
                .contains("input.findings.1.evidence.0.sha256:INVALID_HASH");
        var unknownPost = new java.util.HashMap<>(finding(day + "-f6", day + "-v1", sha256(PHOTO)));
        unknownPost.put("postId", "no-such-post");
        var other = sync(
                inspector,
                Map.of(
                        "findings",
                        List.of(
                                finding(day + "-f4", day + "-v1", sha256(PHOTO)),
                                badNorm,
                                finding(day + "-f5", day + "-nowhere", sha256(PHOTO)),
                                unknownPost)));
        assertThat(other.path("errors")
                        .valueStream()
                        .map(e -> String.join(".", texts(e.path("field"))) + ":"
                                + e.path("code").asString()))
                .containsExactlyInAnyOrder(
                        "input.findings.1.normCode:UNKNOWN_CODE",
                        "input.findings.2.visitClientId:UNKNOWN_VISIT",
                        "input.findings.3.postId:UNKNOWN_POST");
        assertThat(count("InspectionFinding")).isEqualTo(findings);

        var notMine = sync("insp-d", Map.of("visits", List.of(visit(day + "-x", assignmentId))));
        assertThat(notMine.path("errors").path(0).path("code").asString()).isEqualTo("NOT_ASSIGNED");
    }

    @Test
    void hallsWithFewerThanFourPatrolsADayAreListed() {
        var day = UUID.randomUUID().toString();
        var patrols = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 4; i++) {
            patrols.add(Map.of(
                    "clientId",
                    day + "-p" + i,
                    "hallId",
                    "ihall",
                    "at",
                    "2031-03-0" + (i == 3 ? 2 : 1) + "T0" + (i + 1) + ":00:00Z"));
        }
        patrols.add(Map.of("clientId", day + "-q", "hallId", "ihall2", "at", "2031-03-01T10:00:00Z"));
        assertThat(sync("insp-a", Map.of("patrols", patrols)).path("errors").isEmpty())
                .isTrue();
        var shortfalls = as("eff-chief").post("""
                { patrolShortfalls(date: "2031-03-01") { edges { node { hall { id } patrols minimum } } } }""").ok().path("patrolShortfalls").path("edges");
        assertThat(shortfalls
                        .valueStream()
                        .map(e -> e.path("node").path("hall").path("id").asString() + "="
                                + e.path("node").path("patrols").asInt()))
                .containsExactly("ihall2=1", "ihall=3");
    }

    private HttpResponse<String> put(String username, String evidenceId, byte[] body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/inspections/evidence/" + evidenceId))
                                .header("Authorization", "Bearer " + token(username))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
