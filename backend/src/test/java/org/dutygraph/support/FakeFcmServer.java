package org.dutygraph.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for FCM's HTTP v1 send endpoint ({@code POST /v1/projects/{p}/messages:send}), for
 * the push benchmark and the tests: it records every message it receives and answers as scripted per
 * token (by default 200), with FCM's error bodies. No emulator exists for FCM.
 */
public final class FakeFcmServer implements AutoCloseable {

    /** One received message. */
    public record Received(String token, Map<String, String> data, String title, String body) {

        public String messageId() {
            return data.get("messageId");
        }
    }

    /** One answer given, and when (just before it was written back). */
    public record Answered(String token, String messageId, int status, java.time.Instant at) {}

    /** An answer: status, FCM error code (for the body), headers, and an optional pause before answering. */
    public record Answer(
            int status,
            String errorStatus,
            String fcmErrorCode,
            String message,
            Map<String, String> headers,
            long delayMillis) {

        public static Answer ok() {
            return new Answer(200, null, null, null, Map.of(), 0);
        }

        public static Answer unregistered() {
            return new Answer(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.", Map.of(), 0);
        }

        public static Answer invalidArgument(String message) {
            return new Answer(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", message, Map.of(), 0);
        }

        public static Answer quotaExceeded(long retryAfterSeconds) {
            return new Answer(
                    429,
                    "RESOURCE_EXHAUSTED",
                    "QUOTA_EXCEEDED",
                    "Quota exceeded.",
                    Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
                    0);
        }

        public static Answer unavailable() {
            return new Answer(503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable.", Map.of(), 0);
        }

        public static Answer internal() {
            return new Answer(500, "INTERNAL", "INTERNAL", "Internal error.", Map.of(), 0);
        }

        public Answer after(long millis) {
            return new Answer(status, errorStatus, fcmErrorCode, message, headers, millis);
        }
    }

    /** Decides the answer for a token's n-th request (1-based). */
    public interface Script {
        Answer answer(String token, int nth);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final ExecutorService threads;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Answered> answered = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<JsonNode> messages = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> requestsPerToken = new ConcurrentHashMap<>();
    private final AtomicLong names = new AtomicLong();
    private volatile Script script = (token, nth) -> Answer.ok();

    public FakeFcmServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newFixedThreadPool(32, r -> {
            var thread = new Thread(r, "fake-fcm");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public FakeFcmServer() {
        this(0);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void script(Script script) {
        this.script = script;
    }

    /** Every message received so far, failed ones included, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Every answer given so far, in order; a message received and not among these is still in flight. */
    public List<Answered> answered() {
        return List.copyOf(answered);
    }

    /** Every message received so far as sent (FCM's "message" object: android, apns, ...), in arrival order. */
    public List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    public int requests(String token) {
        var count = requestsPerToken.get(token);
        return count == null ? 0 : count.get();
    }

    /** Forgets what was received and answered, keeping the script (reset() would drop it for a moment). */
    public void forget() {
        received.clear();
        answered.clear();
        messages.clear();
        requestsPerToken.clear();
    }

    public void reset() {
        received.clear();
        answered.clear();
        messages.clear();
        requestsPerToken.clear();
        script = (token, nth) -> Answer.ok();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode message =
                    JSON.readTree(exchange.getRequestBody().readAllBytes()).path("message");
            messages.add(message);
            var token = message.path("token").asString("");
            var data = new java.util.LinkedHashMap<String, String>();
            message.path("data")
                    .properties()
                    .forEach(e -> data.put(e.getKey(), e.getValue().asString()));
            var notification = message.path("notification");
            received.add(new Received(
                    token,
                    data,
                    notification.path("title").asString(null),
                    notification.path("body").asString(null)));
            int nth = requestsPerToken
                    .computeIfAbsent(token, t -> new AtomicInteger())
                    .incrementAndGet();
            var answer = script.answer(token, nth);
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            var body = answer.status() == 200
                    ? "{\"name\":\"projects/fake/messages/" + names.incrementAndGet() + "\"}"
                    : error(answer);
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            answered.add(new Answered(token, data.get("messageId"), answer.status(), java.time.Instant.now()));
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String error(Answer answer) {
        return JSON.writeValueAsString(Map.of(
                "error",
                Map.of(
                        "code",
                        answer.status(),
                        "message",
                        answer.message(),
                        "status",
                        answer.errorStatus(),
                        "details",
                        List.of(Map.of(
                                "@type",
                                "type.googleapis.com/google.firebase.fcm.v1.FcmError",
                                "errorCode",
                                answer.fcmErrorCode())))));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
