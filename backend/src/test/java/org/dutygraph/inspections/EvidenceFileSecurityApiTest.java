package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Evidence hashes never become paths outside the evidence directory, and a file is served only to whom it belongs. */
class EvidenceFileSecurityApiTest extends InspectionTestSupport {

    private static final String TRAVERSAL = "../../../../../../../../../../etc/passwd";

    @Test
    void aHashThatIsNotASha256IsRefusedForEveryKind_includingNotes() {
        var inspector = visit().inspector();
        var assignmentId = visit().assignmentId();
        var day = UUID.randomUUID().toString();
        var finding = new HashMap<>(finding(day + "-f", day + "-v", "a".repeat(64)));
        var note = new HashMap<String, Object>(Map.of(
                "clientId",
                day + "-note",
                "kind",
                "NOTE",
                "capturedAt",
                "2026-11-20T09:21:00+08:00",
                "text",
                "记录",
                "sha256",
                TRAVERSAL));
        var video = new HashMap<String, Object>(Map.of(
                "clientId",
                day + "-video",
                "kind",
                "VIDEO",
                "capturedAt",
                "2026-11-20T09:21:00+08:00",
                "sha256",
                "A".repeat(64)));
        finding.put("evidence", List.of(note, video));
        long before = count("Evidence");

        var refused = sync(
                inspector, Map.of("visits", List.of(visit(day + "-v", assignmentId)), "findings", List.of(finding)));

        assertThat(errors(refused))
                .containsExactlyInAnyOrder(
                        "input.findings.0.evidence.0.sha256:INVALID_HASH",
                        "input.findings.0.evidence.1.sha256:INVALID_HASH");
        assertThat(count("Evidence")).isEqualTo(before);

        note.put("sha256", "b".repeat(64));
        finding.put("evidence", List.of(note));
        assertThat(errors(sync(
                        inspector,
                        Map.of("visits", List.of(visit(day + "-v", assignmentId)), "findings", List.of(finding)))))
                .containsExactly("input.findings.0.evidence.0.sha256:NOTE_HAS_NO_FILE");
    }

    @Test
    void aTraversalHashAlreadyInTheGraphReachesNoFile() throws Exception {
        var recorded = recordedPhoto(("probe " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        try (var session = driver.session()) {
            session.run(
                            "MATCH (e:Evidence {id: $id}) SET e.sha256 = $sha, e.kind = 'NOTE', e.uploadedAt = timestamp()",
                            Map.of("id", recorded.evidenceId(), "sha", TRAVERSAL))
                    .consume();
        }

        var read = get(recorded.inspector(), recorded.evidenceId());
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("root:");
        try (var session = driver.session()) {
            session.run("MATCH (e:Evidence {id: $id}) SET e.kind = 'PHOTO'", Map.of("id", recorded.evidenceId()))
                    .consume();
        }
        assertThat(get(recorded.inspector(), recorded.evidenceId()).body()).doesNotContain("root:");
        assertThat(put(recorded.inspector(), recorded.evidenceId(), "x".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void anItemSyncedWithTheHashOfSomeoneElsesFileDoesNotReachThatFile_untilItsOwnUploadMatches() throws Exception {
        var bytes = ("secret photo " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        var owner = recordedPhoto(bytes);
        assertThat(put(owner.inspector(), owner.evidenceId(), bytes).statusCode())
                .isEqualTo(201);
        assertThat(get(owner.inspector(), owner.evidenceId()).statusCode()).isEqualTo(200);

        var copycat = recordedPhoto(bytes);
        assertThat(get(copycat.inspector(), copycat.evidenceId()).statusCode()).isEqualTo(404);
        assertThat(put(copycat.inspector(), copycat.evidenceId(), "guess".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(422);
        assertThat(get(copycat.inspector(), copycat.evidenceId()).statusCode()).isEqualTo(404);
        assertThat(put(copycat.inspector(), copycat.evidenceId(), bytes).statusCode())
                .isEqualTo(200);
        assertThat(get(copycat.inspector(), copycat.evidenceId()).statusCode()).isEqualTo(200);
    }

    @Test
    void evidenceIsServedAsADownloadOfAnAllowedType_neverAsTheDeclaredHtml() throws Exception {
        var bytes = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        var html = recordedPhoto(bytes, "text/html");
        assertThat(put(html.inspector(), html.evidenceId(), bytes).statusCode()).isEqualTo(201);

        var read = get(html.inspector(), html.evidenceId());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(read.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");

        var jpegBytes = ("jpeg " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        var jpeg = recordedPhoto(jpegBytes, "image/jpeg");
        put(jpeg.inspector(), jpeg.evidenceId(), jpegBytes);
        assertThat(get(jpeg.inspector(), jpeg.evidenceId()).headers().firstValue("Content-Type"))
                .hasValue("image/jpeg");
    }

    private record Recorded(String inspector, String evidenceId) {}

    private Recorded recordedPhoto(byte[] bytes) throws Exception {
        return recordedPhoto(bytes, "image/jpeg");
    }

    /** One visit drawn for the whole class: each draw excludes inspectors who visited the target lately. */
    private static volatile Visit visit;

    private record Visit(String inspector, String assignmentId) {}

    private synchronized Visit visit() {
        if (visit == null) {
            var assignment = drawnPlan(List.of("iwin4")).path("assignments").path(0);
            visit = new Visit(inspectorOf(assignment), assignment.path("id").asString());
        }
        return visit;
    }

    /** A finding with one photo of these bytes (not uploaded yet) on this class's visit. */
    private Recorded recordedPhoto(byte[] bytes, String mimeType) throws Exception {
        var inspector = visit().inspector();
        var assignmentId = visit().assignmentId();
        var day = UUID.randomUUID().toString();
        var finding = new HashMap<>(finding(day + "-f", "evidence-security-visit", InspectorSyncApiTest.sha256(bytes)));
        var photo = new HashMap<String, Object>(Map.of(
                "clientId",
                day + "-photo",
                "kind",
                "PHOTO",
                "sha256",
                InspectorSyncApiTest.sha256(bytes),
                "mimeType",
                mimeType,
                "capturedAt",
                "2026-11-20T09:20:00+08:00"));
        finding.put("evidence", List.of(photo));
        var synced = sync(
                inspector,
                Map.of(
                        "visits",
                        List.of(visit("evidence-security-visit", assignmentId)),
                        "findings",
                        List.of(finding)));
        assertThat(synced.path("errors").isEmpty()).as(synced.toString()).isTrue();
        return new Recorded(
                inspector, synced.path("evidence").path(0).path("id").asString());
    }

    private static List<String> errors(JsonNode payload) {
        return payload.path("errors")
                .valueStream()
                .map(e -> String.join(".", texts(e.path("field"))) + ":"
                        + e.path("code").asString())
                .toList();
    }

    private HttpResponse<String> get(String username, String evidenceId) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(evidenceUri(evidenceId))
                                .header("Authorization", "Bearer " + token(username))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String username, String evidenceId, byte[] body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(evidenceUri(evidenceId))
                                .header("Authorization", "Bearer " + token(username))
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private URI evidenceUri(String evidenceId) {
        return URI.create("http://127.0.0.1:" + port + "/inspections/evidence/" + evidenceId);
    }
}
