package org.dutygraph.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * The Bolt side of infra/neo4j-cluster/neo4j.conf on a real Neo4j 5.26 (community, in this JVM): with the file's
 * TLS settings and certificates where its SSL policies look for them, the server starts, the driver URI the
 * README gives for a self-signed certificate ({@code neo4j+ssc://}) routes and runs a query, and plain
 * {@code neo4j://} is refused. Only the Enterprise cluster settings and the addresses are left out.
 */
class ClusterBoltTlsIT {

    @TempDir
    Path home;

    @Test
    void theFilesTlsSettingsServeNeo4jPlusSscAndRefusePlainBolt() throws Exception {
        for (var scope : new String[] {"bolt", "cluster"}) {
            var directory = Files.createDirectories(home.resolve("certificates").resolve(scope));
            selfSignedCertificate(directory);
            Files.createDirectories(directory.resolve("trusted"));
            Files.copy(directory.resolve("public.crt"), directory.resolve("trusted/public.crt"));
        }
        var settings = new LinkedHashMap<>(ClusterConfFiles.community(ClusterConfFiles.read(ClusterConfFiles.PRIMARY)));
        settings.put("server.default_listen_address", "127.0.0.1");
        settings.put("server.default_advertised_address", "localhost");
        settings.put("server.bolt.listen_address", "127.0.0.1:0");
        settings.put("server.routing.listen_address", "127.0.0.1:0");
        settings.put("server.memory.pagecache.size", "64m");
        var conf = home.resolve("neo4j.conf");
        Files.writeString(
                conf,
                settings.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n")));

        var service = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .build();
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally("ALTER USER neo4j SET PASSWORD 'tls-test-password' CHANGE NOT REQUIRED");
            int port = ((GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME))
                    .getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
            var auth = AuthTokens.basic("neo4j", "tls-test-password");

            try (var driver = GraphDatabase.driver("neo4j+ssc://localhost:" + port, auth);
                    var session = driver.session()) {
                int one = session.executeRead(
                        tx -> tx.run("RETURN 1 AS one").single().get("one").asInt());
                assertThat(one).isEqualTo(1);
            }
            try (var plain = GraphDatabase.driver(
                    "neo4j://localhost:" + port,
                    auth,
                    org.neo4j.driver.Config.builder()
                            .withConnectionTimeout(10, TimeUnit.SECONDS)
                            .build())) {
                assertThatThrownBy(plain::verifyConnectivity).as("a TLS-only server refuses plain Bolt");
            }
        } finally {
            service.shutdown();
        }
    }

    private static void selfSignedCertificate(Path directory) throws Exception {
        var process = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "1",
                        "-subj",
                        "/CN=localhost",
                        "-addext",
                        "subjectAltName=DNS:localhost,IP:127.0.0.1",
                        "-keyout",
                        directory.resolve("private.key").toString(),
                        "-out",
                        directory.resolve("public.crt").toString())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }
}
