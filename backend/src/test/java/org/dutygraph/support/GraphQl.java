package org.dutygraph.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A GraphQL-over-HTTP client as the mobile app uses it: POST /graphql with JSON, optional bearer token. */
public final class GraphQl {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;
    private final String token;
    private final Map<String, String> headers;

    public GraphQl(int port, String token) {
        this(URI.create("http://127.0.0.1:" + port + "/graphql"), token, Map.of());
    }

    /** A client of the endpoint at another spelling of its path, e.g. {@code /%67raphql}, which the server maps to it. */
    public static GraphQl at(int port, String path, String token) {
        return new GraphQl(URI.create("http://127.0.0.1:" + port + path), token, Map.of());
    }

    private GraphQl(URI endpoint, String token, Map<String, String> headers) {
        this.endpoint = endpoint;
        this.token = token;
        this.headers = headers;
    }

    /** The same client asking for answers in a language (Accept-Language), e.g. "en" or "zh-CN". */
    public GraphQl inLanguage(String languageTag) {
        var more = new HashMap<>(headers);
        more.put("Accept-Language", languageTag);
        return new GraphQl(endpoint, token, Map.copyOf(more));
    }

    public record Response(int status, JsonNode body) {

        public JsonNode data() {
            return body.path("data");
        }

        public List<JsonNode> errors() {
            return body.path("errors").valueStream().toList();
        }

        public String firstErrorCode() {
            return body.path("errors").path(0).path("extensions").path("code").asString(null);
        }

        /** The data, failing loudly if the response carried errors. */
        public JsonNode ok() {
            if (!errors().isEmpty()) {
                throw new AssertionError("GraphQL errors: " + body.path("errors"));
            }
            return data();
        }
    }

    public Response post(String document, Map<String, Object> variables) {
        var payload = new HashMap<String, Object>();
        payload.put("query", document);
        payload.put("variables", variables == null ? Map.of() : variables);
        return raw(JSON.writeValueAsString(payload));
    }

    public Response post(String document) {
        return post(document, Map.of());
    }

    public Response raw(String body) {
        return raw(body, Map.of());
    }

    /** Posts with extra headers, e.g. what a phone's HTTP stack adds (User-Agent, forwarded addresses). */
    public Response post(String document, Map<String, Object> variables, Map<String, String> headers) {
        var payload = new HashMap<String, Object>();
        payload.put("query", document);
        payload.put("variables", variables == null ? Map.of() : variables);
        return raw(JSON.writeValueAsString(payload), headers);
    }

    public Response raw(String body, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        this.headers.forEach((name, value) -> {
            if (!headers.containsKey(name)) {
                request.header(name, value);
            }
        });
        headers.forEach(request::header);
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var text = response.body();
            return new Response(
                    response.statusCode(),
                    text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
        } catch (Exception e) {
            throw new AssertionError("HTTP call failed", e);
        }
    }
}
