package org.dutygraph.benchmarks;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.org.generator.BundleGenerator;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The foundation benchmark: generate a bundle, import it into a fresh embedded store, then time the
 * unit page over GraphQL/HTTP. Baselines run in the same process: a 1% bundle for import throughput
 * and a trivial GraphQL request for the unit page; ratios are printed against both and the targets.
 */
final class ImportBenchmark implements Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final double IMPORT_TARGET_SECONDS = 600;
    static final double UNIT_PAGE_TARGET_MS = 50;

    static final String UNIT_PAGE = """
            query($id: ID!) { unit(id: $id) { id name classification area { id name } parent { id name }
              sections { id name } staffing { quota posts filledPosts vacantPosts staff }
              supervisors { kind post { id label } }
              posts(first: 20) { edges { node { id label role vacant holders { id name } backup { id } } } }
              duties(first: 20) { edges { node { id text holder { __typename } objects { id label } } } } } }""";

    private final PrintStream out;

    ImportBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public int run(Map<String, String> options) throws Exception {
        var parameters = BenchmarkSupport.parameters(options, 0, 1);
        var baselineParameters = BenchmarkSupport.parameters(options, 1, 100);
        var work = BenchmarkSupport.tempDirectory("dutygraph-bench");
        out.printf(
                "Benchmark in %s, heap max %d MiB, %d cores%n",
                work,
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());

        var baselineFile = work.resolve("baseline.json");
        var bundleFile = work.resolve("bundle.json");
        BenchmarkSupport.generate(out, baselineFile, baselineParameters);
        BenchmarkSupport.generate(out, bundleFile, parameters);

        try (var context = BenchmarkSupport.start(
                work.resolve("store"),
                options.getOrDefault("page-cache", "1g"),
                "--dutygraph.conflicts.analyze-after-import=false")) {
            var imports = context.getBean(BundleImportService.class);
            var baselineSeconds = BenchmarkSupport.importFile(imports, baselineFile);
            double seconds;
            long peakHeap;
            try (var heap = HeapGauge.start()) {
                seconds = BenchmarkSupport.importFile(imports, bundleFile);
                peakHeap = heap.liveMiB();
            }
            var perEntryRatio = (seconds / baselineSeconds) / 100.0;
            out.printf("IMPORT  %s%n", parameters);
            out.printf(
                    "IMPORT  full %.1f s, 1%% baseline %.2f s, per-entry cost ratio full/baseline %.2f, time/target(600 s) %.2f, heap live after GC %d MiB%n",
                    seconds, baselineSeconds, perEntryRatio, seconds / IMPORT_TARGET_SECONDS, peakHeap);

            var port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var http = new Http(port, login(port));
            var unitIds = sampleUnits(parameters, 200);
            var baseline = http.percentiles("{ __typename }", List.of(Map.of()), 2000);
            var variables =
                    unitIds.stream().map(id -> Map.<String, Object>of("id", id)).toList();
            var page = http.percentiles(UNIT_PAGE, variables, 2000);
            out.printf(
                    "UNITPAGE p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; trivial request p95 %.1f ms; ratio p95/trivial %.1f, p95/target(50 ms) %.2f%n",
                    page[0], page[1], page[2], baseline[1], page[1] / baseline[1], page[1] / UNIT_PAGE_TARGET_MS);
            var pass = seconds <= IMPORT_TARGET_SECONDS && peakHeap <= 4096 && page[1] <= UNIT_PAGE_TARGET_MS;
            out.println(pass ? "RESULT within targets" : "RESULT OUTSIDE TARGETS");
            return pass ? 0 : 1;
        }
    }

    private static List<String> sampleUnits(BundleGenerator.Parameters parameters, int count) {
        var random = new SplittableRandom(parameters.seed());
        var ids = new ArrayList<String>();
        int departments = Math.max(1, (parameters.units() - 1) / 10);
        for (int i = 0; i < count; i++) {
            int unit = 1 + random.nextInt(parameters.units() - 1);
            ids.add(unit <= departments ? "dep-" + unit : "sec-" + unit);
        }
        return ids;
    }

    private static String login(int port) throws Exception {
        var response = new Http(port, null)
                .post(
                        "mutation { login(input: {username: \"analyst\", password: \"analyst-demo\"}) { token } }",
                        Map.of());
        return JSON.readTree(response).path("data").path("login").path("token").asString();
    }

    private record Http(int port, String token) {
        private static final HttpClient CLIENT = HttpClient.newHttpClient();

        String post(String query, Map<String, Object> variables) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                throw new IllegalStateException("Request failed: " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        /** Warms up, then returns p50, p95 and p99 in milliseconds over {@code requests} sequential calls. */
        double[] percentiles(String query, List<Map<String, Object>> variables, int requests) throws Exception {
            for (int i = 0; i < Math.min(300, requests); i++) {
                post(query, variables.get(i % variables.size()));
            }
            var times = new double[requests];
            for (int i = 0; i < requests; i++) {
                var started = System.nanoTime();
                post(query, variables.get(i % variables.size()));
                times[i] = (System.nanoTime() - started) / 1e6;
            }
            Arrays.sort(times);
            return new double[] {times[requests / 2], times[(int) (requests * 0.95)], times[(int) (requests * 0.99)]};
        }
    }
}
