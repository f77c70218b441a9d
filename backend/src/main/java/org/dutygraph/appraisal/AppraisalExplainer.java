package org.dutygraph.appraisal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dutygraph.appraisal.engine.Appraiser;
import org.dutygraph.appraisal.engine.Outcome;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.appraisal.engine.Sources;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * The breakdown of one stored result, recomputed on demand for that subject alone: its own inputs, and the
 * stored results it links to or rolls up. A year's batch keeps no breakdown; the same engine gives it
 * here, line for line.
 */
@Service
public class AppraisalExplainer {

    private final Driver driver;
    private final AppraisalSchemes schemes;
    private final AppraisalStore store;

    AppraisalExplainer(Driver driver, AppraisalSchemes schemes, AppraisalStore store) {
        this.driver = driver;
        this.schemes = schemes;
        this.store = store;
    }

    public List<Outcome.Line> explain(String schemeId, String subjectId, String periodText) {
        var period = Period.parse(periodText);
        var versions = schemes.versions(period.year());
        var list = versions.get(schemeId);
        var scheme = list == null ? null : AppraisalSchemes.inForce(list, period);
        if (scheme == null) {
            return List.of();
        }
        var roster = Roster.around(driver, subjectId, java.time.LocalDate.of(period.year(), 12, 31));
        var inputs = sheet(subjectId, period);
        var sources = new Sources() {
            @Override
            public BigDecimal input(String subject, String code) {
                return inputs.get(code);
            }

            @Override
            public BigDecimal linked(String subject, Scheme.Node link) {
                var unit = roster.linkedUnit(subject, link.from(), link.source(), link.classification(),
                        u -> result(link.scheme(), u, period) != null);
                var linked = unit == null ? null : result(link.scheme(), unit, period);
                return linked == null || !linked.assessed() ? null : linked.score();
            }

            @Override
            public BigDecimal partScore(String subject, String partScheme, Period part) {
                var result = result(partScheme, subject, part);
                return result == null || !result.assessed() ? null : result.score();
            }

            @Override
            public String partGrade(String subject, String partScheme, Period part) {
                return null;
            }

            @Override
            public Scheme scheme(String id) {
                var l = versions.get(id);
                return l == null ? null : AppraisalSchemes.inForce(l, period);
            }

            @Override
            public List<String> events(String subject) {
                return List.of();
            }
        };
        return Appraiser.run(scheme, period, List.of(subjectId), sources, true).outcomes().get(0).breakdown();
    }

    private record Stored(BigDecimal score, boolean assessed) {
    }

    /** The stored result of a subject under a scheme in a period (null: none, the subject is not in its population). */
    private Stored result(String schemeId, String subjectId, Period period) {
        for (var r : store.ofScheme(schemeId, period.year(), List.of(subjectId), null, 1)) {
            int i = r.periods().indexOf(period.toString());
            if (i >= 0) {
                return new Stored(new BigDecimal(r.scores().get(i)), !Scheme.NOT_ASSESSED.equals(r.grades().get(i)));
            }
        }
        return null;
    }

    private Map<String, BigDecimal> sheet(String subjectId, Period period) {
        var values = new HashMap<String, BigDecimal>();
        try (var session = driver.session()) {
            session.executeRead(tx -> tx.run("MATCH (s:ScoreSheet {key: $key}) RETURN s.codes AS c, s.values AS v",
                    Map.of("key", subjectId + "|" + period)).list()).forEach(r -> {
                        var codes = r.get("c").asList(Value::asString);
                        var vals = r.get("v").asList(Value::asString);
                        for (int i = 0; i < codes.size(); i++) {
                            values.put(codes.get(i), new BigDecimal(vals.get(i)));
                        }
                    });
        }
        return values;
    }
}
