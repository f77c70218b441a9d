package org.dutygraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;

/**
 * The database tests run against: a Testcontainers Neo4j 5.26 where a Docker engine answers (connected through
 * {@code @ServiceConnection}, see {@link Neo4jContainerConnection}), else the embedded database on a fresh temporary
 * store. {@code -Ddutygraph.test.embedded=true} forces embedded.
 */
public final class Neo4jForTests {

    /** True where the container is used: a Docker engine answers and embedded is not forced. */
    public static boolean containerized() {
        return !Boolean.getBoolean("dutygraph.test.embedded")
                && DockerClientFactory.instance().isDockerAvailable();
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (containerized()) {
            registry.add("dutygraph.embedded.enabled", () -> "false");
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

    /** The condition of the container bean. */
    static final class DockerAnswers implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return containerized();
        }
    }

    private Neo4jForTests() {}
}
