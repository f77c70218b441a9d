package org.dutygraph.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddressParser;
import org.neo4j.configuration.ssl.ClientAuth;
import org.neo4j.configuration.ssl.SslPolicyConfig;
import org.neo4j.configuration.ssl.SslPolicyScope;

/**
 * infra/neo4j-cluster's settings against the Neo4j 5.26 jars: every name the community jars declare loads in Neo4j's
 * own strict Config with its value; the Enterprise-only cluster settings are the pinned list, checked by value here.
 * That they start an Enterprise cluster is not exercised on this machine (no Enterprise jars, no Docker).
 */
class Neo4jClusterConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {"neo4j.conf", "neo4j-read-replica.conf"})
    void communitySettingsLoadInNeo4jsOwnStrictConfig(String file) {
        var settings = ClusterConfFiles.read(ClusterConfFiles.INFRA_CLUSTER.resolve(file));
        var config =
                Config.newBuilder().setRaw(ClusterConfFiles.community(settings)).build();

        assertThat(config.get(BoltConnector.encryption_level)).isEqualTo(BoltConnector.EncryptionLevel.REQUIRED);
        var bolt = SslPolicyConfig.forScope(SslPolicyScope.BOLT);
        assertThat(config.get(bolt.enabled))
                .as("REQUIRED TLS needs an enabled bolt policy")
                .isTrue();
        assertThat(config.get(bolt.private_key)).isNotNull();
        assertThat(config.get(bolt.public_certificate)).isNotNull();
        var cluster = SslPolicyConfig.forScope(SslPolicyScope.CLUSTER);
        assertThat(config.get(cluster.enabled)).as("intra-cluster encryption").isTrue();
        assertThat(config.get(cluster.client_auth))
                .as("servers authenticate each other")
                .isEqualTo(ClientAuth.REQUIRE);
        assertThat(config.get(cluster.trust_all)).isFalse();
    }

    @Test
    void strictConfigRefusesAMisspelledName() {
        assertThatThrownBy(() -> Config.newBuilder()
                        .setRaw(Map.of("server.routing.default_router", "SERVER"))
                        .build())
                .hasMessageContaining("server.routing.default_router");
    }

    @Test
    void theEnterpriseOnlyListHidesNoCommunitySetting() {
        var declared = Config.defaults().getDeclaredSettings().keySet();
        assertThat(ClusterConfFiles.ENTERPRISE_ONLY)
                .allSatisfy(name -> assertThat(declared).doesNotContain(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"neo4j.conf", "neo4j-read-replica.conf"})
    void clusterSettingsUseDiscoveryV2OnTheClusterPort(String file) {
        var settings = ClusterConfFiles.read(ClusterConfFiles.INFRA_CLUSTER.resolve(file));
        assertThat(settings)
                .containsEntry("dbms.cluster.discovery.version", "V2_ONLY")
                .containsEntry("dbms.cluster.discovery.resolver_type", "LIST")
                .containsEntry("initial.dbms.default_primaries_count", "3")
                .containsEntry("initial.dbms.default_secondaries_count", "1")
                .doesNotContainKeys(
                        "dbms.cluster.discovery.endpoints",
                        "server.discovery.listen_address",
                        "server.discovery.advertised_address");
        var endpoints = Arrays.stream(
                        settings.get("dbms.cluster.discovery.v2.endpoints").split(","))
                .map(e -> SocketAddressParser.socketAddress(
                        e.strip(), org.neo4j.configuration.helpers.SocketAddress::new))
                .toList();
        assertThat(endpoints)
                .hasSize(3)
                .allSatisfy(address -> assertThat(address.getPort()).isEqualTo(6000));
        assertThat(SocketAddressParser.socketAddress(
                                settings.get("server.cluster.listen_address"),
                                org.neo4j.configuration.helpers.SocketAddress::new)
                        .getPort())
                .isEqualTo(6000);
        assertThat(settings.values()).noneMatch(value -> value.matches(".*:5000\\b.*"));
    }

    @Test
    void theReadReplicaDiffersOnlyInItsMode() {
        var primary = ClusterConfFiles.read(ClusterConfFiles.PRIMARY);
        var replica = ClusterConfFiles.read(ClusterConfFiles.READ_REPLICA);
        assertThat(primary)
                .containsEntry("server.cluster.system_database_mode", "PRIMARY")
                .containsEntry("initial.server.mode_constraint", "PRIMARY");
        assertThat(replica)
                .containsEntry("server.cluster.system_database_mode", "SECONDARY")
                .containsEntry("initial.server.mode_constraint", "SECONDARY");
        primary.keySet()
                .removeAll(java.util.List.of("server.cluster.system_database_mode", "initial.server.mode_constraint"));
        replica.keySet()
                .removeAll(java.util.List.of("server.cluster.system_database_mode", "initial.server.mode_constraint"));
        assertThat(replica).isEqualTo(primary);
    }
}
