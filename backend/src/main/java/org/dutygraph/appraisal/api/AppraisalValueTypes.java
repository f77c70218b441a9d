package org.dutygraph.appraisal.api;

import org.dutygraph.appraisal.AppraisalJobs;
import org.dutygraph.appraisal.AppraisalSchemes;
import org.dutygraph.appraisal.rankings.CitizenRankings.Ranking;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Values kept as strings served as the schema's enums, beside the deprecated String fields of the same values. */
@Controller
class AppraisalValueTypes {

    @SchemaMapping(typeName = "AppraisalJob", field = "state")
    String jobState(AppraisalJobs.Job job) {
        return job.status();
    }

    @SchemaMapping(typeName = "CitizenRanking", field = "state")
    String rankingState(Ranking ranking) {
        return ranking.status();
    }

    @SchemaMapping(typeName = "AppraisalScheme", field = "subjectKind")
    String schemeSubjectKind(AppraisalSchemes.Version scheme) {
        return scheme.subject();
    }

    @SchemaMapping(typeName = "AppraisalScheme", field = "periodKind")
    String schemePeriodKind(AppraisalSchemes.Version scheme) {
        return scheme.period();
    }

    @SchemaMapping(typeName = "IndicatorCount", field = "serviceIndicator")
    String serviceIndicator(CitizenRankingsController.IndicatorCount count) {
        return count.indicator();
    }
}
