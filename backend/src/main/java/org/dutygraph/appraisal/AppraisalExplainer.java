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
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * The breakdown of one stored result, recomputed on demand for that subject alone: its own inputs, and the
 * stored results it links to or rolls up. A year's batch keeps no breakdown; the same engine gives it
 * here, line for line.
 */
@Service
public class AppraisalExplainer {

    private final GraphTransactions graph;
    private final AppraisalSchemes schemes;
    private final RosterStore rosters;
    private final ScoreSheetStore sheets;
    private final ResultStore results;

    AppraisalExplainer(
            GraphTransactions graph,
            AppraisalSchemes schemes,
            RosterStore rosters,
            ScoreSheetStore sheets,
            ResultStore results) {
        this.graph = graph;
        this.schemes = schemes;
        this.rosters = rosters;
        this.sheets = sheets;
        this.results = results;
    }

    /** In one read transaction: the subject's inputs and the stored results it reads are those of one moment. */
    public List<Outcome.Line> explain(String schemeId, String subjectId, String periodText) {
        return graph.read(() -> breakdown(schemeId, subjectId, Period.parse(periodText)));
    }

    private List<Outcome.Line> breakdown(String schemeId, String subjectId, Period period) {
        var versions = schemes.versions(period.year());
        var list = versions.get(schemeId);
        var scheme = list == null ? null : AppraisalSchemes.inForce(list, period);
        if (scheme == null) {
            return List.of();
        }
        var roster = Roster.around(rosters, subjectId, java.time.LocalDate.of(period.year(), 12, 31));
        var inputs = sheet(subjectId, period);
        var sources = new StoredSources(period, roster, inputs, versions);
        return Appraiser.run(scheme, period, List.of(subjectId), sources, true)
                .outcomes()
                .get(0)
                .breakdown();
    }

    private record Stored(BigDecimal score, boolean assessed) {}

    /** The subject's own inputs, and the stored results of the run for what it links to or rolls up. */
    private final class StoredSources implements Sources {

        private final Period period;
        private final Roster roster;
        private final Map<String, BigDecimal> inputs;
        private final Map<String, List<AppraisalSchemes.Dated>> versions;

        StoredSources(
                Period period,
                Roster roster,
                Map<String, BigDecimal> inputs,
                Map<String, List<AppraisalSchemes.Dated>> versions) {
            this.period = period;
            this.roster = roster;
            this.inputs = inputs;
            this.versions = versions;
        }

        @Override
        public BigDecimal input(String subject, String code) {
            return inputs.get(code);
        }

        @Override
        public BigDecimal linked(String subject, Scheme.Node link) {
            var unit = roster.linkedUnit(
                    subject,
                    link.from(),
                    link.source(),
                    link.classification(),
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
    }

    /** The stored result of a subject under a scheme in a period (null: none, the subject is not in its population). */
    private Stored result(String schemeId, String subjectId, Period period) {
        for (var r : results.ofScheme(schemeId, period.year(), List.of(subjectId), null, 1)) {
            int i = r.periods().indexOf(period.toString());
            if (i >= 0) {
                return new Stored(
                        new BigDecimal(r.scores().get(i)),
                        !Scheme.NOT_ASSESSED.equals(r.grades().get(i)));
            }
        }
        return null;
    }

    private Map<String, BigDecimal> sheet(String subjectId, Period period) {
        var values = new HashMap<String, BigDecimal>();
        sheets.scores(subjectId, period).forEach(score -> values.put(score.code(), new BigDecimal(score.value())));
        return values;
    }
}
