package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.dutygraph.support.RedCardsForTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The service side of supervision over HTTP against the real database: a system's batch of case events (its own
 * credentials, bad lines named, good lines kept, replays ignored), signals evaluated at a moment with the people to
 * tell by level, red cards recorded as effects, and the GraphQL query for the supervision office.
 */
class SupervisionApiTest extends ApiTest {

    private static final String EVENTS = resource("supervision/events.jsonl");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    SignalEvaluation evaluation;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void cityWithPeople() {
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
        RedCardsForTests.RECEIVED.clear();
    }

    @Test
    void aSystemsBatchKeepsGoodLinesNamesBadOnesAndIgnoresReplays() throws Exception {
        var bad = "{\"event_id\": \"x1\", \"case_id\": \"C9\", \"power_item_id\": \"pi-reg\", \"unit_id\": \"zrzy\", "
                + "\"kind\": \"accepted\", \"at\": \"2026-03-02 09:00\"}\n"
                + "{\"event_id\": \"x2\", \"case_id\": \"C9\", \"power_item_id\": \"pi-nope\", \"unit_id\": \"zrzy\", "
                + "\"kind\": \"accepted\", \"at\": \"2026-03-02T09:00:00+08:00\"}\n";
        var first = post("zwfw:zwfw-secret", EVENTS + bad);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        var answer = GraphQl.JSON.readTree(first.body());
        assertThat(answer.path("kept").asInt()).isEqualTo(13);
        assertThat(answer.path("replayed").asInt())
                .as("the rejected event sent twice")
                .isOne();
        assertThat(answer.path("problems")
                        .valueStream()
                        .map(p -> p.path("line").asInt() + " " + p.path("field").asString() + " "
                                + p.path("code").asString()))
                .containsExactly("16 at INVALID_VALUE", "17 power_item_id UNKNOWN_REFERENCE");
        assertThat(count("CaseEvent")).isEqualTo(13);

        var again = GraphQl.JSON.readTree(post("zwfw:zwfw-secret", EVENTS).body());
        assertThat(again.path("kept").asInt()).isZero();
        assertThat(again.path("replayed").asInt()).isEqualTo(14);
        var changed = GraphQl.JSON.readTree(post(
                        "zwfw:zwfw-secret",
                        EVENTS.lines().findFirst().orElseThrow().replace("received", "accepted"))
                .body());
        assertThat(changed.path("problems").path(0).path("code").asString()).isEqualTo("EVENT_ID_REUSED");
        assertThat(count("CaseEvent")).isEqualTo(13);

        assertThat(post("zwfw:wrong", EVENTS).statusCode()).isEqualTo(401);
        assertThat(post("other:zwfw-secret", EVENTS).statusCode()).isEqualTo(401);
        assertThat(post(null, EVENTS).statusCode()).isEqualTo(401);
        assertThat(count("CaseEvent")).isEqualTo(13);
    }

    @Test
    void aLineWithSeveralProblemsHasThemAllReported_eachWithItsField() throws Exception {
        var lines = EVENTS.lines().findFirst().orElseThrow() + "\n"
                // a malformed time, an unknown power item and an unknown unit on one line
                + "{\"event_id\": \"y1\", \"case_id\": \"C8\", \"power_item_id\": \"pi-nope\", \"unit_id\": \"nowhere\", "
                + "\"kind\": \"accepted\", \"at\": \"2026-03-02 09:00\"}\n"
                // an event id used before for another event, naming a post that does not exist
                + EVENTS.lines()
                        .findFirst()
                        .orElseThrow()
                        .replace("received", "accepted")
                        .replace("\"kind\"", "\"post_id\": \"no-such-post\", \"kind\"")
                + "\n";
        var answer = GraphQl.JSON.readTree(post("zwfw:zwfw-secret", lines).body());

        assertThat(answer.path("problems")
                        .valueStream()
                        .map(p -> p.path("line").asInt() + " " + p.path("field").asString() + " "
                                + p.path("code").asString()))
                .containsExactly(
                        "2 at INVALID_VALUE",
                        "2 power_item_id UNKNOWN_REFERENCE",
                        "2 unit_id UNKNOWN_REFERENCE",
                        "3 event_id EVENT_ID_REUSED",
                        "3 post_id UNKNOWN_REFERENCE");
        assertThat(answer.path("kept").asInt()).isOne();
    }

    @Test
    void signalsAreRaisedOnceNotifiedByLevelClearedWhenConcluded_andRedCardsBecomeEffects() throws Exception {
        post("zwfw:zwfw-secret", EVENTS);
        var before = unread(List.of("sv-director", "sv-head", "sv-clerk", "sv-vm", "inspector"));
        double redsBefore = meters.find("dutygraph.supervision.signals").tag("level", "red").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();

        var first = evaluation.evaluate(Instant.parse("2026-03-11T04:00:00Z"));
        assertThat(meters.find("dutygraph.supervision.signals").tag("level", "red").counters().stream()
                        .mapToDouble(io.micrometer.core.instrument.Counter::count)
                        .sum())
                .as("operators see the red cards raised, by rule")
                .isEqualTo(redsBefore + 3);

        assertThat(first.raised())
                .as("C1: notice, yellow, red; C2 so far: unlisted fee, step over, not cleared")
                .isEqualTo(6);
        var after = unread(List.of("sv-director", "sv-head", "sv-clerk", "sv-vm", "inspector"));
        assertThat(after.get(2) - before.get(2)).as("the clerk: C2's three").isEqualTo(3);
        assertThat(after.get(1) - before.get(1))
                .as("the section head: C2's yellow and reds")
                .isEqualTo(3);
        assertThat(after.get(3) - before.get(3))
                .as("the deputy mayor in charge of the bureau: its three reds")
                .isEqualTo(3);
        assertThat(after.get(0) - before.get(0))
                .as("the director answers for C1: all three")
                .isEqualTo(3);
        assertThat(after.get(4) - before.get(4))
                .as("the supervision office: every red")
                .isEqualTo(3);
        var inbox = as("sv-clerk")
                .post("{ inbox(first: 5) { edges { node { kind title subjectType subjectId } } } }")
                .ok()
                .path("inbox")
                .path("edges");
        assertThat(inbox.valueStream().map(e -> e.path("node").path("subjectId").asString()))
                .contains("C2/unlisted_fee/1");
        effects.deliverDue();
        assertThat(RedCardsForTests.RECEIVED)
                .extracting(c -> c.caseId() + " " + c.rule() + " " + c.postId())
                .containsExactlyInAnyOrder(
                        "C1 not_cleared zrzy-head", "C2 unlisted_fee zrzy-dj-1", "C2 not_cleared zrzy-dj-1");

        var second = evaluation.evaluate(Instant.parse("2026-03-20T04:00:00Z"));
        assertThat(second.raised())
                .as("C2's notice and yellow, C3's no_reason, C1's over_statutory")
                .isEqualTo(4);
        assertThat(second.cleared()).as("C2's three earlier ones").isEqualTo(3);
        assertThat(second.closed()).as("C2 and C3").isEqualTo(2);
        assertThat(evaluation.evaluate(Instant.parse("2026-03-20T04:00:00Z")).raised())
                .isZero();

        var page = as("inspector")
                .post("{ supervisionSignals(first: 6) { edges { node { id caseId level rule postId raisedAt due "
                        + "clearedAt } } pageInfo { hasNextPage endCursor } } }")
                .ok()
                .path("supervisionSignals");
        var signals = page.path("edges");
        assertThat(signals.size()).isEqualTo(6);
        assertThat(signals.path(0).path("node").path("rule").asString()).isEqualTo("over_statutory");
        assertThat(java.time.OffsetDateTime.parse(
                                signals.path(0).path("node").path("raisedAt").asString())
                        .toInstant())
                .isEqualTo(Instant.parse("2026-03-18T16:00:00Z"));
        var rest = as("inspector")
                .post(
                        "query($a: String) { supervisionSignals(first: 50, after: $a) { edges { node { id } } } }",
                        Map.of("a", page.path("pageInfo").path("endCursor").asString()))
                .ok()
                .path("supervisionSignals")
                .path("edges");
        assertThat(rest.size()).as("10 in all").isEqualTo(4);
        var open = as("admin")
                .post("{ supervisionSignals(filter: {open: true, level: RED}) { edges { node { caseId rule } } } }")
                .ok()
                .path("supervisionSignals")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .toList();
        assertThat(open.stream()
                        .map(s -> s.path("caseId").asString() + " "
                                + s.path("rule").asString()))
                .containsExactlyInAnyOrder("C1 not_cleared", "C1 over_statutory");
    }

    /**
     * A fee the power item does not list, charged after the case was concluded, is a red card (pushed, an effect for
     * the accountability draft) that nothing on the case can clear any more: the case closes all the same. It stayed
     * open before, read again by every evaluation.
     */
    @Test
    void aSignalRaisedAfterItsCaseEndedLeavesTheCaseClosed_andIsStillARedCard() throws Exception {
        post("zwfw:zwfw-secret", """
                {"event_id": "c9-1", "case_id": "C9", "power_item_id": "pi-reg", "unit_id": "zrzy", "kind": "accepted", "at": "2026-03-02T09:00:00+08:00"}
                {"event_id": "c9-2", "case_id": "C9", "power_item_id": "pi-reg", "unit_id": "zrzy", "kind": "concluded", "at": "2026-03-03T10:00:00+08:00"}
                {"event_id": "c9-3", "case_id": "C9", "power_item_id": "pi-reg", "unit_id": "zrzy", "kind": "fee", "at": "2026-03-04T09:00:00+08:00", "fee": {"item": "工本费", "amount": "10.00"}}
                """);
        var clerkBefore = unread(List.of("sv-clerk")).get(0);

        var run = evaluation.evaluate(Instant.parse("2026-03-05T04:00:00Z"));

        assertThat(run.raised()).as("the late unlisted fee").isOne();
        assertThat(run.closed()).as("C9, concluded before its late red card").isOne();
        assertThat(evaluation.evaluate(Instant.parse("2026-03-06T04:00:00Z")).cases())
                .as("no case is open any more")
                .isZero();
        assertThat(unread(List.of("sv-clerk")).get(0) - clerkBefore)
                .as("the red card reaches the responsible post")
                .isOne();
        effects.deliverDue();
        assertThat(RedCardsForTests.RECEIVED)
                .extracting(c -> c.caseId() + " " + c.rule())
                .containsExactly("C9 unlisted_fee");
    }

    /**
     * An event arriving late, dated before signals already stored, adds a signal before them: the stored ones keep
     * their ids, the new one gets the next. Ids were positional before: the earlier fee's card took the stored card's
     * id and marked it cleared before it was raised, the stored card came back under a new id and was sent twice,
     * and the earlier fee's card was never stored.
     */
    @Test
    void aLateEventDatedBeforeStoredSignalsKeepsTheirIds_andAddsItsOwn() throws Exception {
        post("zwfw:zwfw-secret", """
                {"event_id": "c10-1", "case_id": "C10", "power_item_id": "pi-reg", "unit_id": "zrzy", "kind": "accepted", "at": "2026-03-02T09:00:00+08:00"}
                {"event_id": "c10-2", "case_id": "C10", "power_item_id": "pi-reg", "unit_id": "zrzy", "kind": "concluded", "at": "2026-03-04T16:00:00+08:00"}
                {"event_id": "c10-3", "case_id": "C10", "power_item_id": "pi-reg", "unit_id": "zrzy", "kind": "fee", "at": "2026-03-05T10:00:00+08:00", "fee": {"item": "加急费", "amount": "50.00"}}
                """);
        assertThat(evaluation.evaluate(Instant.parse("2026-03-06T04:00:00Z")).raised())
                .isOne();
        post("zwfw:zwfw-secret", """
                {"event_id": "c10-4", "case_id": "C10", "power_item_id": "pi-reg", "unit_id": "zrzy", "kind": "fee", "at": "2026-03-03T10:00:00+08:00", "fee": {"item": "咨询费", "amount": "10.00"}}
                """);

        var run = evaluation.evaluate(Instant.parse("2026-03-06T05:00:00Z"));

        assertThat(run.raised()).as("the earlier fee's card").isOne();
        assertThat(run.cleared()).as("none of the stored ones").isZero();
        try (var session = driver.session()) {
            var signals = session.run("""
                            MATCH (s:SupervisionSignal)-[:ON_CASE]->(:SupervisedCase {id: 'C10'})
                            RETURN s.id + ' ' + toString(s.raisedAt) + ' ' + coalesce(toString(s.clearedAt), 'open') AS s
                            ORDER BY s""").list(r -> r.get("s").asString());
            assertThat(signals)
                    .containsExactly(
                            "C10/unlisted_fee/1 2026-03-05T02:00:00Z open",
                            "C10/unlisted_fee/2 2026-03-03T02:00:00Z 2026-03-04T08:00:00Z");
        }
        effects.deliverDue();
        assertThat(RedCardsForTests.RECEIVED)
                .extracting(c -> c.caseId() + " " + c.rule() + " " + c.raisedAt())
                .containsExactlyInAnyOrder(
                        "C10 unlisted_fee 2026-03-05T02:00:00Z", "C10 unlisted_fee 2026-03-03T02:00:00Z");
    }

    @Test
    void problemsKeepTheirCodesAndSpeakTheCallersLanguage() throws Exception {
        var bad = "{\"event_id\": \"x2\", \"case_id\": \"C9\", \"power_item_id\": \"pi-nope\", \"unit_id\": \"zrzy\", "
                + "\"kind\": \"accepted\", \"at\": \"2026-03-02 09:00\"}\n";
        for (var language : List.of("zh-CN", "en")) {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/supervision/events"))
                    .header("Content-Type", "application/x-ndjson")
                    .header("Accept-Language", language)
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString("zwfw:zwfw-secret".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(bad, StandardCharsets.UTF_8))
                    .build();
            var answer =
                    GraphQl.JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                            .body());
            assertThat(answer.path("problems")
                            .valueStream()
                            .map(p -> p.path("field").asString() + " "
                                    + p.path("code").asString() + " "
                                    + p.path("message").asString()))
                    .containsExactly(
                            language.equals("en")
                                    ? "at INVALID_VALUE '2026-03-02 09:00' is not a date-time with an offset, e.g. "
                                            + "2026-03-20T09:30:00+08:00"
                                    : "at INVALID_VALUE “2026-03-02 09:00”不是带时区偏移的日期时间，例如 2026-03-20T09:30:00+08:00",
                            language.equals("en")
                                    ? "power_item_id UNKNOWN_REFERENCE No power item pi-nope"
                                    : "power_item_id UNKNOWN_REFERENCE 没有权力事项 pi-nope");
        }
        assertThat(post("zwfw:wrong", EVENTS).body()).contains("需要已配置系统的编号和密钥");
    }

    @Test
    void anEmptyPageSaysWhereItStands_soFollowingItsEndCursorGoesOn() throws Exception {
        post("zwfw:zwfw-secret", EVENTS);
        assertThat(evaluation.evaluate(Instant.parse("2026-03-11T04:00:00Z")).raised())
                .isEqualTo(6);
        var two = signalsPage(2, null);
        var firstCursor = two.path("edges").path(0).path("cursor").asString();
        var second = two.path("edges").path(1).path("node").path("id").asString();

        var empty = signalsPage(0, firstCursor);
        assertThat(empty.path("edges").isEmpty()).isTrue();
        assertThat(empty.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(empty.path("pageInfo").path("endCursor").isNull())
                .as("more follow, so the page says after what: " + empty)
                .isFalse();
        var next = signalsPage(1, empty.path("pageInfo").path("endCursor").asString());
        assertThat(next.path("edges").path(0).path("node").path("id").asString())
                .as("the page after an empty one is the one after its cursor, not the first again")
                .isEqualTo(second);

        var fromTheStart = signalsPage(0, null);
        assertThat(fromTheStart.path("pageInfo").path("hasNextPage").asBoolean())
                .isTrue();
        assertThat(fromTheStart.path("pageInfo").path("endCursor").isNull())
                .as("nothing read yet: the next page is the first")
                .isTrue();
    }

    @Test
    void anInspectorOutsideTheOfficeIsRefusedBeforeAnythingAboutTheInputIsSaid() {
        var refused = new java.util.LinkedHashMap<String, GraphQl.Response>();
        refused.put(
                "signals, first too large",
                as("inspector2").post("{ supervisionSignals(first: 501) { edges { cursor } } }"));
        refused.put(
                "signals, a cursor not ours",
                as("inspector2").post("{ supervisionSignals(after: \"junk\") { edges { cursor } } }"));
        refused.put(
                "watched halls, a cursor not ours",
                as("inspector2").post("{ watchedHalls(first: 501, after: \"junk\") { edges { cursor } } }"));
        refused.put(
                "workload targets, bad input",
                as("inspector2")
                        .post(
                                "mutation($i: SetHallWorkloadTargetsInput!) { setHallWorkloadTargets(input: $i) { errors { code } } }",
                                Map.of(
                                        "i",
                                        Map.of(
                                                "hallId", "nowhere",
                                                "offPeakStandard", 0,
                                                "offPeakChallenge", 0,
                                                "peakStandard", 20_000,
                                                "peakChallenge", 1,
                                                "peakPeriods",
                                                        List.of(Map.of("from", "2026-03-10", "to", "2026-03-01"))))));
        refused.put(
                "queue thresholds, bad input",
                as("inspector2")
                        .post(
                                "mutation($i: SetHallQueueThresholdsInput!) { setHallQueueThresholds(input: $i) { errors { code } } }",
                                Map.of(
                                        "i",
                                        Map.of(
                                                "hallId", "nowhere",
                                                "yellow", 0,
                                                "orange", 0,
                                                "red", 0,
                                                "clearMargin", -1,
                                                "redPostId", "nowhere"))));
        refused.forEach((what, response) -> {
            assertThat(response.firstErrorCode())
                    .as(what + ": " + response.body())
                    .isEqualTo("FORBIDDEN");
            assertThat(response.errors()).as(what).hasSize(1);
        });
    }

    private tools.jackson.databind.JsonNode signalsPage(int first, String after) {
        var variables = new java.util.HashMap<String, Object>(Map.of("n", first));
        if (after != null) variables.put("a", after);
        return as("inspector").post("""
                        query($n: Int, $a: String) { supervisionSignals(first: $n, after: $a) {
                          edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }""", variables).ok().path("supervisionSignals");
    }

    @Test
    void onlyTheSupervisionOfficeAndAdminsReadSignals() {
        assertThat(as("inspector2")
                        .post("{ supervisionSignals { edges { cursor } } }")
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(as("staff")
                        .post("{ supervisionSignals { edges { cursor } } }")
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(as("analyst")
                        .post("{ supervisionSignals { edges { cursor } } }")
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(anonymous()
                        .post("{ supervisionSignals { edges { cursor } } }")
                        .firstErrorCode())
                .isIn("UNAUTHENTICATED", "FORBIDDEN");
        var tooMany = as("inspector").post("{ supervisionSignals(first: 501) { edges { cursor } } }");
        assertThat(tooMany.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Autowired
    org.dutygraph.platform.effects.Effects effects;

    private List<Integer> unread(List<String> usernames) {
        return usernames.stream()
                .map(u -> as(u).post("{ unreadNotificationCount }")
                        .ok()
                        .path("unreadNotificationCount")
                        .asInt())
                .toList();
    }

    private HttpResponse<String> post(String credentials, String body) throws Exception {
        return SystemFeeds.post(port, "/supervision/events", credentials, body);
    }
}
