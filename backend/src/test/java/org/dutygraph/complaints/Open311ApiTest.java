package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An existing GeoReport v2 client files and follows a complaint through the Open311 facade. */
class Open311ApiTest extends ComplaintTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aGeoReportClientFilesAnAnonymousRequestAndFollowsItsStatus() throws Exception {
        var services = get("/open311/v2/services.json");
        assertThat(services.size()).isEqualTo(10);
        assertThat(services.valueStream().map(s -> s.path("service_code").asString()))
                .contains("BUCK_PASSING", "ILLEGAL_FEES");

        var created = post(Map.of(
                "service_code",
                "ILLEGAL_FEES",
                "description",
                "办理营业执照时被额外收取了200元材料费。",
                "address_string",
                "政务服务中心三楼",
                "device_id",
                "open311-device-4711"));
        assertThat(created.statusCode()).isEqualTo(201);
        var request = GraphQl.JSON.readTree(created.body()).path(0);
        var number = request.path("service_request_id").asString();
        var receipt = request.path("service_notice").asString().replaceAll(".*: ", "");
        assertThat(citizen()
                        .post("query($r: String!) { complaintByReceipt(receipt: $r) { number } }", Map.of("r", receipt))
                        .ok()
                        .path("complaintByReceipt")
                        .path("number")
                        .asString())
                .isEqualTo(number);

        var status = get("/open311/v2/requests/" + number + ".json").path(0);
        assertThat(status.path("status").asString()).isEqualTo("open");
        assertThat(status.path("service_code").asString()).isEqualTo("ILLEGAL_FEES");
        assertThat(status.path("description").isNull())
                .as("unpublished cases show no description")
                .isTrue();
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (n) RETURN collect(properties(n)) AS p")
                            .single()
                            .get("p")
                            .toString())
                    .doesNotContain("open311-device-4711");
        }
    }

    @Test
    void badRequestsGetGeoReportErrors() throws Exception {
        var unknown = post(Map.of("service_code", "POTHOLE", "description", "路面坑洼需要修补，影响通行。"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(GraphQl.JSON
                        .readTree(unknown.body())
                        .path(0)
                        .path("description")
                        .asString())
                .startsWith("service_code");
        var tooShort = post(Map.of("service_code", "LAZY", "description", "太短"));
        assertThat(GraphQl.JSON
                        .readTree(tooShort.body())
                        .path(0)
                        .path("description")
                        .asString())
                .startsWith("input.description");
        var missing = HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/open311/v2/requests/TS000000-XXXXXX.json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aFormThatIsNotUtf8IsRefusedInOpen311sShape_andItsWordsAreNotLogged(
            org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        long before = count("Complaint");
        // %ED%A0%80: the UTF-8-like bytes of half a character, which no UTF-8 decoder accepts
        var body = "service_code=BUCK_PASSING&description=" + URLEncoder.encode("窗口推诿标记词", StandardCharsets.UTF_8)
                + "%ED%A0%80";
        var answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/open311/v2/requests.json"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept-Language", "en")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        var error = GraphQl.JSON.readTree(answer.body()).get(0);
        assertThat(error.path("code").asInt()).isEqualTo(400);
        assertThat(error.path("description").asString()).contains("UTF-8");
        assertThat(count("Complaint")).isEqualTo(before);
        assertThat(output.getAll()).doesNotContain("标记词").doesNotContain("%E6%A0%87");
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        var body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/open311/v2/requests.json"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Issue 18 item 4: Open311's public lists are cacheable with an ETag, like citizenRankings over GET. */
    @Test
    void publicListsAreCacheableWithAnETagAndAnUnchangedOneIs304() throws Exception {
        for (var path : java.util.List.of("/open311/v2/services.json", "/open311/v2/requests.json")) {
            var first = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control").orElse(""))
                    .as(path)
                    .contains("public", "max-age=60")
                    .doesNotContain("no-store", "no-cache");
            var etag = first.headers().firstValue("ETag").orElseThrow();
            var again = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .header("If-None-Match", etag)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            var otherLanguage = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .header("If-None-Match", etag)
                            .header("Accept-Language", "en")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (path.endsWith("services.json")) {
                assertThat(otherLanguage.statusCode())
                        .as("names differ by language")
                        .isEqualTo(200);
            }
        }
    }

    private JsonNode get(String path) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return GraphQl.JSON.readTree(response.body());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
