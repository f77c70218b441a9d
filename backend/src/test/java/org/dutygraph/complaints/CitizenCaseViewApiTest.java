package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What the citizen's screen shows, by receipt alone, with the app's own operation document. */
class CitizenCaseViewApiTest extends ComplaintTestSupport {

    @Autowired
    ComplaintEscalator escalator;

    @Test
    void descriptionPhotosTimelineDueDateAndTheHandlingUnitWithItsParent() throws Exception {
        var http = HttpClient.newHttpClient();
        var upload = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/complaints/photos"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(PhotoFixtures.gpsTaggedJpeg()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var photoId = GraphQl.JSON.readTree(upload.body()).path("photoId").asString();
        var input = complaint(Map.of("unitId", "cmkt-food"));
        input.put("photoIds", List.of(photoId));
        var submitted = submit(input);
        var receipt = submitted.path("receipt").asString();
        var id = idOf(submitted.path("complaint").path("number").asString());
        advance("inspector", id, "REGISTER", Map.of());
        escalator.escalateDue(Instant.now().plus(Duration.ofDays(30)));

        var view = byReceipt(receipt);
        assertThat(view.path("description").asString()).isEqualTo("办理餐饮许可时被要求跑了三次，窗口人员互相推诿。");
        assertThat(view.path("place").asString()).isEqualTo("政务服务中心二楼");
        assertThat(view.path("handlingUnitName").asString()).isEqualTo("餐饮服务监管科");
        assertThat(view.path("handlingUnit").path("parentName").asString()).isEqualTo("市场监督管理局");
        assertThat(view.path("handlingUnit").path("fullName").asString()).isEqualTo("市场监督管理局 餐饮服务监管科");
        assertThat(view.path("dueAt").asString()).isNotBlank();
        // the escalation is the handlers' business: one entry per change of status
        assertThat(CitizenFollowApiTest.statuses(view.path("timeline"))).containsExactly("RECEIVED", "REGISTERED");
        assertThat(view.path("timeline").path(1).path("at").asString()).isNotBlank();

        var photo = view.path("photos").path(0);
        assertThat(photo.path("id").asString()).isEqualTo(photoId);
        var url = photo.path("url").asString();
        assertThat(url).doesNotContain(receipt);
        var fetched = http.send(
                HttpRequest.newBuilder(URI.create(base() + url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(new String(fetched.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(PhotoFixtures.CAMERA);
        for (var forged : List.of(
                url.replaceAll("signature=.", "signature=A"), url.replaceAll("expires=\\d+", "expires=99999999999"))) {
            assertThat(status(http, forged)).as(forged).isEqualTo(404);
        }
        assertThat(status(http, "/complaints/photos/" + photoId))
                .as("without a link, an account is needed")
                .isEqualTo(401);
    }

    @Test
    void afterAReopenTheEarlierConclusionAndAnswerAreSuperseded_notCurrent() {
        var filed = file(Map.of("unitId", "cmkt"));
        var id = filed[0];
        advance("inspector", id, "REGISTER", Map.of());
        advance("inspector", id, "ASSIGN", Map.of());
        advance("cmkt-staff", id, "START_INVESTIGATION", Map.of());
        advance("cmkt-staff", id, "CONCLUDE", Map.of("conclusion", "UNSUBSTANTIATED"));
        advance("cmkt-staff", id, "ANSWER", Map.of("answer", "经查，窗口人员按规定办理。"));
        advance("inspector", id, "REOPEN", Map.of("note", "投诉人提供了新证据"));

        var reopened = byReceipt(filed[1]);
        assertThat(reopened.path("status").asString()).isEqualTo("REOPENED");
        assertThat(reopened.path("conclusion").isNull()).isTrue();
        assertThat(reopened.path("answer").isNull()).isTrue();
        var earlier = reopened.path("supersededOutcomes");
        assertThat(earlier.size()).isOne();
        assertThat(earlier.path(0).path("conclusion").asString()).isEqualTo("UNSUBSTANTIATED");
        assertThat(earlier.path(0).path("answer").asString()).isEqualTo("经查，窗口人员按规定办理。");
        assertThat(earlier.path(0).path("supersededAt").asString()).isNotBlank();

        advance("inspector", id, "ASSIGN", Map.of());
        advance("cmkt-staff", id, "START_INVESTIGATION", Map.of());
        advance("cmkt-staff", id, "CONCLUDE", Map.of("conclusion", "PARTLY_SUBSTANTIATED"));
        advance("cmkt-staff", id, "ANSWER", Map.of("answer", "经复查部分属实，已批评教育。"));
        var answered = byReceipt(filed[1]);
        assertThat(answered.path("conclusion").asString()).isEqualTo("PARTLY_SUBSTANTIATED");
        assertThat(answered.path("answer").asString()).isEqualTo("经复查部分属实，已批评教育。");
        assertThat(answered.path("supersededOutcomes").size()).isOne();
        assertThat(CitizenFollowApiTest.statuses(answered.path("timeline")))
                .containsExactly(
                        "RECEIVED",
                        "REGISTERED",
                        "ASSIGNED",
                        "INVESTIGATING",
                        "CONCLUDED",
                        "ANSWERED",
                        "REOPENED",
                        "ASSIGNED",
                        "INVESTIGATING",
                        "CONCLUDED",
                        "ANSWERED");
    }

    /** Through the app's own operation document, as a phone sends it. */
    private JsonNode byReceipt(String receipt) {
        return citizen()
                .post(operation("ComplaintByReceipt"), Map.of("receipt", receipt))
                .ok()
                .path("complaintByReceipt");
    }

    private static String operation(String name) {
        return resource("operations/citizen/" + name + ".graphql");
    }

    private String idOf(String number) {
        try (var session = driver.session()) {
            return session.run("MATCH (c:Complaint {number: $n}) RETURN c.id AS id", Map.of("n", number))
                    .single()
                    .get("id")
                    .asString();
        }
    }

    private int status(HttpClient http, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
