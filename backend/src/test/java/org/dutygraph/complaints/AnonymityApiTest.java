package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.dutygraph.complaints.receipts.Receipts;
import org.dutygraph.support.RecordedSpans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Anonymity, tested: a citizen files, uploads a photo, follows, mistypes receipts and replies, from a
 * phone whose HTTP stack sends its address and device through headers; afterwards neither the database
 * nor the logs nor the traces (every request traced) hold the address, the user agent, the device id or the
 * receipt.
 */
@ExtendWith(OutputCaptureExtension.class)
class AnonymityApiTest extends ComplaintTestSupport {

    private static final String ADDRESS = "203.0.113.77";
    private static final String DEVICE = "device-id-7f3a9c";
    private static final String AGENT = "DutyTestPhone/9.9 (" + DEVICE + ")";
    private static final Map<String, String> PHONE =
            Map.of("User-Agent", AGENT, "X-Forwarded-For", ADDRESS, "X-Real-IP", ADDRESS, "X-Device-Id", DEVICE);

    @Test
    void noAddressDeviceOrReceiptIsKeptLoggedOrTraced(CapturedOutput output) throws Exception {
        RecordedSpans.start();
        var upload = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/complaints/photos"))
                                .header("User-Agent", AGENT)
                                .header("X-Forwarded-For", ADDRESS)
                                .header("X-Device-Id", DEVICE)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(PhotoFixtures.gpsTaggedJpeg()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        var photoId = org.dutygraph.support.GraphQl.JSON
                .readTree(upload.body())
                .path("photoId")
                .asString();
        var input = complaint(Map.of("unitId", "cmkt"));
        input.put("photoIds", List.of(photoId));
        var submitted =
                citizen().post(SUBMIT, Map.of("input", input), PHONE).ok().path("submitComplaint");
        var receipt = submitted.path("receipt").asString();
        assertThat(receipt).isNotBlank();
        citizen()
                .post("query($r: String!) { complaintByReceipt(receipt: $r) { status } }", Map.of("r", receipt), PHONE)
                .ok();
        citizen()
                .post(
                        "query($r: String!) { complaintByReceipt(receipt: $r) { status } }",
                        Map.of("r", "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ"),
                        PHONE)
                .ok();
        citizen()
                .post("query { complaintByReceipt(receipt: \"garbage\") { status } }", Map.of(), PHONE)
                .ok();
        citizen()
                .post(
                        "mutation($r: String!) { replyToComplaint(input: {receipt: $r, body: \"补充：当时还有另一位工作人员在场。\"}) { errors { code } } }",
                        Map.of("r", receipt),
                        PHONE)
                .ok();
        citizen()
                .post(
                        "mutation { replyToComplaint(input: {receipt: \"ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ\", body: \"x\"}) { errors { code } } }",
                        Map.of(),
                        PHONE)
                .ok();

        var canonical = Receipts.canonical(receipt).orElseThrow();
        var secrets = List.of(ADDRESS, DEVICE, "DutyTestPhone", "127.0.0.1", receipt, canonical);
        var stored = everythingStored();
        var spans = RecordedSpans.stop();
        assertThat(spans)
                .as("the upload was traced")
                .anySatisfy(span -> assertThat(span.getAttributes().toString()).contains("/complaints/photos"));
        assertThat(spans)
                .as("the GraphQL requests were traced")
                .anySatisfy(span -> assertThat(span.getAttributes().toString()).contains("graphql.outcome"));
        var traced = spans.stream()
                .map(span -> span.getName() + span.getAttributes() + span.getEvents() + span.getResource())
                .toList()
                .toString();
        assertThat(output.getAll())
                .as("Neo4j's warnings on property keys no node has yet stay out of the logs")
                .doesNotContain("01N52");
        for (var secret : secrets) {
            assertThat(stored).as("the database holds " + secret).doesNotContain(secret);
            assertThat(output.getAll()).as("the logs hold " + secret).doesNotContain(secret);
            assertThat(traced).as("the traces hold " + secret).doesNotContain(secret);
        }
    }

    /** Every property of every node and relationship, photos' bytes aside (checked by the photo tests). */
    private String everythingStored() {
        try (var session = driver.session()) {
            var nodes = session.run("MATCH (n) WHERE NOT n:Photo RETURN collect(properties(n)) AS p")
                    .single()
                    .get("p")
                    .toString();
            var photos = session.run(
                            "MATCH (n:Photo) RETURN collect(n {.id, .sha256, .complaintId, .width, .height, .uploadedAt}) AS p")
                    .single()
                    .get("p")
                    .toString();
            var relationships = session.run("MATCH ()-[r]->() RETURN collect(properties(r)) AS p")
                    .single()
                    .get("p")
                    .toString();
            return nodes + photos + relationships;
        }
    }
}
