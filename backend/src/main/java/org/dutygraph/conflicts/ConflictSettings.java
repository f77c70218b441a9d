package org.dutygraph.conflicts;

import java.util.List;
import org.dutygraph.conflicts.engine.EngineSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dutygraph.conflicts.*}: the analysis settings, see {@link EngineSettings}.
 *
 * @param enforcementWords      action labels (or their broader labels) containing one of these are enforcement
 *                              (default 处罚, 强制, 查处, 执法检查)
 * @param oversightWords        action labels containing one of these oversee enforcement
 * @param enforcementCategories power-item categories (org-bundle/1 codes, default penalty, coercion, inspection)
 *                              whose exercise is enforcement
 * @param enforcementTextWords  duty wordings containing one of these are enforcement
 * @param oversightTextWords    duty wordings containing one of these oversee enforcement
 * @param overloadFactor        a post is overloaded above this multiple of its unit's median duty count (default 3)
 * @param overloadMinimum       ... and above this many duties (default 6)
 * @param textSimilarity        Jaccard similarity of character bigrams above which wordings are near-identical
 *                              (default 0.6)
 * @param boilerplateUnits      wording shared by more units than this is routine boilerplate, not a candidate
 *                              overlap (default 6)
 * @param candidateRefreshDuties up to this many duties an incremental analysis recomputes the candidate overlaps;
 *                              above it, it marks them stale until the next full run (default 200000)
 * @param analyzeAfterImport run an analysis after each successful bundle import
 * @param keepLiveAnalysis   keep the last full analysis in memory (about 0.5 GiB per million duties) so
 *                           that imports of a few duties are analysed incrementally, and a full analysis reads
 *                           the graph again only after something it reads has changed (embedded store only)
 */
@ConfigurationProperties("dutygraph.conflicts")
public record ConflictSettings(
        List<String> enforcementWords,
        List<String> oversightWords,
        List<String> enforcementCategories,
        List<String> enforcementTextWords,
        List<String> oversightTextWords,
        Double overloadFactor,
        Integer overloadMinimum,
        Double textSimilarity,
        Integer boilerplateUnits,
        Integer candidateRefreshDuties,
        Boolean analyzeAfterImport,
        Boolean keepLiveAnalysis) {

    public EngineSettings engine() {
        var d = EngineSettings.defaults();
        return new EngineSettings(
                enforcementWords == null ? d.enforcementWords() : enforcementWords,
                oversightWords == null ? d.oversightWords() : oversightWords,
                enforcementCategories == null ? d.enforcementCategories() : enforcementCategories,
                enforcementTextWords == null ? d.enforcementTextWords() : enforcementTextWords,
                oversightTextWords == null ? d.oversightTextWords() : oversightTextWords,
                overloadFactor == null ? d.overloadFactor() : overloadFactor,
                overloadMinimum == null ? d.overloadMinimum() : overloadMinimum,
                textSimilarity == null ? d.textSimilarity() : textSimilarity,
                boilerplateUnits == null ? d.boilerplateUnits() : boilerplateUnits,
                candidateRefreshDuties == null ? d.candidateRefreshDuties() : candidateRefreshDuties);
    }

    public boolean keepsLiveAnalysis() {
        return keepLiveAnalysis == null || keepLiveAnalysis;
    }

    public boolean analyzesAfterImport() {
        return analyzeAfterImport == null || analyzeAfterImport;
    }
}
