package org.dutygraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            var store = Files.createTempDirectory(
                    storeParent(), STORE_PREFIX + ProcessHandle.current().pid() + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(store)));
            registry.add("dutygraph.embedded.data-directory", store::toString);
            registry.add("dutygraph.embedded.page-cache", () -> "64m");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String STORE_PREFIX = "dutygraph-test-neo4j-";

    /**
     * Where the test stores go: a tmpfs (/dev/shm) with room when there is one, else the temporary directory. A commit
     * waits for its log to reach the disk (about a millisecond each here, thousands of commits a suite) and a new store
     * writes its logs out; what the tests check is what the API answers, not that a store survives a power cut.
     * Stores of test processes that have ended are removed here first: they would hold memory there.
     */
    private static Path storeParent() {
        var shm = Path.of("/dev/shm");
        // -Ddutygraph.test.tmpfs=false keeps them on disk (to compare)
        if (!Boolean.parseBoolean(System.getProperty("dutygraph.test.tmpfs", "true"))) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
        try {
            if (Files.isDirectory(shm)
                    && Files.isWritable(shm)
                    && Files.getFileStore(shm).getUsableSpace() > 4L * 1024 * 1024 * 1024) {
                try (var stores = Files.list(shm)) {
                    stores.filter(Neo4jForTests::ofAnEndedProcess).forEach(Neo4jForTests::delete);
                }
                return shm;
            }
        } catch (IOException | RuntimeException notUsable) {
            // the temporary directory, then
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static boolean ofAnEndedProcess(Path store) {
        var name = store.getFileName().toString();
        if (!name.startsWith(STORE_PREFIX)) return false;
        var pid = name.substring(
                STORE_PREFIX.length(), Math.max(STORE_PREFIX.length(), name.indexOf('-', STORE_PREFIX.length())));
        try {
            return ProcessHandle.of(Long.parseLong(pid)).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void delete(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException gone) {
            // best effort: what is left goes when a later test process starts
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
