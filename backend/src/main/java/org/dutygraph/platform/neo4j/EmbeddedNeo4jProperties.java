package org.dutygraph.platform.neo4j;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the in-JVM Neo4j that starts when no {@code spring.neo4j.uri} is configured.
 *
 * @param dataDirectory where the store lives; survives restarts
 * @param boltPort      loopback Bolt port; 0 picks a free one
 * @param pageCache     page cache size in Neo4j notation, e.g. {@code 512m}
 */
@ConfigurationProperties("dutygraph.embedded")
public record EmbeddedNeo4jProperties(Path dataDirectory, Integer boltPort, String pageCache) {

    public EmbeddedNeo4jProperties {
        dataDirectory = dataDirectory == null ? Path.of("data", "neo4j") : dataDirectory;
        boltPort = boltPort == null ? 0 : boltPort;
        pageCache = pageCache == null ? "512m" : pageCache;
    }
}
