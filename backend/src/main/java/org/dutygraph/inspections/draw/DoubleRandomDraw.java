package org.dutygraph.inspections.draw;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dutygraph.platform.random.SeededRandom;

/**
 * The double-random draw (双随机), procedure {@value #ALGORITHM}, a pure function of its inputs so that a
 * recorded draw can be replayed by anyone:
 * <ol>
 * <li>Candidate targets and inspectors are sorted (Unicode code point order) and de-duplicated.</li>
 * <li>The targets are shuffled (Fisher-Yates from the last position down, j = below(i + 1)) with the
 * {@link SeededRandom} stream of the seed; the first {@code targetCount} are drawn, in that order.</li>
 * <li>For each drawn target in order: the inspectors not excluded for it are shuffled with the same stream,
 * then stably ordered by how many visits they already have in this draw; the first {@code perVisit} go.</li>
 * </ol>
 */
public final class DoubleRandomDraw {

    public static final String ALGORITHM = "dutygraph-double-random/1";

    /** @param excluded target id -> inspectors that may not visit it */
    public record Inputs(
            String seed,
            List<String> targets,
            List<String> inspectors,
            int targetCount,
            int perVisit,
            Map<String, Set<String>> excluded) {

        public Inputs {
            targets = List.copyOf(new TreeSet<>(targets));
            inspectors = List.copyOf(new TreeSet<>(inspectors));
        }
    }

    public record Visit(String targetId, List<String> inspectors) {}

    /** The visits drawn, or the target for which too few inspectors were free of conflicts. */
    public record Result(List<Visit> visits, String shortTarget) {

        public boolean complete() {
            return shortTarget == null;
        }
    }

    private DoubleRandomDraw() {}

    public static Result run(Inputs in) {
        var random = new SeededRandom(in.seed());
        var targets = random.shuffled(in.targets());
        var load = new HashMap<String, Integer>();
        var visits = new ArrayList<Visit>();
        for (var target : targets.subList(0, Math.min(in.targetCount(), targets.size()))) {
            var excluded = in.excluded().getOrDefault(target, Set.of());
            var eligible = random.shuffled(
                    in.inspectors().stream().filter(i -> !excluded.contains(i)).toList());
            if (eligible.size() < in.perVisit()) {
                return new Result(visits, target);
            }
            eligible.sort(Comparator.comparingInt(i -> load.getOrDefault(i, 0)));
            var chosen = List.copyOf(eligible.subList(0, in.perVisit()));
            chosen.forEach(i -> load.merge(i, 1, Integer::sum));
            visits.add(new Visit(target, chosen));
        }
        return new Result(visits, null);
    }
}
