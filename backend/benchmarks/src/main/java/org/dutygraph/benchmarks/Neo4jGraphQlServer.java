package org.dutygraph.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The baseline a competent user would run instead of dutygraph's read API: the Neo4j GraphQL Library
 * ({@code @neo4j/graphql} 6) on Apollo Server, with type definitions for the same labels and relationships
 * (resources neo4j-graphql/), installed with npm into a directory of its own and run by node against the same
 * store over Bolt. Absent (with the reason printed) where node or npm is missing or the install fails.
 */
final class Neo4jGraphQlServer implements AutoCloseable {

    static final List<String> PACKAGES =
            List.of("@neo4j/graphql@6.6.4", "@apollo/server@4", "graphql@16", "neo4j-driver@5");
    private static final String RESOURCES = "/neo4j-graphql/";

    private final Process process;
    private final int port;

    private Neo4jGraphQlServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Optional<Neo4jGraphQlServer> start(PrintStream out, Path directory, URI bolt, String password)
            throws IOException, InterruptedException {
        if (!onPath("node") || !onPath("npm")) {
            out.println("NEO4J-GRAPHQL skipped: node and npm are needed to run @neo4j/graphql (not found on PATH)");
            return Optional.empty();
        }
        Files.createDirectories(directory);
        for (var file : List.of("typeDefs.graphql", "server.mjs", "UnitPage.graphql")) {
            try (var in = Neo4jGraphQlServer.class.getResourceAsStream(RESOURCES + file)) {
                Files.write(directory.resolve(file), in.readAllBytes());
            }
        }
        Files.writeString(directory.resolve("package.json"), "{\"name\":\"unitpage-baseline\",\"private\":true}");
        var started = System.nanoTime();
        var install = new java.util.ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--silent"));
        install.addAll(PACKAGES);
        var npm = new ProcessBuilder(install)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("npm.log").toFile())
                .start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            out.println("NEO4J-GRAPHQL skipped: npm install failed, see " + directory.resolve("npm.log"));
            return Optional.empty();
        }
        out.printf("NEO4J-GRAPHQL installed %s in %.1f s%n", PACKAGES, (System.nanoTime() - started) / 1e9);
        var node = new ProcessBuilder("node", "server.mjs").directory(directory.toFile());
        node.environment().put("NEO4J_URI", bolt.toString());
        node.environment().put("NEO4J_PASSWORD", password);
        node.environment().put("PORT", "0");
        node.redirectError(directory.resolve("server.log").toFile());
        var process = node.start();
        var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String line; System.nanoTime() < deadline && (line = lines.readLine()) != null; ) {
            if (line.startsWith("READY ")) {
                return Optional.of(new Neo4jGraphQlServer(
                        process, Integer.parseInt(line.substring(6).trim())));
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("@neo4j/graphql did not start, see " + directory.resolve("server.log"));
    }

    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** The node process's CPU time so far, in ms (user and system, from /proc; NaN where /proc is missing). */
    double cpuMs() {
        try {
            var stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[11] and [12] are utime and stime (fields 14 and 15 of proc(5)), in clock ticks
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000.0 / clockTicks();
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static String operation() throws IOException {
        try (var in = Neo4jGraphQlServer.class.getResourceAsStream(RESOURCES + "UnitPage.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long clockTicks() {
        try {
            var getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Long.parseLong(new String(getconf.getInputStream().readAllBytes()).trim());
        } catch (IOException | RuntimeException e) {
            return 100;
        }
    }

    private static boolean onPath(String command) {
        try {
            var probe = new ProcessBuilder(command, "--version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
