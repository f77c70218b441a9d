package org.dutygraph.appraisal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.engine.Outcome;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.appraisal.engine.Scheme;
import org.dutygraph.appraisal.engine.Sources;

/** The engine's view of one period in a recomputation: inputs from the score sheets, results computed earlier in the run. */
record PeriodSources(
        Period period,
        Roster org,
        Map<String, Map<String, BigDecimal>> sheets,
        Map<String, List<AppraisalEventStore.Event>> events,
        Map<String, AppraisalComputation.Computed> computed,
        Map<String, List<AppraisalSchemes.Dated>> versions,
        ResultStore results)
        implements Sources {

    @Override
    public BigDecimal input(String subjectId, String code) {
        var sheet = sheets.get(subjectId);
        return sheet == null ? null : sheet.get(code);
    }

    @Override
    public BigDecimal linked(String subjectId, Scheme.Node link) {
        var c = computed.get(link.scheme() + "|" + period);
        if (c == null) {
            return null;
        }
        var unit =
                org.linkedUnit(subjectId, link.from(), link.source(), link.classification(), c.outcomes()::containsKey);
        var outcome = unit == null ? null : c.outcomes().get(unit);
        return outcome == null || !outcome.assessed() ? null : outcome.score();
    }

    @Override
    public String distributionGroup(String subjectId, Scheme.Grouping grouping) {
        return org.distributionGroup(subjectId, grouping);
    }

    @Override
    public BigDecimal partScore(String subjectId, String schemeId, Period part) {
        var outcome = part(subjectId, schemeId, part);
        return outcome == null ? null : outcome.score();
    }

    @Override
    public String partGrade(String subjectId, String schemeId, Period part) {
        var outcome = part(subjectId, schemeId, part);
        return outcome == null ? null : outcome.grade();
    }

    /** The subject's assessed result in a part of the period (a part not assessed is no result). */
    private Outcome part(String subjectId, String schemeId, Period part) {
        var c = computed.get(schemeId + "|" + part);
        var outcome = c == null ? null : c.outcomes().get(subjectId);
        return outcome == null || !outcome.assessed() ? null : outcome;
    }

    @Override
    public Scheme scheme(String schemeId) {
        var list = versions.get(schemeId);
        return list == null ? null : AppraisalSchemes.inForce(list, period);
    }

    @Override
    public List<String> pastGrades(String subjectId, String schemeId, int years) {
        return years < 1
                ? List.of()
                : results.pastGrades(schemeId, period.year(), years).getOrDefault(subjectId, List.of());
    }

    @Override
    public List<String> eventsInEffect(String subjectId) {
        var months = period.kind() == Period.Kind.MONTH ? List.of(period) : period.parts(Period.Kind.MONTH);
        var kinds = new ArrayList<String>();
        for (var e : events.getOrDefault(subjectId, List.of())) {
            for (int i = 0; i < e.months(); i++) {
                if (months.contains(e.month().plusMonths(i))) {
                    kinds.add(e.kind());
                    break;
                }
            }
        }
        return kinds;
    }

    @Override
    public List<String> events(String subjectId) {
        var kinds = new ArrayList<String>();
        for (var e : events.getOrDefault(subjectId, List.of())) {
            if (period.kind() == Period.Kind.MONTH
                    ? e.month().equals(period)
                    : period.parts(Period.Kind.MONTH).contains(e.month())) {
                kinds.add(e.kind());
            }
        }
        return kinds;
    }
}
