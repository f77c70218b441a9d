package org.dutygraph.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dutygraph.conflicts.ConflictAnalysisService;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.restructuring.scenarios.ScenarioStep;
import org.dutygraph.restructuring.scenarios.Scenarios;

/**
 * Scenario analysis against a full analysis of the same graph, in the same run. The baseline is what a team
 * would run instead: a full conflict analysis of the live graph (projection read from the store, then the
 * engine; nothing stored, as a scenario's analysis stores nothing). The scenario moves ten duties of one
 * department to another and merges two sections; its analysis exports today's graph, replays the steps in
 * memory and runs the same engine. The export is kept until the next import, so the first scenario analysis after
 * an import pays for it and the next do not: both are printed. Each is run once (cold), then three times; the
 * medians are compared.
 */
final class ScenarioBenchmark implements Benchmark {

    private final PrintStream out;

    ScenarioBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public int run(Map<String, String> options) throws Exception {
        var work = BenchmarkSupport.tempDirectory("dutygraph-scenario-bench");
        var withDefaults = new java.util.HashMap<>(Map.of("units", "500", "posts", "10000", "duties", "100000"));
        withDefaults.putAll(options);
        var parameters = BenchmarkSupport.parameters(withDefaults, 0, 1);
        BenchmarkSupport.generate(out, work.resolve("city.json"), parameters);
        try (var context = BenchmarkSupport.start(
                work.resolve("store"),
                withDefaults.getOrDefault("page-cache", "512m"),
                "--dutygraph.conflicts.analyze-after-import=false")) {
            var seconds =
                    BenchmarkSupport.importFile(context.getBean(BundleImportService.class), work.resolve("city.json"));
            out.printf("IMPORT  %s in %.1f s%n", parameters, seconds);
            var analysis = context.getBean(ConflictAnalysisService.class);
            var scenarios = context.getBean(Scenarios.class);
            var scenario = draft(scenarios, parameters.units());
            // a new version of the live graph, so that the first scenario analysis below exports it again
            var extra = work.resolve("extra.json");
            java.nio.file.Files.writeString(extra, """
                    {"format": "org-bundle/1", "duties": [{"id": "bench-extra", "holder_id": "dep-1", "text": "基准测试追加职责"}]}""");
            BenchmarkSupport.importFile(context.getBean(BundleImportService.class), extra);
            var full = times(() -> analysis.analyzeNow().size());
            var projected =
                    times(() -> scenarios.analyse(scenario).state().findings().size());
            var ratio = projected[1] / full[1];
            out.printf(
                    "FULL     full analysis of the live graph (load projection + engine): first %.2f s, then median %.2f s%n",
                    full[0], full[1]);
            out.printf(
                    "SCENARIO analysis of a 2-step scenario (replay + projection + engine, today's export reused): first %.2f s "
                            + "(exporting today's graph), then median %.2f s%n",
                    projected[0], projected[1]);
            out.printf(
                    "RATIO    scenario / full = %.2f (target <= 1.00); first runs %.2f%n",
                    ratio, projected[0] / full[0]);
            var pass = ratio <= 1.0;
            out.println(pass ? "RESULT within targets" : "RESULT OUTSIDE TARGETS");
            return pass ? 0 : 1;
        }
    }

    private static org.dutygraph.restructuring.scenarios.Scenario draft(Scenarios scenarios, int units) {
        var created = scenarios.create("benchmark", null, "benchmark").scenario();
        int holders = units - 1;
        var duties = IntStream.range(0, 10).mapToObj(k -> "duty-" + k * holders).toList();
        check(scenarios.addStep(
                created.id(), step(ScenarioStep.Kind.MOVE_DUTIES, duties, "dep-2", null, null), "benchmark"));
        int departments = Math.max(1, (units - 1) / 10);
        var sections = List.of("sec-" + (departments + 1), "sec-" + (departments + 2));
        var merged = scenarios.addStep(
                created.id(), step(ScenarioStep.Kind.MERGE_UNITS, null, null, sections, sections.get(0)), "benchmark");
        check(merged);
        return merged.scenario();
    }

    private static ScenarioStep step(
            ScenarioStep.Kind kind, List<String> duties, String to, List<String> units, String target) {
        return new ScenarioStep(
                kind, duties, null, null, to, units, null, target, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    private static void check(Scenarios.Outcome outcome) {
        if (!outcome.errors().isEmpty()) throw new IllegalStateException("Step refused: " + outcome.errors());
    }

    /** {first run, median of the next three}, in seconds. */
    private static double[] times(java.util.function.IntSupplier run) {
        var first = System.nanoTime();
        run.getAsInt();
        var cold = (System.nanoTime() - first) / 1e9;
        var times = new ArrayList<Double>();
        for (int i = 0; i < 3; i++) {
            var started = System.nanoTime();
            run.getAsInt();
            times.add((System.nanoTime() - started) / 1e9);
        }
        Collections.sort(times);
        return new double[] {cold, times.get(1)};
    }
}
