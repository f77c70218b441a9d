package org.dutygraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of tests that meet the API as clients do: the whole application on a random port, GraphQL over
 * HTTP, a real Neo4j. All subclasses share one application context (and so one database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({
    Neo4jContainerConnection.class,
    SessionCounter.class,
    MovableClock.InTests.class,
    EffectFailures.class,
    RedCardsForTests.class,
    RecordedSpans.class
})
public abstract class ApiTest {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final String PEPPER = "dGVzdC1wZXBwZXItZm9yLWNvbXBsYWludC1yZWNlaXB0cy0zMmJ5dGVz";

    private static final java.nio.file.Path EVIDENCE = temporaryDirectory("dutygraph-evidence");

    private static java.nio.file.Path temporaryDirectory(String prefix) {
        try {
            return java.nio.file.Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected Driver driver;

    /** The application's clock: tests move it instead of waiting. */
    @Autowired
    protected MovableClock clock;

    @DynamicPropertySource
    protected static void database(DynamicPropertyRegistry registry) {
        Neo4jForTests.register(registry);
        FakeFcmForTests.register(registry);
        registry.add("dutygraph.complaints.pepper", () -> PEPPER);
        // every request traced, as an operator debugging one would set it (RecordedSpans sees the spans)
        registry.add("management.tracing.sampling.probability", () -> "1.0");
        // Tests escalate explicitly; all test clients share 127.0.0.1 (the rate-limit test uses other addresses).
        registry.add("dutygraph.complaints.escalation-interval", () -> "1h");
        registry.add("dutygraph.rate-limits.fields-per-minute", () -> "600");
        registry.add("dutygraph.rate-limits.fields-per-hour", () -> "100000");
        registry.add("dutygraph.inspections.evidence-directory", () -> EVIDENCE.toString());
        // a deleted account's tokens are refused within this (30 s by default)
        registry.add("dutygraph.security.account-check-ttl", () -> "1s");
        // rating-round tests close rounds explicitly (here, not in a context of their own: one start fewer)
        registry.add("dutygraph.appraisal.rounds.close-interval", () -> "1h");
        // tests deliver pending effects explicitly
        registry.add("dutygraph.effects.delivery-interval", () -> "1h");
        // a service-hall system sending case events (its secret is "zwfw-secret"); tests evaluate signals explicitly
        registry.add("dutygraph.supervision.systems[0].id", () -> "zwfw");
        registry.add("dutygraph.supervision.systems[0].secret-sha256", () -> RedCardsForTests.ZWFW_SECRET_SHA256);
        registry.add("dutygraph.supervision.evaluate-interval", () -> "1h");
        // a watched service hall (the supervision fixture's registration section)
        registry.add("dutygraph.supervision.halls[0].unit-id", () -> "zrzy-dj");
        registry.add("dutygraph.supervision.halls[0].yellow", () -> "20");
        registry.add("dutygraph.supervision.halls[0].orange", () -> "40");
        registry.add("dutygraph.supervision.halls[0].red", () -> "60");
        registry.add("dutygraph.supervision.halls[0].clear-margin", () -> "5");
    }

    @AfterEach
    void putTimeBack() {
        clock.reset();
        EffectFailures.clear();
    }

    protected GraphQl anonymous() {
        return new GraphQl(port, null);
    }

    /**
     * Spring for GraphQL's tester against the running server, signed in as the seeded account of that role: one
     * tester per role. The hand-written {@link GraphQl} client stays for what a tester cannot say: HTTP statuses
     * other than 200, malformed bodies and headers (the abuse limits, the phone's own requests).
     */
    protected HttpGraphQlTester tester(String username) {
        return anonymousTester()
                .mutate()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(username))
                .build();
    }

    protected HttpGraphQlTester anonymousTester() {
        var client = WebTestClient.bindToServer(new JdkClientHttpConnector())
                .baseUrl("http://127.0.0.1:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(120))
                .build();
        return HttpGraphQlTester.create(client);
    }

    /** A client signed in as the seeded development account of that role (admin, analyst, ...). */
    protected GraphQl as(String username) {
        return new GraphQl(port, token(username));
    }

    /** The bearer token of that seeded account (see {@link #as}), for requests outside GraphQL. */
    protected String token(String username) {
        // a token is issued on the application's clock: one signed before the clock moved may have expired on it
        return TOKENS.computeIfAbsent(
                port + username + "@" + clock.offset(),
                k -> anonymous()
                        .post("""
                mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }""", Map.of("u", username, "p", username + "-demo"))
                        .ok()
                        .path("login")
                        .path("token")
                        .asString());
    }

    /** Removes the organisation graph, keeping accounts and the migration record. */
    protected void wipeGraph() {
        // the service's jobs keep writing (leases, last runs) while a test wipes: a deadlock with one of them is
        // transient, and the wipe is simply run again
        for (int attempt = 1; ; attempt++) {
            try (var session = driver.session()) {
                session.run(
                                "MATCH (n) WHERE NOT n:Account AND NOT n:__Neo4jMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
                        .consume();
                return;
            } catch (org.neo4j.driver.exceptions.TransientException deadlocked) {
                if (attempt == 5) throw deadlocked;
            }
        }
    }

    protected long count(String label) {
        try (var session = driver.session()) {
            return session.run("MATCH (n:" + label + ") RETURN count(n) AS c")
                    .single()
                    .get("c")
                    .asLong();
        }
    }

    protected static String resource(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports a bundle through the API as an analyst and returns the payload. */
    protected tools.jackson.databind.JsonNode importBundle(String bundleJson) {
        var bundle = GraphQl.JSON.readValue(bundleJson, Object.class);
        return as("analyst").post("""
                mutation($b: JSON!) { importBundle(input: {bundle: $b}) {
                  job { id status total written problemCount failure }
                  problems { path code message } errors { field code message } } }""", Map.of("b", bundle)).ok().path("importBundle");
    }
}
