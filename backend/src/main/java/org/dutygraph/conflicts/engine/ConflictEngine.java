package org.dutygraph.conflicts.engine;

import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/** Runs every analysis over a projection and returns the findings, ordered by kind and id. */
public final class ConflictEngine {

    private final EngineSettings settings;
    private final Explanations words;

    /** @param words renders the findings' explanations (in Chinese and English, both kept with each finding) */
    public ConflictEngine(EngineSettings settings, Explanations words) {
        this.settings = settings;
        this.words = words;
    }

    /** @param progress told (step, steps) after each analysis */
    public List<Finding> analyze(Projection projection, BiConsumer<Integer, Integer> progress) {
        var findings = new Findings(projection, new Chains(projection), words);
        List<Runnable> steps = List.of(
                () -> new OverlapAnalyzer(findings).run(),
                () -> new TextSimilarityAnalyzer(findings, settings).run(),
                () -> new GapAnalyzer(findings).run(),
                () -> new SupervisionAnalyzer(findings).run(),
                () -> new RoleConflictAnalyzer(findings, settings).run(),
                () -> new LoadAnalyzer(findings, settings).run());
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).run();
            progress.accept(i + 1, steps.size());
        }
        return findings.build().stream()
                .sorted(Comparator.comparing(Finding::kind).thenComparing(Finding::id))
                .toList();
    }
}
