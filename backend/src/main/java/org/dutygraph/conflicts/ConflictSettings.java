package org.dutygraph.conflicts;

import java.util.List;
import org.dutygraph.conflicts.engine.EngineSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dutygraph.conflicts.*}: the analysis settings, see {@link EngineSettings}.
 *
 * @param analyzeAfterImport run an analysis after each successful bundle import
 * @param keepLiveAnalysis   keep the last full analysis in memory (about 0.5 GiB per million duties) so
 *                           that imports of a few duties are analysed incrementally
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
