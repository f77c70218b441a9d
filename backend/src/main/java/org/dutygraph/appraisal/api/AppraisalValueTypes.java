package org.dutygraph.appraisal.api;

import org.dutygraph.appraisal.AppraisalInputLog;
import org.dutygraph.appraisal.AppraisalJobs;
import org.dutygraph.appraisal.AppraisalSchemes;
import org.dutygraph.appraisal.rankings.CitizenRankings.Ranking;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Values kept as strings served as the schema's enums and scalars (YearMonth, AppraisalPeriod), beside the deprecated
 * String fields of the same values.
 */
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

    @SchemaMapping(typeName = "AppraisalScheme", field = "inForceFrom")
    String schemeInForceFrom(AppraisalSchemes.Version scheme) {
        return scheme.validFrom();
    }

    @SchemaMapping(typeName = "CitizenRanking", field = "appraisalPeriod")
    String rankingPeriod(Ranking ranking) {
        return ranking.period();
    }

    @SchemaMapping(typeName = "AppraisalEvent", field = "month")
    String eventMonth(AppraisalInputLog.Event event) {
        return event.period();
    }

    @SchemaMapping(typeName = "AppraisalInputSheet", field = "appraisalPeriod")
    String sheetPeriod(AppraisalInputController.InputSheet sheet) {
        return sheet.period().toString();
    }

    @SchemaMapping(typeName = "AppraisalPeriodResult", field = "appraisalPeriod")
    String resultPeriod(AppraisalController.PeriodResult result) {
        return result.period();
    }

    @SchemaMapping(typeName = "RatingRound", field = "appraisalPeriod")
    String roundPeriod(RatingRoundController.RoundView round) {
        return round.period();
    }

    @SchemaMapping(typeName = "RatingBallot", field = "appraisalPeriod")
    String ballotPeriod(RatingBallotController.BallotView ballot) {
        return ballot.period();
    }
}
