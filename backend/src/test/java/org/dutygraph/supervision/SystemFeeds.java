package org.dutygraph.supervision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What a service-hall or queue system sends: JSON lines over HTTP, with its Basic credentials (null: none). */
final class SystemFeeds {

    /** The test service hall's system (ApiTest configures it). */
    static final String HALL_SYSTEM = "zwfw:zwfw-secret";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SystemFeeds() {}

    static HttpResponse<String> caseEvents(int port, String lines) throws Exception {
        return post(port, "/supervision/events", HALL_SYSTEM, lines);
    }

    static HttpResponse<String> post(int port, String path, String credentials, String lines) throws Exception {
        return post(port, path, credentials, lines.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as bytes, as a system may send them (not necessarily UTF-8). */
    static HttpResponse<String> post(int port, String path, String credentials, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
