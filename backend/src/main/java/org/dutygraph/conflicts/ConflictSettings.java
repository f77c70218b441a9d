package org.dutygraph.conflicts;

import java.util.List;

import org.dutygraph.conflicts.engine.EngineSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dutygraph.conflicts.*}: the analysis settings, see {@link EngineSettings}.
 *
 * @param analyzeAfterImport run a full analysis after each successful bundle import
 */
@ConfigurationProperties("dutygraph.conflicts")
public record ConflictSettings(List<String> enforcementWords, List<String> oversightWords, Double overloadFactor,
                               Integer overloadMinimum, Double textSimilarity, Integer boilerplateUnits,
                               Boolean analyzeAfterImport) {

    public EngineSettings engine() {
        var d = EngineSettings.defaults();
        return new EngineSettings(enforcementWords == null ? d.enforcementWords() : enforcementWords,
                oversightWords == null ? d.oversightWords() : oversightWords,
                overloadFactor == null ? d.overloadFactor() : overloadFactor,
                overloadMinimum == null ? d.overloadMinimum() : overloadMinimum,
                textSimilarity == null ? d.textSimilarity() : textSimilarity,
                boilerplateUnits == null ? d.boilerplateUnits() : boilerplateUnits);
    }

    public boolean analyzesAfterImport() {
        return analyzeAfterImport == null || analyzeAfterImport;
    }
}
