package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Runs every analysis over a projection and returns the findings, ordered by kind and id. */
public final class ConflictEngine {

    private final EngineSettings settings;
    private final Explanations words;

    /** @param words renders the findings' explanations (in Chinese and English, both kept with each finding) */
    public ConflictEngine(EngineSettings settings, Explanations words) {
        this.settings = settings;
        this.words = words;
    }

    /**
     * The analyses run side by side, one per core: each makes findings of its own kinds only, into findings of its
     * own (with its own chains, which fill a cache as they go); the projection is only read.
     *
     * @param progress told (step, steps) after each analysis, in order, on the calling thread
     */
    public List<Finding> analyze(Projection projection, BiConsumer<Integer, Integer> progress) {
        List<Consumer<Findings>> steps = List.of(
                findings -> new OverlapAnalyzer(findings).run(),
                findings -> new TextSimilarityAnalyzer(findings, settings).run(),
                findings -> new GapAnalyzer(findings).run(),
                findings -> new SupervisionAnalyzer(findings).run(),
                findings -> new RoleConflictAnalyzer(findings, settings).run(),
                findings -> new LoadAnalyzer(findings, settings).run());
        int threads = Math.min(steps.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, run -> {
            var thread = new Thread(run, "conflict-engine");
            thread.setDaemon(true);
            return thread;
        });
        try {
            var running = new ArrayList<CompletableFuture<List<Finding>>>();
            for (var step : steps) {
                running.add(CompletableFuture.supplyAsync(
                        () -> {
                            var findings = new Findings(projection, new Chains(projection), words);
                            step.accept(findings);
                            return findings.build();
                        },
                        pool));
            }
            var all = new ArrayList<Finding>();
            for (int i = 0; i < running.size(); i++) {
                all.addAll(join(running.get(i)));
                progress.accept(i + 1, steps.size());
            }
            return all.stream()
                    .sorted(Comparator.comparing(Finding::kind).thenComparing(Finding::id))
                    .toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Finding> join(CompletableFuture<List<Finding>> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error cause) throw cause;
            throw e;
        }
    }
}
