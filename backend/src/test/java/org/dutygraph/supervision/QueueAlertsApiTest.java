package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Queue snapshots of a watched hall over HTTP (thresholds 20/40/60, clear margin 5, hall zrzy-dj of the supervision
 * fixture): each level tells its post once per crossing, a queue hovering at a threshold tells no one twice,
 * replays and late snapshots move nothing, and the hall's day shows when each level was raised and cleared.
 */
class QueueAlertsApiTest extends ApiTest {

    private static final List<String> PEOPLE = List.of("sv-head", "sv-vm", "sv-director", "sv-clerk");

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    HallThresholds thresholds;

    @BeforeEach
    void hallWithPeople() {
        wipeGraph();
        importBundle(resource("supervision/bundle.json"));
        // what a start does: the settings' hall (20/40/60, margin 5) is written to the wiped graph
        assertThat(thresholds.seedFromSettings()).isOne();
        for (var a : List.of(
                List.of("sv-director", "sv-p-director"),
                List.of("sv-head", "sv-p-head"),
                List.of("sv-clerk", "sv-p-clerk"),
                List.of("sv-vm", "sv-p-vm"))) {
            try (var session = driver.session()) {
                session.run(
                                """
                        MERGE (a:Account {username: $u}) ON CREATE SET a.passwordHash = $hash, a.roles = ['UNIT_STAFF'],
                              a.unitId = 'zrzy', a.personId = $person""",
                                Map.of("u", a.get(0), "hash", passwords.encode(a.get(0) + "-demo"), "person", a.get(1)))
                        .consume();
            }
        }
    }

    @Test
    void aHoveringQueueTellsTheSectionHeadOnce_andEachLevelItsOwnPost() throws Exception {
        var before = unread();
        var hovering = snapshots("09:00 10", "09:05 21", "09:10 18", "09:15 22", "09:20 16", "09:25 20", "09:30 19");

        var first = send(hovering);

        assertThat(first.path("kept").asInt()).isEqualTo(7);
        assertThat(first.path("raised").asInt())
                .as("yellow once, however it hovers")
                .isOne();
        assertThat(first.path("cleared").asInt())
                .as("16 and 19 stay above 20 - 5")
                .isZero();
        assertThat(delta(before)).as("head, deputy, director, clerk").containsExactly(1, 0, 0, 0);

        var replay = send(hovering);
        assertThat(replay.path("replayed").asInt()).isEqualTo(7);
        assertThat(replay.path("kept").asInt()).isZero();
        assertThat(delta(before)).as("a replayed batch tells no one").containsExactly(1, 0, 0, 0);

        var rising = send(snapshots("09:35 14", "09:40 20", "09:45 45", "09:50 61", "09:55 58"));
        assertThat(rising.path("cleared").asInt()).as("14 falls below 15").isOne();
        assertThat(rising.path("raised").asInt())
                .as("yellow again, orange, red")
                .isEqualTo(3);
        assertThat(delta(before))
                .as("a new crossing tells the head again; orange the deputy in charge, red the bureau's director")
                .containsExactly(2, 1, 1, 0);
        var inbox = as("sv-vm")
                .post("{ inbox(first: 5) { edges { node { kind subjectId body } } } }")
                .ok()
                .path("inbox")
                .path("edges");
        assertThat(inbox.path(0).path("node").path("kind").asString()).isEqualTo("SUPERVISION_QUEUE");
        assertThat(inbox.path(0).path("node").path("subjectId").asString())
                .isEqualTo("zrzy-dj/orange/2026-03-02T01:45:00Z");
        assertThat(inbox.path(0).path("node").path("body").asString())
                .as("the hall by its name, not its id")
                .contains("不动产登记科")
                .doesNotContain("zrzy-dj");
    }

    @Test
    void lateAndReusedSnapshotsMoveNoLevel_andBadLinesAreNamed() throws Exception {
        send(snapshots("09:00 10", "09:30 30"));
        var before = unread();

        var answer = send(snapshots("09:10 90", "09:30 31")
                + "{\"hall_id\": \"elsewhere\", \"at\": \"2026-03-02T09:40:00+08:00\", \"waiting\": 3}\n"
                + "{\"hall_id\": \"zrzy-dj\", \"at\": \"2026-03-02T09:40:00+08:00\", \"waiting\": -1}\n"
                + "{\"hall_id\": \"zrzy-dj\", \"at\": \"2026-03-02T09:40:00+08:00\", \"wait\": 3, \"waiting\": 3}\n"
                + "{\"hall_id\": \"zrzy-dj\", \"waiting\": 3}\n"
                + "not json\n"
                + "{\"hall_id\": \"zrzy-dj\", \"at\": \"2026-03-02T09:40:00+08:00\", \"waiting\": 3.5}\n"
                + "{\"hall_id\": \"zrzy-dj\", \"at\": \"2026-03-02T09:40:00+08:00\", \"waiting\": 1e12}\n"
                + "{\"hall_id\": \"zrzy-dj\", \"at\": \"2026-03-02T09:40:00+08:00\", \"waiting\": 99999999999}\n");

        assertThat(answer.path("kept").asInt()).isOne();
        assertThat(answer.path("late").asInt()).as("09:10 came after 09:30").isOne();
        assertThat(answer.path("raised").asInt()).as("a late 90 raises nothing").isZero();
        assertThat(answer.path("problems")
                        .valueStream()
                        .map(p -> p.path("line").asInt() + " " + p.path("field").asString() + " "
                                + p.path("code").asString()))
                .containsExactly(
                        "2 waiting SNAPSHOT_REUSED",
                        "3 hall_id UNKNOWN_HALL",
                        "4 waiting OUT_OF_RANGE",
                        "5 wait UNKNOWN_FIELD",
                        "6 at MISSING_FIELD",
                        "7 $ MALFORMED_JSON",
                        "8 waiting INVALID_VALUE",
                        "9 waiting INVALID_VALUE",
                        "10 waiting OUT_OF_RANGE");
        assertThat(delta(before)).containsExactly(0, 0, 0, 0);

        var day = day("inspector", "2026-03-02").ok().path("hallQueueDay");
        assertThat(day.path("snapshots")
                        .valueStream()
                        .map(s ->
                                s.path("waiting").asInt() + " " + s.path("late").asBoolean()))
                .containsExactly("10 false", "90 true", "30 false");
        assertThat(day.path("alerts").size()).isOne();
        assertThat(count("QueueSnapshot")).isEqualTo(3);

        assertThat(post("zwfw:wrong", snapshots("10:00 5")).statusCode()).isEqualTo(401);
        assertThat(post(null, snapshots("10:00 5")).statusCode()).isEqualTo(401);
        assertThat(count("QueueSnapshot")).isEqualTo(3);
    }

    @Test
    void theHallsDayShowsWhenEachLevelWasRaisedAndCleared_toTheOfficeOnly() throws Exception {
        send(snapshots("08:55 3", "09:05 45", "09:30 30", "10:00 10"));
        send(snapshots("23:50 25"));

        var day = day("inspector", "2026-03-02").ok().path("hallQueueDay");

        assertThat(day.path("yellow").asInt()).isEqualTo(20);
        assertThat(day.path("clearMargin").asInt()).isEqualTo(5);
        assertThat(day.path("alerts")
                        .valueStream()
                        .map(a -> a.path("level").asString() + " " + time(a.path("raisedAt")) + "-"
                                + time(a.path("clearedAt"))))
                .containsExactly("YELLOW 01:05-02:00", "ORANGE 01:05-01:30", "YELLOW 15:50-");
        var nextDay = day("admin", "2026-03-03").ok().path("hallQueueDay");
        assertThat(nextDay.path("alerts").size())
                .as("the yellow still standing at midnight")
                .isOne();
        assertThat(nextDay.path("snapshots").size()).isZero();

        assertThat(day("staff", "2026-03-02").firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(day("inspector2", "2026-03-02").firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(day("analyst", "2026-03-02").firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(anonymous()
                        .post("{ hallQueueDay(hallId: \"zrzy-dj\", date: \"2026-03-02\") { hallId } }")
                        .firstErrorCode())
                .isIn("UNAUTHENTICATED", "FORBIDDEN");
        var unknown = as("admin").post("{ hallQueueDay(hallId: \"<b>zrzy\", date: \"2026-03-02\") { hallId } }");
        assertThat(unknown.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(unknown.errors().get(0).path("message").asString())
                .as("what was typed is not said back (probe)")
                .doesNotContain("<b>");
    }

    /** Issue 18: a day's snapshots (and alerts) were an unbounded list; now bounded by first like other lists. */
    @Test
    void aDaysSnapshotsAreBoundedByFirst_andCutAt500WithAnError() throws Exception {
        var times = new ArrayList<String>();
        for (int minute = 0; minute < 501; minute++) {
            times.add("%02d:%02d 1".formatted(8 + minute / 60, minute % 60));
        }
        send(snapshots(times.subList(0, 250).toArray(String[]::new)));
        send(snapshots(times.subList(250, 501).toArray(String[]::new)));
        var lists = "query($n: Int) { hallQueueDay(hallId: \"zrzy-dj\", date: \"2026-03-02\") {"
                + " snapshots(first: $n) { waiting } alerts(first: $n) { id } } }";

        var whole = as("inspector").post(lists, new java.util.HashMap<>());
        assertThat(whole.data().path("hallQueueDay").path("snapshots")).hasSize(500);
        assertThat(whole.errors()).hasSize(1);
        assertThat(whole.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("TRUNCATED");
        assertThat(whole.errors().get(0).path("path").toString()).isEqualTo("[\"hallQueueDay\",\"snapshots\"]");

        var two = as("inspector").post(lists, Map.of("n", 2)).ok().path("hallQueueDay");
        assertThat(two.path("snapshots")).hasSize(2);
        var refused = as("inspector").post(lists, Map.of("n", 501)).errors().get(0);
        assertThat(refused.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.path("extensions").path("field").asString()).isEqualTo("first");
    }

    @Test
    void theOfficeSetsThresholds_andTheNextSnapshotRaisesByThem_withoutARestart() throws Exception {
        assertThat(send(snapshots("09:00 15")).path("raised").asInt())
                .as("15 is below the settings' yellow 20")
                .isZero();
        var before = unread();

        var set = setThresholds("inspector", "zrzy-dj", 10, 30, 50, 2, "zrzy-dj-1", null, null);

        assertThat(set.path("errors").size()).isZero();
        assertThat(set.path("hall").path("yellow").asInt()).isEqualTo(10);
        assertThat(set.path("hall").path("updatedBy").asString()).isEqualTo("inspector");
        var next = send(snapshots("09:05 15"));
        assertThat(next.path("raised").asInt())
                .as("the same 15 now passes the new yellow 10")
                .isOne();
        assertThat(delta(before))
                .as("yellow goes to the post given for it, the clerk")
                .containsExactly(0, 0, 0, 1);
        assertThat(send(snapshots("09:10 8")).path("cleared").asInt())
                .as("8 is not below 10 - 2")
                .isZero();
        assertThat(send(snapshots("09:15 7")).path("cleared").asInt()).isOne();

        var day = day("admin", "2026-03-02").ok().path("hallQueueDay");
        assertThat(List.of(
                        day.path("yellow").asInt(),
                        day.path("orange").asInt(),
                        day.path("red").asInt(),
                        day.path("clearMargin").asInt()))
                .containsExactly(10, 30, 50, 2);

        assertThat(thresholds.seedFromSettings())
                .as("at the next start the settings' hall is in the graph already: the graph wins")
                .isZero();
        var halls = as("inspector")
                .post(
                        "{ watchedHalls { edges { node { unitId yellow orange red clearMargin yellowPostId redPostId updatedBy updatedAt } } } }")
                .ok()
                .path("watchedHalls")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .toList();
        assertThat(halls).hasSize(1);
        assertThat(halls.get(0).path("unitId").asString()).isEqualTo("zrzy-dj");
        assertThat(halls.get(0).path("yellow").asInt()).isEqualTo(10);
        assertThat(halls.get(0).path("yellowPostId").asString()).isEqualTo("zrzy-dj-1");
        assertThat(halls.get(0).path("redPostId").isNull()).isTrue();
        assertThat(halls.get(0).path("updatedAt").isNull()).isFalse();
        assertThat(count("HallThresholdChange"))
                .as("the settings' values and the office's change, each with who and when")
                .isEqualTo(2);
    }

    @Test
    void badThresholdsAreRefusedWithTheirPaths_andNothingIsStored() {
        var everything = setThresholds("inspector", "nowhere", 0, 0, -1, 5, "no-post", "gov-vm", "");

        assertThat(everything.path("hall").isNull()).isTrue();
        assertThat(everything
                        .path("errors")
                        .valueStream()
                        .map(e -> String.join(
                                        ".",
                                        e.path("field")
                                                .valueStream()
                                                .map(JsonNode::asString)
                                                .toList()) + " "
                                + e.path("code").asString()))
                .containsExactly(
                        "input.hallId UNKNOWN_UNIT",
                        "input.yellow OUT_OF_RANGE",
                        "input.orange OUT_OF_RANGE",
                        "input.red OUT_OF_RANGE",
                        "input.clearMargin OUT_OF_RANGE",
                        "input.yellowPostId UNKNOWN_POST",
                        "input.redPostId UNKNOWN_POST");
        var orderOnly = setThresholds("inspector", "zrzy-dj", 30, 20, 100_001, 0, null, null, null);
        assertThat(orderOnly
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").path(1).asString())
                        .toList())
                .containsExactly("orange", "red");
        assertThat(orderOnly.path("errors").path(0).path("message").asString()).contains("orange");
        assertThat(setThresholds("inspector", "zrzy-dj", 10, 20, 30, 10, null, null, null)
                        .path("errors")
                        .path(0)
                        .path("field")
                        .path(1)
                        .asString())
                .as("the margin must stay below yellow")
                .isEqualTo("clearMargin");
        var unknownKey = as("inspector")
                .post("mutation { setHallQueueThresholds(input: {hallId: \"zrzy-dj\", yellow: 1, orange: 2, red: 3, "
                        + "clearMargin: 0, purple: 4}) { errors { code } } }");
        assertThat(unknownKey.errors()).isNotEmpty();

        assertStillTheSettingsValues();
    }

    @Test
    void onlyTheOfficeReadsAndSetsThresholds() {
        for (var username : List.of("staff", "inspector2", "analyst")) {
            var refused = as(username)
                    .post(
                            "mutation($i: SetHallQueueThresholdsInput!) { setHallQueueThresholds(input: $i) { errors { code } } }",
                            Map.of(
                                    "i",
                                    Map.of("hallId", "zrzy-dj", "yellow", 1, "orange", 2, "red", 3, "clearMargin", 0)));
            assertThat(refused.firstErrorCode()).as(username).isEqualTo("FORBIDDEN");
            assertThat(as(username)
                            .post("{ watchedHalls { edges { cursor } } }")
                            .firstErrorCode())
                    .as(username)
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(anonymous().post("{ watchedHalls { edges { cursor } } }").firstErrorCode())
                .isIn("UNAUTHENTICATED", "FORBIDDEN");

        assertStillTheSettingsValues();
    }

    @Test
    void theThresholdsHistoryIsReadNewestFirstPageByPage_byTheOfficeOnly() {
        assertThat(setThresholds("inspector", "zrzy-dj", 10, 30, 50, 2, null, null, null)
                        .path("errors")
                        .isEmpty())
                .isTrue();
        assertThat(setThresholds("admin", "zrzy-dj", 12, 30, 50, 3, "zrzy-dj-1", null, null)
                        .path("errors")
                        .isEmpty())
                .isTrue();
        var query = """
                query($after: String) { watchedHall(hallId: "zrzy-dj") { unitId thresholdChanges(first: 2, after: $after) {
                  edges { cursor node { yellow orange red clearMargin yellowPostId changedBy changedAt } }
                  pageInfo { hasNextPage endCursor } } } }""";
        var first = changes(query, null);
        assertThat(changeLines(first)).containsExactly("admin 12/30/50/3 zrzy-dj-1", "inspector 10/30/50/2 null");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        var rest = changes(query, first.path("pageInfo").path("endCursor").asString());
        assertThat(changeLines(rest))
                .as("the settings' initial values came first")
                .containsExactly("settings 20/40/60/5 null");
        assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(as("admin")
                        .post("{ watchedHall(hallId: \"gov\") { unitId } }")
                        .ok()
                        .path("watchedHall")
                        .isNull())
                .as("a unit that is not watched")
                .isTrue();
        assertThat(rest.path("edges").path(0).path("node").path("changedAt").isNull())
                .isFalse();

        for (var username : List.of("staff", "inspector2", "analyst")) {
            assertThat(as(username)
                            .post("{ watchedHall(hallId: \"zrzy-dj\") { thresholdChanges { edges { cursor } } } }")
                            .firstErrorCode())
                    .as(username)
                    .isEqualTo("FORBIDDEN");
        }
    }

    private JsonNode changes(String query, String after) {
        var variables = new java.util.HashMap<String, Object>();
        variables.put("after", after);
        return as("inspector").post(query, variables).ok().path("watchedHall").path("thresholdChanges");
    }

    private static List<String> changeLines(JsonNode page) {
        return page.path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .map(n ->
                        n.path("changedBy").asString() + " " + n.path("yellow").asInt() + "/"
                                + n.path("orange").asInt() + "/" + n.path("red").asInt() + "/"
                                + n.path("clearMargin").asInt() + " "
                                + (n.path("yellowPostId").isNull()
                                        ? "null"
                                        : n.path("yellowPostId").asString()))
                .toList();
    }

    private void assertStillTheSettingsValues() {
        var hall = as("admin")
                .post("{ watchedHalls { edges { node { yellow orange red clearMargin updatedBy } } } }")
                .ok()
                .path("watchedHalls")
                .path("edges")
                .path(0)
                .path("node");
        assertThat(List.of(
                        hall.path("yellow").asInt(),
                        hall.path("orange").asInt(),
                        hall.path("red").asInt(),
                        hall.path("clearMargin").asInt()))
                .containsExactly(20, 40, 60, 5);
        assertThat(hall.path("updatedBy").asString()).isEqualTo("settings");
        assertThat(count("HallThresholdChange")).isOne();
    }

    private JsonNode setThresholds(
            String username,
            String hallId,
            int yellow,
            int orange,
            int red,
            int clearMargin,
            String yellowPostId,
            String orangePostId,
            String redPostId) {
        var input = new java.util.HashMap<String, Object>();
        input.put("hallId", hallId);
        input.put("yellow", yellow);
        input.put("orange", orange);
        input.put("red", red);
        input.put("clearMargin", clearMargin);
        input.put("yellowPostId", yellowPostId);
        input.put("orangePostId", orangePostId);
        input.put("redPostId", redPostId);
        return as(username).post("""
                        mutation($i: SetHallQueueThresholdsInput!) { setHallQueueThresholds(input: $i) {
                          hall { unitId yellow orange red clearMargin yellowPostId orangePostId redPostId updatedBy }
                          errors { field code message } } }""", Map.of("i", input)).ok().path("setHallQueueThresholds");
    }

    private static String time(JsonNode value) {
        return value.isNull() ? "" : value.asString().substring(11, 16);
    }

    private GraphQl.Response day(String username, String date) {
        return as(username)
                .post(
                        "query($d: Date!) { hallQueueDay(hallId: \"zrzy-dj\", date: $d) { hallId date yellow orange red "
                                + "clearMargin alerts { id level raisedAt waitingAtRaise clearedAt } "
                                + "snapshots { at waiting late } } }",
                        Map.of("d", date));
    }

    /** Lines of hall zrzy-dj on 2 March 2026, each "HH:mm waiting" in Beijing time. */
    private static String snapshots(String... timeAndWaiting) {
        var lines = new StringBuilder();
        for (var entry : timeAndWaiting) {
            var parts = entry.split(" ");
            lines.append("{\"hall_id\": \"zrzy-dj\", \"at\": \"2026-03-02T")
                    .append(parts[0])
                    .append(":00+08:00\", \"waiting\": ")
                    .append(parts[1])
                    .append("}\n");
        }
        return lines.toString();
    }

    private JsonNode send(String body) throws Exception {
        var response = post("zwfw:zwfw-secret", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GraphQl.JSON.readTree(response.body());
    }

    private List<Integer> unread() {
        return PEOPLE.stream()
                .map(u -> as(u).post("{ unreadNotificationCount }")
                        .ok()
                        .path("unreadNotificationCount")
                        .asInt())
                .toList();
    }

    private List<Integer> delta(List<Integer> before) {
        var now = unread();
        return java.util.stream.IntStream.range(0, now.size())
                .mapToObj(i -> now.get(i) - before.get(i))
                .toList();
    }

    private HttpResponse<String> post(String credentials, String body) throws Exception {
        return SystemFeeds.post(port, "/supervision/queue", credentials, body);
    }
}
