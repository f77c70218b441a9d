package org.dutygraph.platform.neo4j;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the in-JVM Neo4j that starts when no {@code spring.neo4j.uri} is configured.
 *
 * @param dataDirectory where the store lives; survives restarts
 * @param boltPort      loopback Bolt port; 0 picks a free one
 * @param pageCache     page cache size in Neo4j notation, e.g. {@code 512m}
 * @param boltPassword  password of the Bolt user {@code neo4j}, for tools that read the running store; random per
 *                      process when unset (the usual case). Pass it in the environment
 *                      ({@code DUTYGRAPH_EMBEDDED_BOLTPASSWORD}), not on the command line, where {@code ps} shows it.
 * @param enabled       false keeps the embedded store off even without {@code spring.neo4j.uri} (tests whose
 *                      container provides the connection); true by default
 */
@ConfigurationProperties("dutygraph.embedded")
public record EmbeddedNeo4jProperties(
        Path dataDirectory, Integer boltPort, String pageCache, String boltPassword, Boolean enabled) {

    public EmbeddedNeo4jProperties {
        dataDirectory = dataDirectory == null ? Path.of("data", "neo4j") : dataDirectory;
        boltPort = boltPort == null ? 0 : boltPort;
        pageCache = pageCache == null ? "512m" : pageCache;
        boltPassword = boltPassword == null || boltPassword.isBlank() ? null : boltPassword;
        enabled = enabled == null || enabled;
    }

    @Override
    public String toString() {
        return "EmbeddedNeo4jProperties[dataDirectory=" + dataDirectory + ", boltPort=" + boltPort + ", pageCache="
                + pageCache + ", boltPassword=" + (boltPassword == null ? "random" : "(set)") + "]";
    }
}
