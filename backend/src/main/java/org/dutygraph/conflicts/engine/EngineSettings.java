package org.dutygraph.conflicts.engine;

import java.util.List;

/**
 * Tunable parts of the analysis.
 *
 * @param enforcementWords action labels (or their broader labels) containing one of these enforce
 * @param oversightWords   action labels containing one of these oversee enforcement
 * @param enforcementCategories power item categories (org-bundle/1 codes) whose exercise is enforcement
 * @param enforcementTextWords  duty wordings containing one of these enforce
 * @param oversightTextWords    duty wordings containing one of these oversee enforcement (narrower than the
 *                              action words: a wording's 审核 is as often a licence check as a legal review)
 * @param overloadFactor   a post is overloaded above this multiple of its unit's median duty count
 * @param overloadMinimum  ... and above this many duties
 * @param textSimilarity   Jaccard similarity of character bigrams above which wordings are near-identical
 * @param boilerplateUnits wording shared by more units than this is routine boilerplate, not a candidate overlap
 * @param candidateRefreshDuties up to this many duties an incremental analysis recomputes the candidate overlaps
 *                               (one pass over all wording); above it, it marks them stale until the next full run
 */
public record EngineSettings(
        List<String> enforcementWords,
        List<String> oversightWords,
        List<String> enforcementCategories,
        List<String> enforcementTextWords,
        List<String> oversightTextWords,
        double overloadFactor,
        int overloadMinimum,
        double textSimilarity,
        int boilerplateUnits,
        int candidateRefreshDuties) {

    public static EngineSettings defaults() {
        return new EngineSettings(
                List.of("处罚", "强制", "查处", "执法检查"),
                List.of("法制审核", "复议", "执法监督", "审核"),
                List.of("penalty", "coercion", "inspection"),
                List.of("处罚", "强制", "查处", "查封", "扣押"),
                List.of("法制审核", "复议", "执法监督", "执法评议", "执法考核"),
                3.0,
                6,
                0.6,
                6,
                200_000);
    }
}
