package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Daily workload targets per window worker over HTTP against the real database: the office sets a hall's standard
 * and challenge targets for off-peak and peak days (every problem at its path, nothing stored then, each change
 * kept), the office and the hall's leaders read each worker's working days as MET / CHALLENGE_MET / MISSED, others
 * are refused, and an appraisal scheme reads the month's counts as computed inputs.
 */
class HallWorkloadApiTest extends ApiTest {

    private static final String SET = """
            mutation($i: SetHallWorkloadTargetsInput!) { setHallWorkloadTargets(input: $i) {
              targets { hallId offPeakStandard offPeakChallenge peakStandard peakChallenge peakPeriods { from to } updatedBy updatedAt }
              errors { field code message } } }""";

    private static final String READ = """
            query($h: ID!, $f: Date!, $t: Date!) { hallWorkload(hallId: $h, from: $f, to: $t) {
              hallId targets { offPeakStandard peakStandard }
              days { date postId postLabel personId personName peak accepted standard challenge outcome }
              errors { field code } } }""";

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void hallWithAcceptedCases() throws Exception {
        wipeGraph();
        importBundle(resource("supervision/bundle.json"));
        for (var a : List.of(List.of("sv-head", "sv-p-head"), List.of("sv-clerk", "sv-p-clerk"))) {
            try (var session = driver.session()) {
                session.run(
                                """
                        MERGE (a:Account {username: $u}) ON CREATE SET a.passwordHash = $hash, a.roles = ['UNIT_STAFF'],
                              a.unitId = 'zrzy', a.personId = $person""",
                                Map.of("u", a.get(0), "hash", passwords.encode(a.get(0) + "-demo"), "person", a.get(1)))
                        .consume();
            }
        }
        var events = new StringBuilder();
        // the window post: Mon 9 Mar 3 cases, Tue 10 Mar 5, Wed 11 Mar 2, Sat 14 Mar (a day off) 1, Mon 16 Mar (peak) 4
        accepted(events, "zrzy-dj-1", "2026-03-09", 3);
        accepted(events, "zrzy-dj-1", "2026-03-10", 5);
        accepted(events, "zrzy-dj-1", "2026-03-11", 2);
        accepted(events, "zrzy-dj-1", "2026-03-14", 1);
        accepted(events, "zrzy-dj-1", "2026-03-16", 4);
        // the section head took one case on Monday 9 March
        accepted(events, "zrzy-dj-head", "2026-03-09", 1);
        // a case accepted twice (a second accepted event of the same case) counts once
        events.append("""
                {"event_id": "again", "case_id": "W-zrzy-dj-1-2026-03-09-0", "power_item_id": "pi-reg", "unit_id": "zrzy-dj", "post_id": "zrzy-dj-1", "kind": "accepted", "at": "2026-03-09T15:00:00+08:00"}
                """);
        var sent = SystemFeeds.caseEvents(port, events.toString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(sent.body()).contains("\"problems\":[]");
    }

    @Test
    void theOfficeSetsTargets_andReadsEachWorkersWorkingDays() {
        var saved = set("inspector", input("zrzy-dj", 3, 5, 4, 6, List.of(List.of("2026-03-16", "2026-03-20"))));
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();
        madeAt("zrzy-dj", "2026-03-01T09:00:00+08:00");
        assertThat(saved.path("targets").path("updatedBy").asString()).isEqualTo("inspector");
        assertThat(saved.path("targets")
                        .path("peakPeriods")
                        .path(0)
                        .path("from")
                        .asString())
                .isEqualTo("2026-03-16");

        var workload = read("inspector", "zrzy-dj", "2026-03-09", "2026-03-20");
        assertThat(workload.path("errors").isEmpty()).as(workload.toString()).isTrue();
        assertThat(days(workload))
                .as("working days with a case accepted; Saturday 14 March is a day off, not measured")
                .containsExactly(
                        "2026-03-09 zrzy-dj-1 sv-p-clerk off-peak 3/3/5 MET",
                        "2026-03-09 zrzy-dj-head sv-p-head off-peak 1/3/5 MISSED",
                        "2026-03-10 zrzy-dj-1 sv-p-clerk off-peak 5/3/5 CHALLENGE_MET",
                        "2026-03-11 zrzy-dj-1 sv-p-clerk off-peak 2/3/5 MISSED",
                        "2026-03-16 zrzy-dj-1 sv-p-clerk peak 4/4/6 MET");
        assertThat(workload.path("days").path(0).path("personName").asString()).isEqualTo("审核员丙");

        assertThat(days(read("sv-head", "zrzy-dj", "2026-03-09", "2026-03-20")))
                .as("the section's head leads the hall")
                .hasSize(5);

        var changed = set("admin", input("zrzy-dj", 65, 75, 85, 95, List.of()));
        assertThat(changed.path("errors").isEmpty()).isTrue();
        var after = read("admin", "zrzy-dj", "2026-03-09", "2026-03-20");
        assertThat(after.path("targets").path("offPeakStandard").asInt()).isEqualTo(65);
        assertThat(days(after))
                .as("a change made today does not rescore the days of March: they keep the targets then in force")
                .containsExactlyElementsOf(days(workload));
        try (var session = driver.session()) {
            assertThat(session.run(
                                    "MATCH (c:HallWorkloadChange {hallId: 'zrzy-dj'}) RETURN c.updatedBy AS by ORDER BY c.atMillis")
                            .list(r -> r.get("by").asString()))
                    .as("every change is kept with who made it")
                    .containsExactly("inspector", "admin");
        }
    }

    @Test
    void badTargetsAreRefusedWithEveryProblemAtItsPath_andNothingIsStored() {
        var refused = set(
                "inspector",
                input(
                        "nowhere",
                        0,
                        0,
                        4,
                        4,
                        List.of(
                                List.of("2026-03-10", "2026-03-05"),
                                List.of("2026-07-01", "2026-08-31"),
                                List.of("2026-08-31", "2026-09-02"))));
        assertThat(refused.path("targets").isNull()).isTrue();
        assertThat(errors(refused))
                .containsExactlyInAnyOrder(
                        "input.hallId UNKNOWN_UNIT",
                        "input.offPeakStandard OUT_OF_RANGE",
                        "input.offPeakChallenge OUT_OF_RANGE",
                        "input.peakChallenge OUT_OF_RANGE",
                        "input.peakPeriods.0.to INVALID_PERIOD",
                        "input.peakPeriods.2 OVERLAPPING_PERIOD");
        var refusedHall = set("inspector", input("zrzy-dj", 3, 2, 4, 6, List.of()));
        assertThat(errors(refusedHall)).containsExactly("input.offPeakChallenge OUT_OF_RANGE");
        assertThat(errors(read("inspector", "zrzy-dj", "2026-03-09", "2026-03-20")))
                .as("nothing was stored")
                .containsExactly("hallId NO_TARGETS");

        set("inspector", input("zrzy-dj", 3, 5, 4, 6, List.of()));
        assertThat(errors(read("inspector", "zrzy-dj", "2026-03-20", "2026-03-09")))
                .containsExactly("to INVALID_SPAN");
        assertThat(errors(read("inspector", "zrzy-dj", "2026-03-01", "2026-04-30")))
                .containsExactly("to SPAN_TOO_LONG");
    }

    @Test
    void anUnknownHallOrPostIsNamedByItsPath_notByEchoingWhatWasTyped() {
        var typed = "<img src=x onerror=alert(1)>" + "长".repeat(300);
        var workload = set("inspector", input(typed, 3, 5, 4, 6, List.of()));
        assertThat(errors(workload)).containsExactly("input.hallId UNKNOWN_UNIT");
        var thresholds = as("inspector")
                .post(
                        "mutation($i: SetHallQueueThresholdsInput!) { setHallQueueThresholds(input: $i) { errors { field code message } } }",
                        Map.of(
                                "i",
                                Map.of(
                                        "hallId", typed,
                                        "yellow", 1,
                                        "orange", 2,
                                        "red", 3,
                                        "clearMargin", 0,
                                        "yellowPostId", typed)))
                .ok()
                .path("setHallQueueThresholds");
        assertThat(errors(thresholds)).containsExactly("input.hallId UNKNOWN_UNIT", "input.yellowPostId UNKNOWN_POST");
        for (var payload : List.of(workload, thresholds)) {
            payload.path("errors")
                    .valueStream()
                    .forEach(e -> assertThat(e.path("message").asString())
                            .isNotBlank()
                            .doesNotContain("<img")
                            .doesNotContain("长长")
                            .hasSizeLessThan(200));
        }
    }

    @Test
    void onlyTheOfficeSetsTargets_andOnlyTheOfficeAndTheHallsLeadersReadThem() {
        set("inspector", input("zrzy-dj", 3, 5, 4, 6, List.of()));
        for (var user : List.of("sv-clerk", "sv-head", "staff", "inspector2", "analyst", "appraiser")) {
            assertThat(as(user).post(SET, Map.of("i", input("zrzy-dj", 1, 2, 3, 4, List.of())))
                            .firstErrorCode())
                    .as(user + " sets no targets")
                    .isEqualTo("FORBIDDEN");
        }
        for (var user : List.of("sv-clerk", "staff", "inspector2")) {
            var refused = read(user, "zrzy-dj", "2026-03-09", "2026-03-20");
            assertThat(refused.path("days").isEmpty()).isTrue();
            assertThat(refused.path("targets").isNull()).isTrue();
            // the id asked for is not repeated to those who may not read the hall (hallId stays non-null: released
            // apps)
            assertThat(refused.path("hallId").asString()).as(user).isEmpty();
            assertThat(errors(refused))
                    .as(user + " leads no part of the hall and is not the office")
                    .containsExactly(" FORBIDDEN");
        }
        for (var user : List.of("analyst", "appraiser")) {
            assertThat(as(user).post(READ, Map.of("h", "zrzy-dj", "f", "2026-03-09", "t", "2026-03-20"))
                            .firstErrorCode())
                    .as(user + ": a role that may not ask")
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(anonymous()
                        .post(READ, Map.of("h", "zrzy-dj", "f", "2026-03-09", "t", "2026-03-20"))
                        .firstErrorCode())
                .isIn("UNAUTHENTICATED", "FORBIDDEN");
    }

    @Test
    void anAppraisalSchemeReadsTheMonthsMetDays_andAppraisersCannotEnterThem() {
        set("inspector", input("zrzy-dj", 3, 5, 4, 6, List.of(List.of("2026-03-16", "2026-03-20"))));
        madeAt("zrzy-dj", "2026-03-01T09:00:00+08:00");
        var scheme = Map.<String, Object>of(
                "name",
                "窗口日工作量",
                "subject",
                "PERSON",
                "period",
                "MONTH",
                "population",
                Map.of("postRoles", List.of("head", "staff")),
                "indicators",
                List.of(Map.of("code", "supervision_workload_met_days", "weight", "100", "input", Map.of("max", "2"))),
                "grades",
                List.of(Map.of("grade", "GOOD", "min", "60"), Map.of("grade", "POOR")));
        var saved = as("appraiser").post("""
                mutation($d: JSON!) { saveAppraisalScheme(input: {id: "sv-workload", validFrom: "2026-01", definition: $d}) {
                  scheme { id } errors { field code message } } }""", Map.of("d", scheme)).ok().path("saveAppraisalScheme");
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();

        var typed = as("appraiser").post("""
                mutation { enterAppraisalScores(input: {period: "2026-03", scores: [
                  {subjectId: "sv-p-clerk", code: "supervision_workload_missed_days", value: "0"}]}) { entered errors { code } } }""").ok().path("enterAppraisalScores");
        assertThat(typed.path("errors").path(0).path("code").asString()).isEqualTo("COMPUTED_INDICATOR");

        var march = AppraisedMonth.recomputedAndRead(as("appraiser"), "sv-workload", "2026-03");
        assertThat(march)
                .as("the clerk met the standard on 9 and 16 March (10 March's challenge counts apart); the head never")
                .containsExactlyInAnyOrder("sv-p-clerk 100.00 GOOD", "sv-p-head 0.00 POOR");
    }

    @Test
    void eachDayIsScoredAgainstTheTargetsInForceThatDay_andTheChangesAreReadNewestFirst() {
        set("inspector", input("zrzy-dj", 3, 5, 4, 6, List.of(List.of("2026-03-16", "2026-03-20"))));
        madeAt("zrzy-dj", "2026-03-01T09:00:00+08:00");
        // changed on the morning of Wednesday 11 March: in force from that day; 11 March alone is peak now
        set("admin", input("zrzy-dj", 2, 3, 5, 7, List.of(List.of("2026-03-11", "2026-03-11"))));
        madeAt("zrzy-dj", "2026-03-11T08:00:00+08:00");
        set("inspector", input("zrzy-dj", 65, 75, 85, 95, List.of()));

        assertThat(days(read("inspector", "zrzy-dj", "2026-03-09", "2026-03-20")))
                .containsExactly(
                        "2026-03-09 zrzy-dj-1 sv-p-clerk off-peak 3/3/5 MET",
                        "2026-03-09 zrzy-dj-head sv-p-head off-peak 1/3/5 MISSED",
                        "2026-03-10 zrzy-dj-1 sv-p-clerk off-peak 5/3/5 CHALLENGE_MET",
                        "2026-03-11 zrzy-dj-1 sv-p-clerk peak 2/5/7 MISSED",
                        "2026-03-16 zrzy-dj-1 sv-p-clerk off-peak 4/2/3 CHALLENGE_MET");
        assertThat(days(read("inspector", "zrzy-dj", "2026-02-23", "2026-02-27")))
                .as("before the hall's first targets no day is scored")
                .isEmpty();

        var first = changes("inspector", "zrzy-dj", 2, null);
        assertThat(first.path("edges").valueStream().map(HallWorkloadApiTest::change))
                .containsExactly("65/75 85/95 [] inspector", "2/3 5/7 [2026-03-11..2026-03-11] admin");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(java.time.OffsetDateTime.parse(first.path("edges")
                                .path(1)
                                .path("node")
                                .path("changedAt")
                                .asString())
                        .toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse("2026-03-11T08:00:00+08:00")
                        .toInstant());
        var rest = changes(
                "sv-head",
                "zrzy-dj",
                2,
                first.path("pageInfo").path("endCursor").asString());
        assertThat(rest.path("edges").valueStream().map(HallWorkloadApiTest::change))
                .as("the hall's leaders read them too")
                .containsExactly("3/5 4/6 [2026-03-16..2026-03-20] inspector");
        assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        for (var user : List.of("sv-clerk", "inspector2", "analyst")) {
            var refused = as(user).post(CHANGES, Map.of("h", "zrzy-dj", "n", 2, "a", "not-a-cursor"));
            assertThat(refused.firstErrorCode()).as(user + " reads no changes").isEqualTo("FORBIDDEN");
            assertThat(refused.errors())
                    .as(user + " hears nothing of the cursor")
                    .hasSize(1);
            assertThat(refused.data().path("hallWorkload").path("changes").isEmpty())
                    .isTrue();
        }
    }

    @Test
    void aPostUnderTwoHallsWithTargetsCountsOnce_andADayTwoPeopleSharedCountsForNoOne() {
        // the department is a hall with targets too, and contains the registration hall
        for (var hall : List.of("zrzy-dj", "zrzy")) {
            set("inspector", input(hall, 3, 5, 4, 6, List.of(List.of("2026-03-16", "2026-03-20"))));
            madeAt(hall, "2026-03-01T09:00:00+08:00");
        }
        var scheme = Map.<String, Object>of(
                "name",
                "窗口日工作量",
                "subject",
                "PERSON",
                "period",
                "MONTH",
                "population",
                Map.of("postRoles", List.of("head", "staff")),
                "indicators",
                List.of(Map.of("code", "supervision_workload_met_days", "weight", "100", "input", Map.of("max", "4"))),
                "grades",
                List.of(Map.of("grade", "GOOD", "min", "60"), Map.of("grade", "POOR")));
        var saved = as("appraiser").post("""
                mutation($d: JSON!) { saveAppraisalScheme(input: {id: "sv-workload", validFrom: "2026-01", definition: $d}) {
                  scheme { id } errors { field code message } } }""", Map.of("d", scheme)).ok().path("saveAppraisalScheme");
        assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();
        assertThat(AppraisedMonth.recomputedAndRead(as("appraiser"), "sv-workload", "2026-03"))
                .as("the clerk met the standard on 9 and 16 March: 2 days of 4, not 4")
                .containsExactlyInAnyOrder("sv-p-clerk 50.00 POOR", "sv-p-head 0.00 POOR");

        // 10 March: the clerk hands the window over to a newcomer during the day
        try (var session = driver.session()) {
            session.run("""
                            MATCH (:Person {id: 'sv-p-clerk'})-[h:HOLDS]->(:Post {id: 'zrzy-dj-1'}) SET h.endDate = '2026-03-10'
                            WITH 1 AS one MATCH (p:Post {id: 'zrzy-dj-1'})
                            CREATE (:Person {id: 'sv-p-new', name: '新人'})-[:HOLDS {startDate: '2026-03-10'}]->(p)""").consume();
        }
        var days = read("inspector", "zrzy-dj", "2026-03-10", "2026-03-16");
        assertThat(days(days))
                .as("the day's cases are two people's: the day is shown, and held against no one")
                .containsExactly(
                        "2026-03-10 zrzy-dj-1 - off-peak 5/3/5 CHALLENGE_MET",
                        "2026-03-11 zrzy-dj-1 sv-p-new off-peak 2/3/5 MISSED",
                        "2026-03-16 zrzy-dj-1 sv-p-new peak 4/4/6 MET");
    }

    private static final String CHANGES = """
            query($h: ID!, $n: Int, $a: String) { hallWorkload(hallId: $h, from: "2026-03-01", to: "2026-03-01") {
              changes(first: $n, after: $a) {
                edges { node { offPeakStandard offPeakChallenge peakStandard peakChallenge peakPeriods { from to }
                               changedBy changedAt } }
                pageInfo { hasNextPage endCursor } }
              errors { code } } }""";

    private JsonNode changes(String user, String hall, int first, String after) {
        var variables = new java.util.HashMap<String, Object>(Map.of("h", hall, "n", first));
        if (after != null) variables.put("a", after);
        var workload = as(user).post(CHANGES, variables).ok().path("hallWorkload");
        assertThat(workload.path("errors").isEmpty()).as(workload.toString()).isTrue();
        return workload.path("changes");
    }

    private static String change(JsonNode edge) {
        var n = edge.path("node");
        return n.path("offPeakStandard").asInt() + "/"
                + n.path("offPeakChallenge").asInt() + " "
                + n.path("peakStandard").asInt() + "/" + n.path("peakChallenge").asInt() + " "
                + n.path("peakPeriods")
                        .valueStream()
                        .map(p ->
                                p.path("from").asString() + ".." + p.path("to").asString())
                        .toList()
                + " " + n.path("changedBy").asString();
    }

    /**
     * Records the hall's latest target change as made at {@code at}: the tests cannot move the clock back past the
     * tokens they signed in with, so the change is dated as the office would have made it then.
     */
    private void madeAt(String hall, String at) {
        var when = java.time.OffsetDateTime.parse(at);
        try (var session = driver.session()) {
            session.run(
                            """
                            MATCH (c:HallWorkloadChange {hallId: $h}) WITH c ORDER BY c.atMillis DESC LIMIT 1
                            SET c.atMillis = $ms, c.updatedAt = $at""",
                            Map.of(
                                    "h",
                                    hall,
                                    "ms",
                                    when.toInstant().toEpochMilli(),
                                    "at",
                                    when.withOffsetSameInstant(java.time.ZoneOffset.UTC)))
                    .consume();
        }
    }

    private static void accepted(StringBuilder events, String post, String day, int cases) {
        for (int i = 0; i < cases; i++) {
            var id = "W-" + post + "-" + day + "-" + i;
            events.append("""
                    {"event_id": "%1$s", "case_id": "%1$s", "power_item_id": "pi-reg", "unit_id": "zrzy-dj", "post_id": "%2$s", "kind": "accepted", "at": "%3$sT09:%4$02d:00+08:00"}
                    """.formatted(id, post, day, i));
        }
    }

    private static Map<String, Object> input(
            String hall,
            int offStandard,
            int offChallenge,
            int peakStandard,
            int peakChallenge,
            List<List<String>> periods) {
        var list = new ArrayList<Map<String, String>>();
        periods.forEach(p -> list.add(Map.of("from", p.get(0), "to", p.get(1))));
        return Map.of(
                "hallId", hall,
                "offPeakStandard", offStandard,
                "offPeakChallenge", offChallenge,
                "peakStandard", peakStandard,
                "peakChallenge", peakChallenge,
                "peakPeriods", list);
    }

    private JsonNode set(String user, Map<String, Object> input) {
        return as(user).post(SET, Map.of("i", input)).ok().path("setHallWorkloadTargets");
    }

    private JsonNode read(String user, String hall, String from, String to) {
        return as(user).post(READ, Map.of("h", hall, "f", from, "t", to)).ok().path("hallWorkload");
    }

    private static List<String> days(JsonNode workload) {
        return workload.path("days")
                .valueStream()
                .map(d -> d.path("date").asString() + " " + d.path("postId").asString() + " "
                        + (d.path("personId").isNull()
                                ? "-"
                                : d.path("personId").asString()) + " "
                        + (d.path("peak").asBoolean() ? "peak" : "off-peak")
                        + " " + d.path("accepted").asInt() + "/"
                        + d.path("standard").asInt() + "/"
                        + d.path("challenge").asInt() + " " + d.path("outcome").asString())
                .toList();
    }

    private static List<String> errors(JsonNode payload) {
        return payload.path("errors")
                .valueStream()
                .map(e -> String.join(
                                ".",
                                e.path("field")
                                        .valueStream()
                                        .map(JsonNode::asString)
                                        .toList())
                        + " " + e.path("code").asString())
                .toList();
    }
}
