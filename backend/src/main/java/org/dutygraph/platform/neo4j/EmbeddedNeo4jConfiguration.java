package org.dutygraph.platform.neo4j;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.GraphDatabaseSettings.TransactionStateMemoryAllocation;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts Neo4j community edition inside this JVM when no {@code spring.neo4j.uri} is set (and
 * {@code dutygraph.embedded.enabled} is not false: tests turn it off where a container provides the connection), and
 * points the normal driver at its loopback Bolt connector, so the application uses the same
 * code path as against a server or cluster.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isEmpty() and ${dutygraph.embedded.enabled:true}")
@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
public class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedNeo4j(EmbeddedNeo4jProperties properties) {
        var home = properties.dataDirectory().toAbsolutePath();
        log.info("Starting embedded Neo4j with its store in {}", home);
        OwnerOnly.directory(home);
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", properties.boltPort()))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // Boot's Netty 4.2 cannot run Neo4j 5.26's in-JVM local channel; TCP Bolt is fine.
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(HttpConnector.enabled, false)
                // Loopback is shared with every local process: Bolt asks for the password set below.
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // The password is random and long, so guessing is hopeless; a lock after failures would only let
                // any local process lock the application out of its own database.
                .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(properties.pageCache()))
                // Large bundle imports hold their transaction state off the Java heap.
                .setConfig(GraphDatabaseSettings.tx_state_memory_allocation, TransactionStateMemoryAllocation.OFF_HEAP)
                .build();
    }

    /**
     * Sets the password of the single native user {@code neo4j} through the embedded API (which needs none)
     * before the driver connects. Random per process unless {@code dutygraph.embedded.bolt-password} is set.
     */
    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(
            DatabaseManagementService embeddedNeo4j, EmbeddedNeo4jProperties properties) {
        var system = embeddedNeo4j.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        var password = properties.boltPassword();
        if (password != null) {
            // ALTER USER refuses the password the user already has, as after a restart with the same setting
            setPassword(system, randomPassword());
        } else {
            password = randomPassword();
        }
        setPassword(system, password);
        var credentials = AuthTokens.basic("neo4j", password);
        var api = (GraphDatabaseAPI) embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var address = api.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        var uri = URI.create("bolt://127.0.0.1:" + address.getPort());
        log.info("Embedded Neo4j Bolt connector listening on {}", uri);
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return credentials;
            }
        };
    }

    private static void setPassword(GraphDatabaseService system, String password) {
        system.executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    }

    private static String randomPassword() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
