package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Rating rounds over GraphQL on a small city (bundles/rounds.bundle.json: a department with leaders, staff and a section,
 * two other departments, the city's leaders), every person with an account of their own (username: the id in lower case,
 * password username-demo). Time is the application's clock, which the tests move forward (ApiTest's MovableClock);
 * the periodic close does not run on its own in API tests (ApiTest sets it to hourly). Schemes of 2034, each test its own month.
 */
abstract class RatingRoundTestSupport extends AppraiserCalls {

    static final List<String> PERSONS = List.of(
            "R-MAYOR", "R-VM", "R-HEAD", "R-DEP1", "R-DEP2", "R-S1", "R-S2", "R-S3", "R-S4", "R-S5", "R-SH", "R-SS1",
            "R-SS2", "R-O1", "R-O2", "R-O3", "R-V1", "R-V2");

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void roundsCity() {
        boolean present;
        try (var session = driver.session()) {
            present = session.run("MATCH (o:Organization {id: 'rdept-s1'}) RETURN count(o) > 0 AS e")
                    .single()
                    .get("e")
                    .asBoolean();
        }
        if (!present) {
            assertThat(importBundle(resource("bundles/rounds.bundle.json"))
                            .path("problems")
                            .isEmpty())
                    .isTrue();
        }
        for (var person : PERSONS) {
            try (var session = driver.session()) {
                session.run(
                                """
                        MERGE (a:Account {username: $u}) ON CREATE SET a.passwordHash = $hash, a.roles = ['UNIT_STAFF'],
                              a.unitId = 'rdept', a.personId = $person""",
                                Map.of(
                                        "u",
                                        user(person),
                                        "hash",
                                        passwords.encode(user(person) + "-demo"),
                                        "person",
                                        person))
                        .consume();
            }
        }
        boolean saved;
        try (var session = driver.session()) {
            saved = session.run("MATCH (s:AppraisalScheme {id: 'rr-unit'}) RETURN count(s) > 0 AS e")
                    .single()
                    .get("e")
                    .asBoolean();
        }
        if (!saved) {
            save("rr-leaders", "2034-01", leadersScheme());
            save("rr-unit", "2034-01", unitScheme());
        }
    }

    static String user(String person) {
        return person.toLowerCase(java.util.Locale.ROOT);
    }

    /** Leaders appraised monthly: work (entered) 50, democratic rating (leaders 40 %, staff 60 %) 50. */
    static Map<String, Object> leadersScheme() {
        return Map.of(
                "name",
                "领导班子成员月度考核",
                "subject",
                "PERSON",
                "period",
                "MONTH",
                "population",
                Map.of("subjects", List.of("R-HEAD", "R-DEP1", "R-DEP2")),
                "indicators",
                List.of(
                        Map.of("code", "rr-work", "weight", "50", "input", Map.of()),
                        Map.of(
                                "code",
                                "democratic",
                                "weight",
                                "50",
                                "ratings",
                                List.of(
                                        Map.of("group", "leaders", "weight", "40"),
                                        Map.of("group", "staff", "weight", "60")))),
                "grades",
                List.of(
                        Map.of("grade", "EXCELLENT", "min", "90"),
                        Map.of("grade", "COMPETENT", "min", "75"),
                        Map.of("grade", "BASIC", "min", "60"),
                        Map.of("grade", "INCOMPETENT")));
    }

    /** Departments monthly: work 80, service satisfaction out of 10 (a questionnaire) 20. */
    static Map<String, Object> unitScheme() {
        return Map.of(
                "name",
                "部门月度考核",
                "subject",
                "UNIT",
                "period",
                "MONTH",
                "classifications",
                List.of("department"),
                "population",
                Map.of("units", List.of("rgov")),
                "indicators",
                List.of(
                        Map.of("code", "rr-unit-work", "weight", "80", "input", Map.of()),
                        Map.of("code", "rr-service", "weight", "20", "input", Map.of("max", "10"))),
                "grades",
                List.of(Map.of("grade", "GOOD", "min", "60"), Map.of("grade", "POOR")));
    }

    static final List<Map<String, Object>> COMPETENCE_SCALE = List.of(
            Map.of("label", "优秀", "points", "100"),
            Map.of("label", "称职", "points", "80"),
            Map.of("label", "基本称职", "points", "60"),
            Map.of("label", "不称职", "points", "0"));

    /** A round on the leaders' democratic rating, open now for 10 minutes; change what a test needs. */
    Map<String, Object> leadersRound(String period, List<String> subjects) {
        var input = new HashMap<String, Object>();
        input.put("title", "领导班子民主测评 " + period);
        input.put("schemeId", "rr-leaders");
        input.put("period", period);
        input.put("indicatorCode", "democratic");
        input.put("subjects", Map.of("ids", subjects));
        input.put(
                "groups",
                List.of(
                        Map.of(
                                "name",
                                "leaders",
                                "label",
                                "分管领导",
                                "relation",
                                "PERSONS",
                                "personIds",
                                List.of("R-MAYOR", "R-VM", "R-O1", "R-O2", "R-O3")),
                        Map.of("name", "staff", "label", "本单位干部职工", "relation", "UNIT_STAFF")));
        input.put("questions", List.of("德才表现", "工作实绩"));
        input.put("scale", COMPETENCE_SCALE);
        input.put("opensAt", clock.instant().minusSeconds(60).toString());
        input.put("closesAt", clock.instant().plus(Duration.ofMinutes(10)).toString());
        return input;
    }

    JsonNode open(Map<String, Object> input) {
        return as("appraiser").post("""
                mutation($i: OpenRatingRoundInput!) { openRatingRound(input: $i) {
                  round { id status minGroupSize subjectIds audit { eligibleRaters groups { group eligibleRaters ballots } } }
                  warnings { field code message } errors { field code message } } }""", Map.of("i", input)).ok().path("openRatingRound");
    }

    String openOk(Map<String, Object> input) {
        var opened = open(input);
        assertThat(opened.path("errors").isEmpty()).as(opened.toString()).isTrue();
        return opened.path("round").path("id").asString();
    }

    JsonNode ballots(String person) {
        return as(user(person)).post("""
                { myRatingBallots(first: 20) { edges { node { roundId title period closesAt voted
                  subjects { id kind name group } questions { id text } scale { label points } } } } }""").ok().path("myRatingBallots").path("edges");
    }

    JsonNode ballot(String person, String roundId) {
        for (var edge : ballots(person)) {
            if (edge.path("node").path("roundId").asString().equals(roundId)) {
                return edge.path("node");
            }
        }
        return null;
    }

    /** Every subject rated with the same choices (one per question, in order). */
    static List<Map<String, Object>> ratings(List<String> subjects, int... choices) {
        var list = new ArrayList<Map<String, Object>>();
        for (var subject : subjects) {
            var answers = new ArrayList<Map<String, Object>>();
            for (int q = 0; q < choices.length; q++) {
                answers.add(Map.of("questionId", "q" + (q + 1), "choice", choices[q]));
            }
            list.add(Map.of("subjectId", subject, "answers", answers));
        }
        return list;
    }

    JsonNode submit(String person, String roundId, List<Map<String, Object>> ratings) {
        return as(user(person))
                .post("""
                mutation($i: SubmitRatingBallotInput!) { submitRatingBallot(input: $i) { submitted errors { field code message } } }""", Map.of("i", Map.of("roundId", roundId, "ratings", ratings)))
                .ok()
                .path("submitRatingBallot");
    }

    void submitOk(String person, String roundId, List<Map<String, Object>> ratings) {
        var answer = submit(person, roundId, ratings);
        assertThat(answer.path("errors").isEmpty()).as(person + ": " + answer).isTrue();
    }

    JsonNode close(String roundId) {
        return as("appraiser").post("""
                mutation($id: ID!) { closeRatingRound(input: {id: $id}) { entered errors { field code message }
                  round { id status audit { closedBy closedAutomatically ballotsCast turnout } } } }""", Map.of("id", roundId)).ok().path("closeRatingRound");
    }

    JsonNode round(String roundId) {
        return as("appraiser").post("""
                query($id: ID!) { ratingRound(id: $id) { id status target minGroupSize subjectIds(first: 100)
                  results(first: 50) { edges { node { subjectId status score groups(first: 20) { group eligible ballots status score } } } }
                  audit { openedBy openedAt closedBy closedAt closedAutomatically eligibleRaters ballotsCast turnout
                    groups(first: 20) { group eligibleRaters ballots } events { action by at note } } } }""", Map.of("id", roundId)).ok().path("ratingRound");
    }

    static JsonNode result(JsonNode round, String subject) {
        for (var edge : round.path("results").path("edges")) {
            if (edge.path("node").path("subjectId").asString().equals(subject)) {
                return edge.path("node");
            }
        }
        throw new AssertionError("no result for " + subject + " in " + round);
    }

    static JsonNode group(JsonNode result, String group) {
        for (var g : result.path("groups")) {
            if (g.path("group").asString().equals(group)) {
                return g;
            }
        }
        throw new AssertionError("no group " + group + " in " + result);
    }

    static List<String> problems(JsonNode payload) {
        return payload.path("errors")
                .valueStream()
                .map(e -> String.join(
                                ".",
                                e.path("field")
                                        .valueStream()
                                        .map(JsonNode::asString)
                                        .toList()) + ":" + e.path("code").asString())
                .toList();
    }
}
