package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.Introspection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.dutygraph.support.GraphQl;
import org.dutygraph.support.Neo4jContainerConnection;
import org.dutygraph.support.Neo4jForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** In the prod profile GraphiQL, introspection and demo accounts are gone. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dutygraph.security.jwt-secret=ZHV0eWdyYXBoLXRlc3Qtc2VjcmV0LW9mLXRoaXJ0eS10d28tYnl0ZXM=")
@Import(Neo4jContainerConnection.class)
@ActiveProfiles("prod")
class ProdProfileApiTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Neo4jForTests.register(registry);
        registry.add(
                "dutygraph.complaints.pepper", () -> "cHJvZC1wcm9maWxlLXRlc3QtcGVwcGVyLW9mLTMyLWJ5dGVzLWF0LWxlYXN0");
    }

    /**
     * Boot turns introspection off with graphql-java's JVM-wide switch, which outlives this context: later test
     * classes in the same JVM (the GraphQL over HTTP audit asks for {@code __type}) must find it on again.
     */
    @AfterAll
    static void introspectionBackOnForTheRestOfTheJvm() {
        Introspection.enabledJvmWide(true);
    }

    @Test
    void introspectionIsOff() {
        var response = new GraphQl(port, null).post("{ __schema { queryType { name } } }");
        assertThat(response.errors()).isNotEmpty();
        assertThat(response.data().path("__schema").isMissingNode()
                        || response.data().path("__schema").isNull())
                .isTrue();
    }

    @Test
    void graphiqlIsNotServed() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphiql"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(401, 403, 404);
    }

    @Test
    void thereAreNoDemoAccounts() {
        var login = new GraphQl(port, null)
                .post(
                        resource("operations/common/Login.graphql"),
                        java.util.Map.of("username", "admin", "password", "admin-demo"))
                .ok()
                .path("login");
        assertThat(login.path("errors").path(0).path("code").asString()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void anonymousCallersRunOnlyTheAppsOwnOperations() {
        var anonymous = new GraphQl(port, null);
        var own = resource("operations/citizen/CitizenRankings.graphql");
        var ran = anonymous.post(own, java.util.Map.of("first", 5));
        assertThat(ran.errors()).isEmpty();
        assertThat(ran.data().path("citizenRankings").isObject()).isTrue();

        var theirs = anonymous.post("{ citizenRankings(first: 5) { edges { cursor } } }");
        assertThat(theirs.status()).isEqualTo(403);
        assertThat(theirs.firstErrorCode()).isEqualTo("UNTRUSTED_DOCUMENT");
        assertThat(anonymous.post("{ __typename }").firstErrorCode()).isEqualTo("UNTRUSTED_DOCUMENT");
        // the server maps /%67raphql to /graphql: the same check holds there (it ran any document before)
        var encoded = GraphQl.at(port, "/%67raphql", null).post("{ citizenRankings(first: 5) { edges { cursor } } }");
        assertThat(encoded.status()).isEqualTo(403);
        assertThat(encoded.firstErrorCode()).isEqualTo("UNTRUSTED_DOCUMENT");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.neo4j.driver.Driver driver;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwords;

    /** Issue 18 item 3: accounts holding only app-only roles send only the app's operations; analysts their own too. */
    @Test
    void appOnlyRolesRunOnlyTheAppsOperationsAndAnalystsTheirOwnToo() {
        var inspector = new GraphQl(port, token("prod-inspector", "INSPECTOR"));
        assertThat(inspector
                        .post(resource("operations/common/Me.graphql"))
                        .ok()
                        .path("me")
                        .path("username")
                        .asString())
                .isEqualTo("prod-inspector");
        var theirs = inspector.post("{ me { username roles } }");
        assertThat(theirs.status()).isEqualTo(403);
        assertThat(theirs.firstErrorCode()).isEqualTo("UNTRUSTED_DOCUMENT");
        var hashOnly = inspector.raw("{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
                + org.dutygraph.platform.graphql.limits.TrustedDocuments.sha256(
                        resource("operations/common/Me.graphql").strip())
                + "\"}}}");
        assertThat(hashOnly.ok().path("me").path("username").asString()).isEqualTo("prod-inspector");

        var analyst = new GraphQl(port, token("prod-analyst", "ANALYST"));
        assertThat(analyst.post("{ me { username roles } }")
                        .ok()
                        .path("me")
                        .path("username")
                        .asString())
                .isEqualTo("prod-analyst");
    }

    private String token(String username, String role) {
        try (var session = driver.session()) {
            session.run(
                            "MERGE (a:Account {username: $u}) SET a.passwordHash = $h, a.roles = [$r]",
                            java.util.Map.of(
                                    "u", username, "h", passwords.encode("pw-" + username + "-long"), "r", role))
                    .consume();
        }
        return new GraphQl(port, null)
                .post(
                        resource("operations/common/Login.graphql"),
                        java.util.Map.of("username", username, "password", "pw-" + username + "-long"))
                .ok()
                .path("login")
                .path("token")
                .asString();
    }

    @Test
    void untrustedDocumentsSentByGetAreRefusedToo() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + "/graphql?query=%7B__typename%7D"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).doesNotContain("\"data\"");
    }

    private static String resource(String path) {
        try {
            return new org.springframework.core.io.ClassPathResource(path)
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
