package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.dutygraph.platform.neo4j.EmbeddedNeo4jProperties;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.internal.security.InternalAuthToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;

/**
 * The embedded database's Bolt connector is on loopback, where every local process can reach it: it asks for
 * the password the application set at start, which shows neither in the health endpoint nor in Neo4j's logs.
 */
class EmbeddedBoltAuthApiTest extends ApiTest {

    @Autowired
    ObjectProvider<EmbeddedNeo4jProperties> embedded;

    @Autowired
    Neo4jConnectionDetails connection;

    @BeforeEach
    void onlyWithTheEmbeddedDatabase() {
        assumeTrue(embedded.getIfAvailable() != null, "runs against a Neo4j server, not the embedded one");
    }

    @Test
    void boltRefusesClientsWithoutTheApplicationsPassword() {
        for (var token : new AuthToken[] {
            AuthTokens.none(), AuthTokens.basic("neo4j", "neo4j"), AuthTokens.basic("neo4j", "wrong-password")
        }) {
            try (var stranger = GraphDatabase.driver(connection.getUri(), token)) {
                assertThatThrownBy(stranger::verifyConnectivity).isInstanceOf(SecurityException.class);
            }
        }
        try (var application = GraphDatabase.driver(connection.getUri(), connection.getAuthToken())) {
            application.verifyConnectivity();
        }
    }

    @Test
    void theApplicationWorksAndThePasswordIsShownNowhere() throws Exception {
        var password = ((InternalAuthToken) connection.getAuthToken())
                .toMap()
                .get("credentials")
                .asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(as("analyst")
                        .post("{ me { username } }")
                        .ok()
                        .path("me")
                        .path("username")
                        .asString())
                .isEqualTo("analyst");

        var health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"").doesNotContain(password);

        try (var files = Files.walk(embedded.getObject().dataDirectory())) {
            var logs = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".log"))
                    .toList();
            for (var log : logs) {
                assertThat(read(log)).as(log.toString()).doesNotContain(password);
            }
        }
        assertThat(embedded.getObject().toString()).doesNotContain(password);
    }

    private static String read(java.nio.file.Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
