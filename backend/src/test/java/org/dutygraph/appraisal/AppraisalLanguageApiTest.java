package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.rounds.RatingRoundCloser;
import org.dutygraph.support.EnglishTexts;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21 item 8, the appraisers' and the rated staff's side: the appraisal operations (mobile-contracts operations/
 * appraiser and common) under Accept-Language zh-CN answer no bare English sentence, their refusals included (schemes,
 * scores, events, rating rounds and their audit, citizen rankings, recomputation); English comes when asked for. Only
 * refusals touch the schemes of 2034 the other round tests share; what this test stores is of 2036.
 */
class AppraisalLanguageApiTest extends RatingRoundTestSupport {

    private final List<String> english = new ArrayList<>();

    @Autowired
    RatingRoundCloser closer;

    @Test
    void theAppraisersAndRatersOperationsAnswerInChinese_refusalsIncluded() {
        var appraiser = as("appraiser").inLanguage("zh-CN");
        schemesAndScores(appraiser);
        events(appraiser);
        rounds(appraiser);
        rankings(appraiser);

        var job = run(
                        appraiser,
                        "appraiser/RecomputeAppraisal",
                        Map.of("input", Map.of("year", 2036, "waitSeconds", 90)))
                .path("data")
                .path("recomputeAppraisal")
                .path("appraisalJob");
        assertThat(job.path("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        run(appraiser, "appraiser/RecomputeAppraisal", Map.of("input", Map.of("year", 2036, "waitSeconds", 500)));
        run(appraiser, "appraiser/RecomputeAppraisal", Map.of("input", Map.of("year", 1999)));
        run(appraiser, "appraiser/AppraisalJob", Map.of("id", job.path("id").asString()));
        run(appraiser, "appraiser/AppraisalResults", Map.of("schemeId", "rr-leaders", "year", 2036));
        run(
                appraiser,
                "appraiser/AppraisalResults",
                Map.of("schemeId", "rr-leaders", "year", 2036, "period", "2037-01"));
        var head = as(user("R-HEAD")).inLanguage("zh-CN");
        run(head, "common/MyAppraisal", Map.of("year", 2036));
        run(head, "common/MyAppraisalBreakdown", Map.of("year", 2036, "period", "2036-03"));

        assertThat(english).as("English in answers to zh-CN").isEmpty();
    }

    @Test
    void englishWhenAsked_withTheSameCodes() {
        var id = openOk(leadersRound("2036-05", List.of("R-HEAD")));
        submitOk("R-S1", id, ratings(List.of("R-HEAD"), 0, 0));
        var again = Map.<String, Object>of("input", Map.of("roundId", id, "ratings", ratings(List.of("R-HEAD"), 1, 1)));
        var inEnglish = as(user("R-S1"))
                .inLanguage("en")
                .post(op("common/SubmitRatingBallot"), again)
                .ok()
                .path("submitRatingBallot")
                .path("errors")
                .path(0);
        assertThat(inEnglish.path("code").asString()).isEqualTo("ALREADY_VOTED");
        assertThat(inEnglish.path("message").asString()).isEqualTo("Your ballot in this round has been taken already");
        var inChinese = as(user("R-S1"))
                .post(op("common/SubmitRatingBallot"), again)
                .ok()
                .path("submitRatingBallot")
                .path("errors")
                .path(0);
        assertThat(inChinese.path("code").asString()).isEqualTo("ALREADY_VOTED");
        assertThat(inChinese.path("message").asString()).isEqualTo("您在本轮测评中的选票已经提交");

        clock.advance(Duration.ofMinutes(11));
        assertThat(closer.closeDue()).isPositive();
        var notes = as("appraiser")
                .inLanguage("en")
                .post(op("appraiser/RatingRound"), Map.of("id", id))
                .ok()
                .path("ratingRound")
                .path("audit")
                .path("events")
                .valueStream()
                .map(e -> e.path("action").asString() + ": " + e.path("note").asString(null))
                .toList();
        assertThat(notes)
                .as("a note the service wrote, in the reader's language")
                .contains("CLOSED: closing time passed");
    }

    private void schemesAndScores(GraphQl appraiser) {
        var faulty = new HashMap<String, Object>(leadersScheme());
        faulty.put("name", "");
        faulty.put("colour", "red");
        faulty.put("grades", List.of(Map.of("grade", "A")));
        faulty.put(
                "indicators",
                List.of(
                        Map.of("code", "Bad Code", "weight", "30", "input", Map.of("max", "-1")),
                        Map.of("code", "rr-linked", "weight", "70", "linked", Map.of("scheme", "no-such-scheme"))));
        run(
                appraiser,
                "appraiser/SaveAppraisalScheme",
                Map.of("input", Map.of("id", "Bad Id", "validFrom", "2036", "definition", faulty)));
        run(
                appraiser,
                "appraiser/SaveAppraisalScheme",
                Map.of("input", Map.of("id", "rr-late", "validFrom", "2036-13", "definition", "not a scheme")));
        run(
                appraiser,
                "appraiser/EndAppraisalScheme",
                Map.of("input", Map.of("id", "no-such-scheme", "from", "2036-02")));
        run(appraiser, "appraiser/EndAppraisalScheme", Map.of("input", Map.of("id", "rr-leaders", "from", "2033-12")));
        run(appraiser, "appraiser/EndAppraisalScheme", Map.of("input", Map.of("id", "rr-leaders", "from", "2036")));

        run(
                appraiser,
                "appraiser/EnterAppraisalScores",
                Map.of("input", Map.of("period", "2036-13", "scores", List.of(score("R-HEAD", "rr-work", "90")))));
        run(
                appraiser,
                "appraiser/EnterAppraisalScores",
                Map.of(
                        "input",
                        Map.of(
                                "period",
                                "2036-03",
                                "scores",
                                List.of(
                                        score("R-NOBODY", "rr-work", "90"),
                                        score("R-HEAD", "no-such-code", "90"),
                                        score("R-DEP1", "rr-work", "abc"),
                                        score("R-DEP2", "rr-work", "2000"),
                                        score("R-HEAD", "Bad Code", "1"),
                                        score("R-DEP1", "rr-work", "1.123456789"),
                                        score("R-DEP2", "rr-work", "80")))));
        var entered = run(
                appraiser,
                "appraiser/EnterAppraisalScores",
                Map.of(
                        "input",
                        Map.of(
                                "period",
                                "2036-03",
                                "scores",
                                List.of(
                                        score("R-HEAD", "rr-work", "92"),
                                        score("R-DEP1", "rr-work", "92"),
                                        score("R-DEP2", "rr-work", "70")))));
        assertThat(entered.path("data")
                        .path("enterAppraisalScores")
                        .path("errors")
                        .isEmpty())
                .as(entered.toString())
                .isTrue();
        run(
                appraiser,
                "appraiser/EnterAppraisalSheet",
                Map.of(
                        "input",
                        Map.of(
                                "period",
                                "2036-03",
                                "codes",
                                List.of("rr-work", "rr-work"),
                                "rows",
                                List.of(Map.of("subjectId", "R-HEAD", "values", List.of("90"))))));
        run(
                appraiser,
                "appraiser/EnterAppraisalSheet",
                Map.of(
                        "input",
                        Map.of(
                                "period",
                                "2036-03",
                                "codes",
                                List.of("rr-work"),
                                "rows",
                                List.of(
                                        Map.of("subjectId", "R-HEAD", "values", List.of("90", "91")),
                                        Map.of("subjectId", "R-NOBODY", "values", List.of("90"))))));
        run(appraiser, "appraiser/AppraisalInputs", Map.of("subjectId", "R-HEAD", "period", "2036-03"));
        run(appraiser, "appraiser/AppraisalInputs", Map.of("subjectId", "R-HEAD", "period", "March"));
    }

    private void events(GraphQl appraiser) {
        run(
                appraiser,
                "appraiser/RecordAppraisalEvent",
                Map.of("input", Map.of("subjectId", "R-HEAD", "period", "2036", "kind", "VIOLATION")));
        run(
                appraiser,
                "appraiser/RecordAppraisalEvent",
                Map.of("input", Map.of("subjectId", "R-HEAD", "period", "2036-03", "kind", "not a kind")));
        run(
                appraiser,
                "appraiser/RecordAppraisalEvent",
                Map.of("input", Map.of("subjectId", "R-HEAD", "period", "2036-03", "kind", "VIOLATION", "months", 13)));
        run(
                appraiser,
                "appraiser/RecordAppraisalEvent",
                Map.of("input", Map.of("subjectId", "R-NOBODY", "period", "2036-03", "kind", "VIOLATION")));
        var recorded = run(
                        appraiser,
                        "appraiser/RecordAppraisalEvent",
                        Map.of("input", Map.of("subjectId", "R-DEP2", "period", "2036-03", "kind", "VIOLATION")))
                .path("data")
                .path("recordAppraisalEvent")
                .path("eventId")
                .asString();
        run(appraiser, "appraiser/WithdrawAppraisalEvent", Map.of("input", Map.of("id", recorded, "reason", " ")));
        run(
                appraiser,
                "appraiser/WithdrawAppraisalEvent",
                Map.of("input", Map.of("id", "no-such-event", "reason", "误录")));
        run(appraiser, "appraiser/WithdrawAppraisalEvent", Map.of("input", Map.of("id", recorded, "reason", "误录")));
        run(appraiser, "appraiser/WithdrawAppraisalEvent", Map.of("input", Map.of("id", recorded, "reason", "误录")));
    }

    private void rounds(GraphQl appraiser) {
        var bad = leadersRound("2036-03", List.of("R-HEAD", "R-NOBODY", "R-HEAD", "rdept"));
        bad.put(
                "groups",
                List.of(
                        Map.of("name", "leaders", "relation", "PERSONS", "personIds", List.of("R-MAYOR", "R-GHOST")),
                        Map.of(
                                "name",
                                "staff",
                                "relation",
                                "STAFF_OF_UNITS",
                                "unitIds",
                                List.of("rdept", "no-such-unit")),
                        Map.of("name", "Bad Name", "relation", "UNIT_STAFF")));
        bad.put("questions", List.of("德才表现", "德才表现", " "));
        bad.put("scale", List.of(Map.of("label", "优秀", "points", "120"), Map.of("label", "优秀", "points", "ten")));
        bad.put("closesAt", clock.instant().minus(Duration.ofHours(1)).toString());
        run(appraiser, "appraiser/OpenRatingRound", Map.of("input", bad));
        var unknown = leadersRound("2036-Q1", List.of("R-HEAD"));
        unknown.put("indicatorCode", "satisfaction");
        run(appraiser, "appraiser/OpenRatingRound", Map.of("input", unknown));

        var opened = run(
                        appraiser,
                        "appraiser/OpenRatingRound",
                        Map.of("input", leadersRound("2036-03", List.of("R-HEAD", "R-DEP1"))))
                .path("data")
                .path("openRatingRound");
        assertThat(opened.path("errors").isEmpty()).as(opened.toString()).isTrue();
        var id = opened.path("round").path("id").asString();
        run(appraiser, "appraiser/RatingRounds", Map.of());
        var rater = as(user("R-S1")).inLanguage("zh-CN");
        run(rater, "common/MyRatingBallots", Map.of());
        run(
                rater,
                "common/SubmitRatingBallot",
                Map.of(
                        "input",
                        Map.of(
                                "roundId",
                                id,
                                "ratings",
                                List.of(
                                        Map.of(
                                                "subjectId",
                                                "R-HEAD",
                                                "answers",
                                                List.of(
                                                        Map.of("questionId", "q1", "choice", 9),
                                                        Map.of("questionId", "q9", "choice", 0))),
                                        Map.of("subjectId", "R-MAYOR", "answers", List.of())))));
        run(
                rater,
                "common/SubmitRatingBallot",
                Map.of("input", Map.of("roundId", id, "ratings", ratings(List.of("R-HEAD", "R-DEP1"), 0, 1))));
        run(
                rater,
                "common/SubmitRatingBallot",
                Map.of("input", Map.of("roundId", id, "ratings", ratings(List.of("R-HEAD", "R-DEP1"), 0, 1))));
        run(
                as(user("R-SS1")).inLanguage("zh-CN"),
                "common/SubmitRatingBallot",
                Map.of("input", Map.of("roundId", "no-such-round", "ratings", ratings(List.of("R-HEAD"), 0, 1))));
        run(appraiser, "appraiser/CloseRatingRound", Map.of("input", Map.of("id", id)));
        run(appraiser, "appraiser/CloseRatingRound", Map.of("input", Map.of("id", id)));
        run(appraiser, "appraiser/CloseRatingRound", Map.of("input", Map.of("id", "no-such-round")));
        run(
                as(user("R-S2")).inLanguage("zh-CN"),
                "common/SubmitRatingBallot",
                Map.of("input", Map.of("roundId", id, "ratings", ratings(List.of("R-HEAD", "R-DEP1"), 0, 1))));
        run(appraiser, "appraiser/RatingRound", Map.of("id", id));

        var later = leadersRound("2036-04", List.of("R-DEP2"));
        later.put("opensAt", clock.instant().plus(Duration.ofMinutes(5)).toString());
        var laterId = run(appraiser, "appraiser/OpenRatingRound", Map.of("input", later))
                .path("data")
                .path("openRatingRound")
                .path("round")
                .path("id")
                .asString();
        run(
                rater,
                "common/SubmitRatingBallot",
                Map.of("input", Map.of("roundId", laterId, "ratings", ratings(List.of("R-DEP2"), 0, 1))));
        clock.advance(Duration.ofMinutes(20));
        assertThat(closer.closeDue()).isPositive();
        run(as("appraiser").inLanguage("zh-CN"), "appraiser/RatingRound", Map.of("id", laterId));
        clock.reset();
    }

    private void rankings(GraphQl appraiser) {
        run(appraiser, "appraiser/DrawCitizenRanking", Map.of("input", Map.of("period", "2036-03")));
        run(appraiser, "appraiser/DrawCitizenRanking", Map.of("input", Map.of("period", "2036-Q5")));
        run(appraiser, "appraiser/DrawCitizenRanking", Map.of("input", Map.of("period", "2036-Q1", "worst", 0)));
        run(appraiser, "appraiser/DrawCitizenRanking", Map.of("input", Map.of("period", "2036-Q1", "seed", "short")));
        var id = run(
                        appraiser,
                        "appraiser/DrawCitizenRanking",
                        Map.of("input", Map.of("period", "2036-Q1", "seed", "appraisal-language")))
                .path("data")
                .path("drawCitizenRanking")
                .path("ranking")
                .path("id")
                .asString();
        run(appraiser, "appraiser/PublishCitizenRanking", Map.of("input", Map.of("id", "no-such-ranking")));
        run(appraiser, "appraiser/PublishCitizenRanking", Map.of("input", Map.of("id", id)));
        run(appraiser, "appraiser/PublishCitizenRanking", Map.of("input", Map.of("id", id)));
        run(anonymous().inLanguage("zh-CN"), "citizen/CitizenRankings", Map.of());
    }

    private static Map<String, Object> score(String subjectId, String code, String value) {
        return Map.of("subjectId", subjectId, "code", code, "value", value);
    }

    /** Posts an app operation and notes every English sentence of the answer. */
    private JsonNode run(GraphQl client, String operation, Map<String, Object> variables) {
        var body = client.post(op(operation), variables).body();
        EnglishTexts.in(body).forEach(found -> english.add(operation + " " + found));
        return body;
    }

    private static String op(String name) {
        return resource("operations/" + name + ".graphql");
    }
}
