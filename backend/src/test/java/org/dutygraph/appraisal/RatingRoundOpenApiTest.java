package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opening a rating round: every problem with its field path, nothing stored; who rates whom, fixed at opening. */
class RatingRoundOpenApiTest extends RatingRoundTestSupport {

    @Test
    void everyProblemOfARoundIsNamedByItsFieldAndNothingIsStored() {
        long before = count("RatingRound") + count("RatingEligibility") + count("RatingBallotBox");
        var input = leadersRound("2034-01", List.of("R-HEAD", "R-NOBODY", "R-HEAD", "rdept"));
        input.put(
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
                        Map.of("name", "staff", "relation", "UNIT_STAFF"),
                        Map.of("name", "citizens", "relation", "UNIT_STAFF", "personIds", List.of("R-S1")),
                        Map.of("name", "Bad Name", "relation", "UNIT_STAFF"),
                        Map.of("name", "weighed", "relation", "UNIT_STAFF", "weight", "40")));
        input.put("questions", List.of("德才表现", "工作实绩", "德才表现", " "));
        input.put(
                "scale",
                List.of(
                        Map.of("label", "优秀", "points", "120"),
                        Map.of("label", "优秀", "points", "80"),
                        Map.of("label", "差", "points", "ten")));
        input.put("opensAt", clock.instant().plus(Duration.ofMinutes(30)).toString());
        input.put("closesAt", clock.instant().plus(Duration.ofMinutes(20)).toString());

        var refused = open(input);

        assertThat(refused.path("round").isNull()).isTrue();
        assertThat(problems(refused))
                .containsExactlyInAnyOrder(
                        "input.closesAt:CLOSES_BEFORE_OPENS",
                        "input.questions.2:DUPLICATE_QUESTION",
                        "input.questions.3:INVALID_LENGTH",
                        "input.scale.0.points:OUT_OF_RANGE",
                        "input.scale.1.label:DUPLICATE_OPTION",
                        "input.scale.2.points:NOT_A_NUMBER",
                        "input.groups.0.personIds.1:UNKNOWN_PERSON",
                        "input.groups.1.unitIds.1:UNKNOWN_UNIT",
                        "input.groups.2.name:DUPLICATE_GROUP",
                        "input.groups.3.name:UNKNOWN_GROUP",
                        "input.groups.3.personIds:UNEXPECTED_FIELD",
                        "input.groups.4.name:INVALID_NAME",
                        "input.groups.5.name:UNKNOWN_GROUP",
                        "input.groups.5.weight:WEIGHT_FROM_SCHEME",
                        "input.subjects.ids.1:UNKNOWN_SUBJECT",
                        "input.subjects.ids.2:DUPLICATE_SUBJECT",
                        "input.subjects.ids.3:WRONG_SUBJECT_KIND");
        assertThat(refused.path("errors").path(0).path("message").asString()).isNotBlank();
        assertThat(count("RatingRound") + count("RatingEligibility") + count("RatingBallotBox"))
                .as("nothing stored")
                .isEqualTo(before);
    }

    @Test
    void theSchemePeriodAndIndicatorMustFit_andAnInputIndicatorsWeightsAddUpTo100() {
        var unknownScheme = leadersRound("2034-01", List.of("R-HEAD"));
        unknownScheme.put("schemeId", "rr-missing");
        assertThat(problems(open(unknownScheme))).containsExactly("input.schemeId:UNKNOWN_SCHEME");

        var quarter = leadersRound("2034-Q1", List.of("R-HEAD"));
        assertThat(problems(open(quarter))).containsExactly("input.period:WRONG_PERIOD");

        var notThere = leadersRound("2034-01", List.of("R-HEAD"));
        notThere.put("indicatorCode", "satisfaction");
        assertThat(problems(open(notThere))).containsExactly("input.indicatorCode:UNKNOWN_INDICATOR");

        var weights = unitRound("2034-01");
        weights.put(
                "groups",
                List.of(
                        Map.of("name", "staff", "relation", "UNIT_STAFF", "weight", "60"),
                        Map.of(
                                "name",
                                "audit",
                                "relation",
                                "STAFF_OF_UNITS",
                                "unitIds",
                                List.of("rover"),
                                "weight",
                                "30"),
                        Map.of("name", "finance", "relation", "STAFF_OF_UNITS", "unitIds", List.of("rother"))));
        assertThat(problems(open(weights))).containsExactly("input.groups.2.weight:MISSING_WEIGHT");
        weights.put(
                "groups",
                List.of(
                        Map.of("name", "staff", "relation", "UNIT_STAFF", "weight", "60"),
                        Map.of(
                                "name",
                                "audit",
                                "relation",
                                "STAFF_OF_UNITS",
                                "unitIds",
                                List.of("rover"),
                                "weight",
                                "30")));
        assertThat(problems(open(weights))).containsExactly("input.groups:WEIGHTS_NOT_100");

        var past = leadersRound("2034-01", List.of("R-HEAD"));
        past.put("opensAt", clock.instant().minus(Duration.ofHours(2)).toString());
        past.put("closesAt", clock.instant().minus(Duration.ofHours(1)).toString());
        assertThat(problems(open(past))).containsExactly("input.closesAt:ALREADY_PAST");

        var both = leadersRound("2034-01", List.of("R-HEAD"));
        both.put("subjects", Map.of("fromScheme", true, "ids", List.of("R-HEAD")));
        assertThat(problems(open(both))).containsExactly("input.subjects:INVALID_SUBJECTS");
    }

    @Test
    void aGroupWithNoRaterForAnySubjectIsRefused_andGroupsTooSmallToBeScoredAreWarnedOf() {
        // the leaders' staff are all taken by the first group, so the second holds nobody
        var empty = leadersRound("2034-01", List.of("R-HEAD"));
        empty.put(
                "groups",
                List.of(
                        Map.of("name", "staff", "relation", "UNIT_STAFF"),
                        Map.of("name", "leaders", "relation", "PERSONS", "personIds", List.of("R-S1", "R-S2"))));
        assertThat(problems(open(empty))).containsExactly("input.groups.1:EMPTY_GROUP");

        var small = leadersRound("2034-01", List.of("R-HEAD"));
        small.put(
                "groups",
                List.of(
                        Map.of("name", "leaders", "relation", "SUPERVISING_LEADERS"),
                        Map.of("name", "staff", "relation", "UNIT_STAFF")));
        var opened = open(small);
        assertThat(opened.path("errors").isEmpty()).as(opened.toString()).isTrue();
        assertThat(opened.path("warnings")
                        .valueStream()
                        .map(w -> w.path("code").asString() + "@"
                                + String.join(
                                        ".",
                                        w.path("field")
                                                .valueStream()
                                                .map(f -> f.asString())
                                                .toList()))
                        .toList())
                .containsExactly("SMALL_GROUP@input.groups.0");
        assertThat(opened.path("warnings").path(0).path("message").asString()).contains("R-HEAD", "3", "5");
        // 分管副市长, and the department's other leaders; the head does not rate himself
        var id = opened.path("round").path("id").asString();
        assertThat(ballot("R-VM", id).path("subjects").path(0).path("group").asString())
                .isEqualTo("leaders");
        assertThat(ballot("R-DEP1", id).path("subjects").path(0).path("group").asString())
                .isEqualTo("leaders");
        assertThat(ballot("R-SS1", id).path("subjects").path(0).path("group").asString())
                .isEqualTo("staff");
        assertThat(ballot("R-HEAD", id)).as("nobody rates themselves").isNull();
        assertThat(ballot("R-O1", id)).as("another department's staff").isNull();
        var audit = opened.path("round").path("audit");
        assertThat(audit.path("eligibleRaters").asInt()).isEqualTo(11);
        assertThat(audit.path("groups").path(0).path("eligibleRaters").asInt()).isEqualTo(3);
        assertThat(audit.path("groups").path(1).path("eligibleRaters").asInt()).isEqualTo(8);
        assertThat(audit.path("groups").path(1).path("ballots").isNull())
                .as("counted once closed")
                .isTrue();

        var again = leadersRound("2034-01", List.of("R-DEP1", "R-HEAD"));
        assertThat(problems(open(again)))
                .as("the same indicator, period and subject")
                .containsExactly("input.indicatorCode:OVERLAPPING_ROUND");
        close(id);
    }

    @Test
    void theSubjectsMayBeTheSchemesPopulation_andASectionsLeadersAreItsDepartments() {
        var input = leadersRound("2034-02", List.of());
        input.put("subjects", Map.of("fromScheme", true));
        var opened = open(input);
        assertThat(opened.path("errors").isEmpty()).as(opened.toString()).isTrue();
        assertThat(opened.path("round")
                        .path("subjectIds")
                        .valueStream()
                        .map(n -> n.asString())
                        .toList())
                .containsExactly("R-DEP1", "R-DEP2", "R-HEAD");
        close(opened.path("round").path("id").asString());

        var units = unitRound("2034-02");
        units.put("subjects", Map.of("ids", List.of("rdept-s1")));
        units.put("groups", List.of(Map.of("name", "leaders", "relation", "SUPERVISING_LEADERS", "weight", "100")));
        var section = open(units);
        assertThat(section.path("errors").isEmpty()).as(section.toString()).isTrue();
        var id = section.path("round").path("id").asString();
        for (var leader : List.of("R-HEAD", "R-DEP1", "R-DEP2")) {
            assertThat(ballot(leader, id)).as(leader).isNotNull();
        }
        assertThat(ballot("R-SH", id))
                .as("the section's own head is not above it")
                .isNull();
        close(id);
    }

    /** A round on the departments' service satisfaction (an input out of 10): staff 60 %, audit office 40 %. */
    Map<String, Object> unitRound(String period) {
        var input = new HashMap<String, Object>(leadersRound(period, List.of()));
        input.put("title", "部门满意度测评 " + period);
        input.put("schemeId", "rr-unit");
        input.put("indicatorCode", "rr-service");
        input.put("subjects", Map.of("ids", List.of("rdept")));
        input.put(
                "groups",
                List.of(
                        Map.of("name", "staff", "label", "本单位", "relation", "UNIT_STAFF", "weight", "60"),
                        Map.of(
                                "name",
                                "oversight",
                                "label",
                                "监督部门",
                                "relation",
                                "STAFF_OF_UNITS",
                                "unitIds",
                                List.of("rover", "rother"),
                                "weight",
                                "40")));
        input.put("questions", List.of("服务态度"));
        return input;
    }
}
