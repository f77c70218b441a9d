package org.dutygraph.benchmarks;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.dutygraph.complaints.CitizenComplaints;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.neo4j.driver.Driver;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The complaint submission benchmark: anonymous submissions (no photos) over GraphQL/HTTP against the
 * demo city on a fresh embedded store with its default, durable commits, offered at a fixed rate
 * (open loop, latency measured from the planned send time, so a slow server cannot hide its queue).
 * Baseline: a trivial GraphQL request offered at the same rate in the same process. Both are measured
 * after a warm-up of submissions at the same rate that lasts until the JIT compilers have settled; the warm-up's
 * first 10 s, the first submissions after start, are reported as the cold start next to them.
 */
final class ComplaintBenchmark implements Benchmark {

    static final double TARGET_RATE = 200;
    static final double TARGET_P99_MS = 200;
    private static final int COLD_SECONDS = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SUBMIT = """
            mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) {
              receipt complaint { number status } errors { code } } }""";

    private final PrintStream out;

    ComplaintBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public int run(Map<String, String> options) throws Exception {
        double rate = Double.parseDouble(options.getOrDefault("rate", String.valueOf(TARGET_RATE)));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        var store = BenchmarkSupport.tempDirectory("dutygraph-complaint-bench");
        // One client address sends everything here, so the per-address anonymous limit is lifted for the run.
        var arguments = new ArrayList<>(List.of(
                "--dutygraph.demo.load=true",
                "--dutygraph.rate-limits.fields-per-minute=100000000",
                "--dutygraph.rate-limits.fields-per-hour=100000000",
                "--dutygraph.complaints.pepper-file=" + store.resolve("pepper.key")));
        // --rehearsal 0s: the start as it was before the start-up rehearsal (the service's default otherwise)
        if (options.containsKey("rehearsal")) {
            arguments.add("--dutygraph.complaints.rehearsal=" + options.get("rehearsal"));
        }
        long starting = System.nanoTime();
        try (var context = BenchmarkSupport.start(store, "256m", arguments.toArray(String[]::new))) {
            out.printf(
                    "START  ready in %.1f s (demo load, then the complaint start-up rehearsal of %s)%n",
                    (System.nanoTime() - starting) / 1e9,
                    context.getEnvironment().getProperty("dutygraph.complaints.rehearsal", "20s"));
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var units = BenchmarkSupport.ids(
                    context.getBean(Driver.class), "MATCH (o:Organization) RETURN o.id AS id ORDER BY id");
            // --targets units: every complaint names a unit; mixed (default): one in three names a matter instead
            var items = options.getOrDefault("targets", "mixed").equals("units")
                    ? List.<String>of()
                    : BenchmarkSupport.ids(
                            context.getBean(Driver.class),
                            "MATCH (:Duty)-[:EXERCISES]->(p:PowerItem) RETURN DISTINCT p.id AS id ORDER BY id");
            if (units.isEmpty()) {
                throw new IllegalStateException("The demo city did not load");
            }
            try (var client = new OpenLoopLoad(
                    "http://127.0.0.1:" + port + "/graphql",
                    Integer.parseInt(options.getOrDefault("connections", "64")))) {
                return run(context, client, rate, seconds, units, items, options);
            }
        }
    }

    private int run(
            ConfigurableApplicationContext context,
            OpenLoopLoad client,
            double rate,
            int seconds,
            List<String> units,
            List<String> items,
            Map<String, String> options)
            throws InterruptedException {
        IntFunction<String> trivial = i -> JSON.writeValueAsString(Map.of("query", "{ __typename }"));
        IntFunction<String> submission = i -> JSON.writeValueAsString(
                Map.of("query", SUBMIT, "variables", Map.of("input", complaint(i, units, items))));
        // A server runs for weeks: measure it warm. The JIT compilers still took a third of the CPU after 4,000
        // submissions here (Neo4j's Cypher runtime and the driver are large), so the warm-up goes on, in slices of
        // 10 s at the full rate, until they use less than 5% of a core (or for at most --warmup-seconds).
        int maxWarmup = Integer.parseInt(options.getOrDefault("warmup-seconds", "300"));
        var jit = ManagementFactory.getCompilationMXBean();
        // Cold: the first submissions after start, as the first citizens after a deployment meet them. They count as
        // the warm-up's first slice.
        var cold = client.offer(submission, rate, COLD_SECONDS, ComplaintBenchmark::failed);
        client.offer(trivial, rate, 3, ComplaintBenchmark::failed);
        int warmed = COLD_SECONDS;
        double compiling;
        do {
            long before = jit.getTotalCompilationTime();
            client.offer(submission, rate, 10, ComplaintBenchmark::failed);
            warmed += 10;
            compiling = (jit.getTotalCompilationTime() - before) / 10_000.0;
        } while (warmed < maxWarmup && (warmed < 30 || compiling >= 0.05));
        out.printf(
                "WARM-UP %d s of submissions at %.0f/s; the JIT compilers used %.0f%% of a core in the last 10 s%n",
                warmed, rate, compiling * 100);
        var baseline = client.offer(trivial, rate, seconds, ComplaintBenchmark::failed);
        var submit = client.offer(submission, rate, seconds, ComplaintBenchmark::failed);
        out.printf(
                "BASELINE trivial request at %.0f/s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; %.2f CPU-ms each%n",
                rate, baseline.p50(), baseline.p95(), baseline.p99(), baseline.cpuMs());
        out.printf(
                "SUBMIT %d complaints in %.1f s (%.0f/s offered, %.1f/s done), %d failed: p50 %.1f ms, p95 %.1f ms, "
                        + "p99 %.1f ms (target %.0f ms, ratio to target %.2f; ratio p99 to baseline p99 %.1f); %.2f CPU-ms each "
                        + "(%.1f x baseline)%n",
                submit.sent(),
                submit.seconds(),
                rate,
                submit.throughput(),
                submit.failed(),
                submit.p50(),
                submit.p95(),
                submit.p99(),
                TARGET_P99_MS,
                submit.p99() / TARGET_P99_MS,
                submit.p99() / baseline.p99(),
                submit.cpuMs(),
                submit.cpuMs() / baseline.cpuMs());
        out.printf(
                "COLD   the first %d s of submissions after start at %.0f/s (%d sent, %d failed): p50 %.1f ms, p95 %.1f ms,"
                        + " p99 %.1f ms (%.1f x the warm p99; the target is for a warm server); %.2f CPU-ms each%n",
                COLD_SECONDS,
                rate,
                cold.sent(),
                cold.failed(),
                cold.p50(),
                cold.p95(),
                cold.p99(),
                cold.p99() / submit.p99(),
                cold.cpuMs());
        out.println("SUBMIT CPU-ms per complaint by thread group: " + top(submit.cpuThreads()));
        var batches = context.getBean(MeterRegistry.class)
                .find("dutygraph.complaints.submission.batch")
                .summary();
        if (batches != null) {
            out.printf(
                    "SUBMIT complaints per transaction since start: mean %.1f, max %.0f%n",
                    batches.mean(), batches.max());
        }
        out.println("BASELINE CPU-ms per request by thread group: " + top(baseline.cpuThreads()));
        var direct = direct(
                context.getBean(CitizenComplaints.class),
                units,
                items,
                Integer.parseInt(options.getOrDefault("direct-seconds", "10")));
        out.printf(
                "DIRECT the submission service alone (no HTTP, no GraphQL), 8 threads: %.0f/s (ratio to the target rate %.2f); "
                        + "%.2f CPU-ms each: %s%n",
                direct.throughput(), direct.throughput() / rate, direct.cpuMs(), top(direct.cpuThreads()));
        boolean ok = submit.failed() == 0 && submit.p99() <= TARGET_P99_MS && submit.throughput() >= rate * 0.95;
        out.println(ok ? "PASS" : "FAIL");
        return ok ? 0 : 1;
    }

    /** Submissions per second through the service bean itself, closed loop: what HTTP and GraphQL add is the rest. */
    private static OpenLoopLoad.Result direct(
            CitizenComplaints citizens, List<String> units, List<String> items, int seconds)
            throws InterruptedException {
        var done = new AtomicInteger();
        var cpuBefore = CpuReading.now();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 8; t++) {
            var thread = new Thread(() -> {
                for (int i = done.get(); System.nanoTime() < until; i = done.incrementAndGet()) {
                    var target = i % 3 == 0 && !items.isEmpty()
                            ? new ComplaintTarget(null, null, null, null, items.get(i % items.size()), null, null)
                            : new ComplaintTarget(units.get(i % units.size()), null, null, null, null, null, null);
                    citizens.submit(new CitizenComplaints.Submission(
                            UUID.randomUUID().toString(),
                            target,
                            "BUCK_PASSING",
                            "基准测试投诉 " + i + "：窗口工作人员推诿，要求多次补交材料。",
                            null,
                            null,
                            null,
                            List.of(),
                            null,
                            null));
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        int sent = done.get();
        var cpuAfter = CpuReading.now();
        return new OpenLoopLoad.Result(
                sent,
                0,
                seconds,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                cpuBefore.msPerRequest(cpuAfter, sent),
                cpuBefore.byThreadGroup(cpuAfter, sent));
    }

    private static Map<String, Object> complaint(int i, List<String> units, List<String> items) {
        var target = i % 3 == 0 && !items.isEmpty()
                ? Map.<String, Object>of("powerItemId", items.get(i % items.size()))
                : Map.<String, Object>of("unitId", units.get(i % units.size()));
        return Map.of(
                "submissionId",
                UUID.randomUUID().toString(),
                "target",
                target,
                "category",
                "BUCK_PASSING",
                "description",
                "基准测试投诉 " + i + "：窗口工作人员推诿，要求多次补交材料。");
    }

    private static String top(Map<String, Double> cpuThreads) {
        var sb = new StringBuilder();
        cpuThreads.entrySet().stream()
                .limit(8)
                .forEach(e -> sb.append(String.format("%s %.2f, ", e.getKey(), e.getValue())));
        return sb.length() == 0 ? "" : sb.substring(0, sb.length() - 2);
    }

    /** GraphQL errors, or a payload with user errors. */
    private static boolean failed(String body) {
        var json = JSON.readTree(body);
        if (!json.path("errors").isMissingNode()) {
            return true;
        }
        var payload = json.path("data").path("submitComplaint");
        return !payload.isMissingNode() && !payload.path("errors").isEmpty();
    }
}
