package org.dutygraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The database tests run against: a Testcontainers Neo4j 5.26 where a Docker engine answers, else the
 * embedded database on a fresh temporary store. {@code -Ddutygraph.test.embedded=true} forces embedded.
 */
public final class Neo4jForTests {

    private static Neo4jContainer container;

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (!Boolean.getBoolean("dutygraph.test.embedded")
                && DockerClientFactory.instance().isDockerAvailable()) {
            if (container == null) {
                container = new Neo4jContainer("neo4j:5.26").withoutAuthentication();
                container.start();
            }
            registry.add("spring.neo4j.uri", container::getBoltUrl);
            return;
        }
        try {
            var store = Files.createTempDirectory("dutygraph-test-neo4j");
            store.toFile().deleteOnExit();
            registry.add("dutygraph.embedded.data-directory", store::toString);
            registry.add("dutygraph.embedded.page-cache", () -> "64m");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Neo4jForTests() {}
}
