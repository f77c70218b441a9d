package org.dutygraph.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.DutygraphApplication;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.org.bundle.BundleSource;
import org.dutygraph.org.bundle.ImportJob;
import org.dutygraph.org.generator.BundleGenerator;
import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** What the benchmarks share: generated bundles, a fresh application on a temp store, timed imports. */
final class BenchmarkSupport {

    private BenchmarkSupport() {}

    static BundleGenerator.Parameters parameters(Map<String, String> options, long seedOffset, int divisor) {
        return new BundleGenerator.Parameters(
                Long.parseLong(options.getOrDefault("seed", "42")) + seedOffset,
                Math.max(2, Integer.parseInt(options.getOrDefault("units", "5000")) / divisor),
                Math.max(2, Integer.parseInt(options.getOrDefault("posts", "100000")) / divisor),
                Integer.parseInt(options.getOrDefault("duties", "1000000")) / divisor,
                Double.parseDouble(options.getOrDefault("overlap-rate", "0.01")));
    }

    static List<BundleGenerator.PlantedOverlap> generate(
            PrintStream out, Path file, BundleGenerator.Parameters parameters) throws IOException {
        var started = System.nanoTime();
        try (var stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            var planted = new BundleGenerator(parameters).write(stream);
            out.printf(
                    "GENERATE %s %s: %d MiB in %.1f s, %d planted overlaps%n",
                    file.getFileName(),
                    parameters,
                    Files.size(file) >> 20,
                    (System.nanoTime() - started) / 1e9,
                    planted.size());
            return planted;
        }
    }

    /** A new temporary directory, deleted with everything in it when the benchmark's JVM exits. */
    static Path tempDirectory(String prefix) throws IOException {
        var directory = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(directory.toFile())));
        return directory;
    }

    /**
     * The bytes of the files under {@code directory} whose path contains {@code part} (or all of them when it is
     * empty), e.g. a store's transaction logs ({@code /transactions/}), which the page cache does not hold.
     */
    static long bytes(Path directory, String part) throws IOException {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().contains(part))
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    /**
     * The whole application on a fresh store, with the complaint pepper and evidence files beside it (nothing in
     * the working directory); command-line arguments so that they win over application.yml.
     */
    static ConfigurableApplicationContext start(Path store, String pageCache, String... extra) {
        var args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--dutygraph.demo.load=false",
                "--spring.main.banner-mode=off",
                "--dutygraph.embedded.data-directory=" + store,
                "--dutygraph.complaints.pepper-file=" + store.resolve("complaint-pepper.key"),
                "--dutygraph.inspections.evidence-directory=" + store.resolve("evidence"),
                "--dutygraph.embedded.page-cache=" + pageCache,
                "--logging.level.root=warn",
                "--logging.level.org.dutygraph.conflicts=info"));
        for (var option : extra) {
            // an option given again replaces the default (Spring would bind both values to one property)
            var name = option.contains("=") ? option.substring(0, option.indexOf('=') + 1) : option;
            args.removeIf(arg -> arg.startsWith(name));
            args.add(option);
        }
        return new SpringApplicationBuilder(DutygraphApplication.class).run(args.toArray(String[]::new));
    }

    /** The {@code id} column of a query's rows. */
    static List<String> ids(Driver driver, String query) {
        try (var session = driver.session()) {
            return session.run(query).list(r -> r.get("id").asString());
        }
    }

    /** Devices {@code <prefix>-token-<n>} of recipients {@code <prefix>:<n>} (Recipient.opaque), n below count. */
    static void registerDevices(Driver driver, String prefix, int count) {
        var rows = new ArrayList<Map<String, Object>>(count);
        for (int i = 0; i < count; i++) {
            rows.add(Map.of(
                    "recipient",
                    prefix + ":" + i,
                    "token",
                    prefix + "-token-" + i,
                    "id",
                    UUID.randomUUID().toString()));
        }
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    UNWIND $rows AS r
                    CREATE (:Device {id: r.id, token: r.token, recipient: r.recipient, platform: 'ANDROID', channel: 'fcm',
                                     registeredAt: $now, lastSeenAt: $now})""", Map.of("rows", rows, "now", System.currentTimeMillis()))
                    .consume());
        }
    }

    static double importFile(BundleImportService imports, Path file) throws IOException {
        var started = System.nanoTime();
        try (var in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
            var job = imports.submit(BundleSource.of(in), "benchmark");
            var state = imports.await(job.id(), Duration.ofHours(2));
            if (state.status() != ImportJob.Status.SUCCEEDED) {
                throw new IllegalStateException("Import did not succeed: " + state);
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
