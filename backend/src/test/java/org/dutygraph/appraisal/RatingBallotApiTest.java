package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rater's phone: ballots only for whom is eligible, once, within the round's window; nobody else reaches the round. */
class RatingBallotApiTest extends RatingRoundTestSupport {

    private static final List<String> LEADERS = List.of("R-HEAD", "R-DEP1");

    @Test
    void eligibleRatersSeeTheirBallot_othersAreRefusedAlike_andABallotIsTakenOnce() {
        var id = openOk(leadersRound("2034-04", LEADERS));

        var mine = ballot("R-S1", id);
        assertThat(mine.path("voted").asBoolean()).isFalse();
        assertThat(mine.path("subjects")
                        .valueStream()
                        .map(s ->
                                s.path("id").asString() + "/" + s.path("group").asString() + "/"
                                        + s.path("kind").asString())
                        .toList())
                .containsExactly("R-HEAD/本单位干部职工/PERSON", "R-DEP1/本单位干部职工/PERSON");
        assertThat(mine.path("subjects").path(0).path("name").asString()).isEqualTo("局长丙");
        assertThat(mine.path("questions")
                        .valueStream()
                        .map(q -> q.path("id").asString() + ":" + q.path("text").asString())
                        .toList())
                .containsExactly("q1:德才表现", "q2:工作实绩");
        assertThat(mine.path("scale").path(1).path("label").asString()).isEqualTo("称职");
        assertThat(mine.path("scale").path(1).path("points").asString()).isEqualTo("80");
        assertThat(ballot("R-DEP1", id)
                        .path("subjects")
                        .valueStream()
                        .map(s -> s.path("id").asString())
                        .toList())
                .as("a subject rates the others, not themselves")
                .containsExactly("R-HEAD");
        assertThat(ballot("R-V1", id)).as("the audit office is in no group").isNull();

        // not eligible, or no such round: the same answer
        assertThat(problems(submit("R-V1", id, ratings(LEADERS, 0, 0)))).containsExactly("input.roundId:NOT_ELIGIBLE");
        assertThat(problems(submit("R-V1", "no-such-round", ratings(LEADERS, 0, 0))))
                .containsExactly("input.roundId:NOT_ELIGIBLE");
        var noPerson = as("appraiser")
                .post("""
                mutation($i: SubmitRatingBallotInput!) { submitRatingBallot(input: $i) { submitted errors { code } } }""", Map.of("i", Map.of("roundId", id, "ratings", ratings(LEADERS, 0, 0))))
                .ok()
                .path("submitRatingBallot");
        assertThat(noPerson.path("errors").path(0).path("code").asString()).isEqualTo("NOT_ELIGIBLE");
        assertThat(as("appraiser")
                        .post("{ myRatingBallots { edges { cursor } } }")
                        .ok()
                        .path("myRatingBallots")
                        .path("edges")
                        .isEmpty())
                .as("an account that belongs to no person has no ballot")
                .isTrue();

        var taken = submit("R-S1", id, ratings(LEADERS, 0, 1));
        assertThat(taken.path("submitted").asBoolean()).isTrue();
        assertThat(ballot("R-S1", id).path("voted").asBoolean()).isTrue();
        assertThat(ballot("R-S2", id).path("voted").asBoolean())
                .as("another rater")
                .isFalse();

        // again, with other choices and with a ballot that would be refused anyway: ALREADY_VOTED and nothing else
        var again = submit("R-S1", id, ratings(LEADERS, 3, 3));
        assertThat(again.path("submitted").asBoolean()).isFalse();
        assertThat(problems(again)).containsExactly("input.roundId:ALREADY_VOTED");
        assertThat(again.path("errors").path(0).path("message").asString()).doesNotContain("R-HEAD", "优秀", "称职", "q1");
        assertThat(problems(submit("R-S1", id, List.of()))).containsExactly("input.roundId:ALREADY_VOTED");
        assertThat(boxCounts(id)).as("one ballot per subject").containsExactlyInAnyOrder(1L, 1L);
        close(id);
    }

    @Test
    void twoSubmissionsOfOneRaterAtOnceTakeOneBallot() throws Exception {
        var id = openOk(leadersRound("2034-08", LEADERS));
        var raters = List.of("R-S1", "R-S2", "R-S3");
        raters.forEach(p -> ballot(p, id));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (var p : raters) {
                for (int i = 0; i < 2; i++) {
                    answers.add(pool.submit(() -> {
                        var answer = submit(p, id, ratings(LEADERS, 1, 1));
                        return answer.path("submitted").asBoolean()
                                ? "TAKEN"
                                : answer.path("errors").path(0).path("code").asString();
                    }));
                }
            }
            var codes = new java.util.ArrayList<String>();
            for (var f : answers) {
                codes.add(f.get());
            }
            assertThat(codes)
                    .containsExactlyInAnyOrder(
                            "TAKEN", "TAKEN", "TAKEN", "ALREADY_VOTED", "ALREADY_VOTED", "ALREADY_VOTED");
        } finally {
            pool.shutdown();
        }
        assertThat(boxCounts(id)).containsOnly(3L);
        close(id);
    }

    @Test
    void aBallotMustRateEverySubjectOfItOnceAndAnswerEveryQuestionOnTheScale_elseNothingIsTaken() {
        var id = openOk(leadersRound("2034-05", LEADERS));
        var bad = submit(
                "R-S2",
                id,
                List.of(
                        Map.of(
                                "subjectId",
                                "R-HEAD",
                                "answers",
                                List.of(
                                        Map.of("questionId", "q1", "choice", 4),
                                        Map.of("questionId", "q1", "choice", 0),
                                        Map.of("questionId", "q9", "choice", 0))),
                        Map.of("subjectId", "R-V1", "answers", List.of()),
                        Map.of("subjectId", "R-HEAD", "answers", List.of())));
        assertThat(problems(bad))
                .containsExactlyInAnyOrder(
                        "input.ratings.0.answers.0.choice:OUT_OF_RANGE",
                        "input.ratings.0.answers.1.questionId:DUPLICATE_ANSWER",
                        "input.ratings.0.answers.2.questionId:UNKNOWN_QUESTION",
                        "input.ratings.0.answers:MISSING_ANSWER",
                        "input.ratings.1.subjectId:NOT_ON_BALLOT",
                        "input.ratings.2.subjectId:DUPLICATE_RATING",
                        "input.ratings:MISSING_RATING");
        assertThat(ballot("R-S2", id).path("voted").asBoolean())
                .as("nothing taken")
                .isFalse();
        assertThat(boxCounts(id)).containsOnly(0L);
        submitOk("R-S2", id, ratings(LEADERS, 1, 2));
        close(id);
    }

    @Test
    void ballotsAreTakenOnlyBetweenOpeningAndClosingTime() {
        var input = leadersRound("2034-06", LEADERS);
        input.put("opensAt", clock.instant().plus(Duration.ofMinutes(5)).toString());
        input.put("closesAt", clock.instant().plus(Duration.ofMinutes(10)).toString());
        var id = openOk(input);
        assertThat(round(id).path("status").asString()).isEqualTo("SCHEDULED");
        assertThat(ballot("R-S3", id)).as("not listed before it opens").isNull();
        assertThat(problems(submit("R-S3", id, ratings(LEADERS, 0, 0))))
                .containsExactly("input.roundId:ROUND_NOT_OPEN");

        clock.advance(Duration.ofMinutes(5));
        assertThat(round(id).path("status").asString()).isEqualTo("OPEN");
        assertThat(ballot("R-S3", id)).isNotNull();
        submitOk("R-S3", id, ratings(LEADERS, 0, 0));

        clock.advance(Duration.ofMinutes(5));
        assertThat(round(id).path("status").asString())
                .as("past closing time, not closed yet")
                .isEqualTo("ENDED");
        assertThat(ballot("R-S4", id)).as("not listed once its time has passed").isNull();
        assertThat(problems(submit("R-S4", id, ratings(LEADERS, 0, 0)))).containsExactly("input.roundId:ROUND_CLOSED");
        assertThat(boxCounts(id)).containsOnly(1L);

        close(id);
        assertThat(problems(submit("R-S4", id, ratings(LEADERS, 0, 0)))).containsExactly("input.roundId:ROUND_CLOSED");
    }

    @Test
    void onlyAppraisersOpenCloseAndReadRounds_aRaterReachesOnlyTheirOwnBallot() {
        var id = openOk(leadersRound("2034-07", LEADERS));
        var read = "query($id: ID!) { ratingRound(id: $id) { id audit { ballotsCast } } }";
        var list = "{ ratingRounds(first: 5) { edges { node { id } } } }";
        var closing = "mutation($id: ID!) { closeRatingRound(input: {id: $id}) { entered } }";
        var opening = "mutation($i: OpenRatingRoundInput!) { openRatingRound(input: $i) { errors { code } } }";
        for (var caller : List.of("r-s1", "r-head", "analyst", "inspector", "staff")) {
            assertThat(as(caller).post(read, Map.of("id", id)).firstErrorCode())
                    .as(caller)
                    .isEqualTo("FORBIDDEN");
            assertThat(as(caller).post(list).firstErrorCode()).as(caller).isEqualTo("FORBIDDEN");
            assertThat(as(caller).post(closing, Map.of("id", id)).firstErrorCode())
                    .as(caller)
                    .isEqualTo("FORBIDDEN");
            assertThat(as(caller)
                            .post(opening, Map.of("i", leadersRound("2035-03", LEADERS)))
                            .firstErrorCode())
                    .as(caller)
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(anonymous().post(read, Map.of("id", id)).firstErrorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous().post("{ myRatingBallots { edges { cursor } } }").firstErrorCode())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous()
                        .post("""
                mutation($i: SubmitRatingBallotInput!) { submitRatingBallot(input: $i) { submitted } }""", Map.of("i", Map.of("roundId", id, "ratings", ratings(LEADERS, 0, 0))))
                        .firstErrorCode())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(as("admin")
                        .post(read, Map.of("id", id))
                        .ok()
                        .path("ratingRound")
                        .path("id")
                        .asString())
                .isEqualTo(id);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (r:RatingRound {period: '2035-03'}) RETURN count(r) AS c")
                            .single()
                            .get("c")
                            .asLong())
                    .as("nobody else opened one")
                    .isZero();
        }
        close(id);
    }

    /** The ballots in the staff's boxes of the round (the raters of these tests are staff). */
    private List<Long> boxCounts(String roundId) {
        try (var session = driver.session()) {
            return session.run(
                            "MATCH (b:RatingBallotBox {roundId: $id, group: 'staff'}) RETURN b.count AS c",
                            Map.of("id", roundId))
                    .list(r -> r.get("c").asLong());
        }
    }
}
