package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> PEOPLE = List.of("sv-head", "sv-vm", "sv-director", "sv-clerk");

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void hallWithPeople() {
        wipeGraph();
        importBundle(resource("supervision/bundle.json"));
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
                + "not json\n");

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
                        "4 waiting INVALID_VALUE",
                        "5 wait UNKNOWN_FIELD",
                        "6 at MISSING_FIELD",
                        "7 $ MALFORMED_JSON");
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
        var unknown = as("admin").post("{ hallQueueDay(hallId: \"zrzy\", date: \"2026-03-02\") { hallId } }");
        assertThat(unknown.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
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
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/supervision/queue"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
