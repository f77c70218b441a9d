package org.dutygraph.appraisal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.appraisal.engine.Sources;

/** In-memory sources for engine tests: inputs by subject and code, linked and part results, events. */
class MapSources implements Sources {

    final Map<String, BigDecimal> inputs = new HashMap<>();
    final Map<String, BigDecimal> linked = new HashMap<>();
    final Map<String, BigDecimal> partScores = new HashMap<>();
    final Map<String, String> partGrades = new HashMap<>();
    final Map<String, Scheme> schemes = new HashMap<>();
    final Map<String, List<String>> events = new HashMap<>();

    MapSources input(String subject, String code, String value) {
        inputs.put(subject + "|" + code, new BigDecimal(value));
        return this;
    }

    @Override
    public BigDecimal input(String subjectId, String code) {
        return inputs.get(subjectId + "|" + code);
    }

    @Override
    public BigDecimal linked(String subjectId, String source, String schemeId) {
        return linked.get(subjectId + "|" + source + "|" + schemeId);
    }

    @Override
    public BigDecimal partScore(String subjectId, String schemeId, Period part) {
        return partScores.get(subjectId + "|" + schemeId + "|" + part);
    }

    @Override
    public String partGrade(String subjectId, String schemeId, Period part) {
        return partGrades.get(subjectId + "|" + schemeId + "|" + part);
    }

    @Override
    public Scheme scheme(String schemeId) {
        return schemes.get(schemeId);
    }

    @Override
    public List<String> events(String subjectId) {
        return events.getOrDefault(subjectId, List.of());
    }
}
