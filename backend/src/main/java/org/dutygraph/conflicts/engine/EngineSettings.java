package org.dutygraph.conflicts.engine;

import java.util.List;

/**
 * Tunable parts of the analysis.
 *
 * @param enforcementWords action labels (or their broader labels) containing one of these enforce
 * @param oversightWords   action labels containing one of these oversee enforcement
 * @param overloadFactor   a post is overloaded above this multiple of its unit's median duty count
 * @param overloadMinimum  ... and above this many duties
 * @param textSimilarity   Jaccard similarity of character bigrams above which wordings are near-identical
 * @param boilerplateUnits wording shared by more units than this is routine boilerplate, not a candidate overlap
 */
public record EngineSettings(
        List<String> enforcementWords,
        List<String> oversightWords,
        double overloadFactor,
        int overloadMinimum,
        double textSimilarity,
        int boilerplateUnits) {

    public static EngineSettings defaults() {
        return new EngineSettings(
                List.of("处罚", "强制", "查处", "执法检查"), List.of("法制审核", "复议", "执法监督", "审核"), 3.0, 6, 0.6, 6);
    }
}
