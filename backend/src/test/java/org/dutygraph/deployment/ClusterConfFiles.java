package org.dutygraph.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** infra/neo4j-cluster's neo4j.conf files, read as Neo4j reads them (key=value lines, # comments). */
final class ClusterConfFiles {

    static final Path INFRA_CLUSTER = InfraFiles.INFRA.resolve("neo4j-cluster");
    static final Path PRIMARY = INFRA_CLUSTER.resolve("neo4j.conf");
    static final Path READ_REPLICA = INFRA_CLUSTER.resolve("neo4j-read-replica.conf");

    /**
     * Settings of Neo4j 5.26 Enterprise that the community jars here do not declare, so they cannot be loaded by
     * Neo4j's own Config; each was checked against the 5.26 configuration reference, and their values are checked
     * by hand in Neo4jClusterConfigTest. Every other setting in the files must load in the 5.26 community Config.
     */
    static final Set<String> ENTERPRISE_ONLY = Set.of(
            "dbms.cluster.discovery.version",
            "dbms.cluster.discovery.resolver_type",
            "dbms.cluster.discovery.v2.endpoints",
            "server.cluster.listen_address",
            "server.cluster.raft.listen_address",
            "server.cluster.system_database_mode",
            "initial.server.mode_constraint",
            "initial.dbms.default_primaries_count",
            "initial.dbms.default_secondaries_count");

    private ClusterConfFiles() {}

    static Map<String, String> read(Path file) {
        try {
            var settings = new LinkedHashMap<String, String>();
            for (var line : Files.readAllLines(file)) {
                var trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
                int equals = trimmed.indexOf('=');
                if (equals < 0) throw new AssertionError("not a setting: " + line);
                var previous = settings.put(
                        trimmed.substring(0, equals).strip(),
                        trimmed.substring(equals + 1).strip());
                if (previous != null) throw new AssertionError("set twice: " + line);
            }
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings the community jars declare, for Neo4j's Config (strict: an unknown name fails). */
    static Map<String, String> community(Map<String, String> settings) {
        var community = new LinkedHashMap<>(settings);
        community.keySet().removeAll(ENTERPRISE_ONLY);
        return community;
    }
}
