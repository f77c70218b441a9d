package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.AtOnce;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The batch intake's guarantees over HTTP against the real database: an event id is stored once, whether it comes
 * again in the same batch or in batches sent at the same time, and a new event opens its case again for evaluation.
 */
class CaseEventIntakeApiTest extends ApiTest {

    @Autowired
    SignalEvaluation evaluation;

    @Autowired
    OpenCaseStore cases;

    @Autowired
    CaseEventIntakeStore intakeStore;

    @BeforeEach
    void city() {
        wipeGraph();
        importBundle(resource("supervision/bundle.json"));
    }

    private static String line(String eventId, String caseId, String kind, String at) {
        return "{\"event_id\": \"" + eventId + "\", \"case_id\": \"" + caseId
                + "\", \"power_item_id\": \"pi-lic\", \"unit_id\": \"zrzy\", \"kind\": \"" + kind + "\", \"at\": \""
                + at + "\"}";
    }

    private JsonNode post(String lines) throws Exception {
        var response = SystemFeeds.caseEvents(port, lines);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GraphQl.JSON.readTree(response.body());
    }

    @Test
    void anEventIdTwiceInOneBatchIsStoredOnce_theSameAReplayAnotherContentAProblem() throws Exception {
        var accepted = line("e1", "C1", "accepted", "2026-03-02T09:00:00+08:00");
        var answer =
                post(String.join("\n", accepted, accepted, line("e1", "C1", "concluded", "2026-03-03T09:00:00+08:00")));

        assertThat(answer.path("kept").asInt()).isOne();
        assertThat(answer.path("replayed").asInt()).isOne();
        assertThat(answer.path("problems")
                        .valueStream()
                        .map(p -> p.path("line").asInt() + " " + p.path("field").asString() + " "
                                + p.path("code").asString()))
                .containsExactly("3 event_id EVENT_ID_REUSED");
        assertThat(count("CaseEvent")).isOne();
        assertThat(count("SupervisedCase")).isOne();
    }

    /**
     * The intake remembers the power items and units earlier batches found; a power item deleted or a unit renamed
     * since (here straight through the driver, as another instance or an operator would) is looked up again.
     */
    @Test
    void aReferenceFoundByAnEarlierBatchAndDeletedSinceIsUnknown() throws Exception {
        assertThat(post(line("r1", "R1", "accepted", "2026-03-02T09:00:00+08:00"))
                        .path("kept")
                        .asInt())
                .isOne();
        try (var session = driver.session()) {
            session.run("MATCH (p:PowerItem {id: 'pi-lic'}) DETACH DELETE p").consume();
        }
        var answer = post(line("r2", "R2", "accepted", "2026-03-02T10:00:00+08:00"));
        assertThat(answer.path("kept").asInt()).as(answer.toString()).isZero();
        assertThat(answer.path("problems")
                        .valueStream()
                        .map(p -> p.path("line").asInt() + " " + p.path("field").asString() + " "
                                + p.path("code").asString()))
                .containsExactly("1 power_item_id UNKNOWN_REFERENCE");

        try (var session = driver.session()) {
            session.run("MATCH (u:Organization {id: 'zrzy'}) SET u.id = 'zrzy-renamed'")
                    .consume();
        }
        answer = post(line("r3", "R1", "accepted", "2026-03-02T11:00:00+08:00"));
        assertThat(answer.path("problems")
                        .valueStream()
                        .map(p -> p.path("field").asString() + " "
                                + p.path("code").asString()))
                .contains("unit_id UNKNOWN_REFERENCE");
        assertThat(count("CaseEvent")).isOne();
    }

    /**
     * The same events of cases stored already, sent at once: no case is created, so nothing but the intake's lock
     * (the key has no uniqueness constraint since V160) keeps an event from being stored twice.
     */
    @Test
    void eventsOfStoredCasesSentAtOnceAreStoredOnce() throws Exception {
        post(IntStream.range(0, 50)
                .mapToObj(i -> line("k" + i, "K" + i, "received", "2026-03-02T09:00:00+08:00"))
                .collect(Collectors.joining("\n")));
        var lines = IntStream.range(50, 300)
                .mapToObj(i -> line("k" + i, "K" + (i % 50), "accepted", "2026-03-02T10:00:00+08:00"))
                .collect(Collectors.joining("\n"));
        int kept = 0;
        for (var answer : AtOnce.call(Collections.nCopies(4, (Callable<JsonNode>) () -> post(lines)))) {
            kept += answer.path("kept").asInt();
        }
        assertThat(kept).as("each event kept by exactly one batch").isEqualTo(250);
        assertThat(count("CaseEvent")).isEqualTo(300);
        assertThat(count("SupervisedCase")).isEqualTo(50);
    }

    @Test
    void batchesWithTheSameIdsSentAtOnceStoreEachEventOnce() throws Exception {
        var lines = IntStream.range(0, 300)
                .mapToObj(i ->
                        line("e" + i, "C" + (i % 50), i < 50 ? "received" : "accepted", "2026-03-02T09:00:00+08:00"))
                .collect(Collectors.joining("\n"));
        int kept = 0;
        int replayed = 0;
        for (var answer : AtOnce.call(Collections.nCopies(4, (Callable<JsonNode>) () -> post(lines)))) {
            assertThat(answer.path("problems").isEmpty()).as(answer.toString()).isTrue();
            kept += answer.path("kept").asInt();
            replayed += answer.path("replayed").asInt();
        }
        assertThat(kept).as("each event kept by exactly one batch").isEqualTo(300);
        assertThat(replayed).isEqualTo(900);
        assertThat(count("CaseEvent")).isEqualTo(300);
        assertThat(count("SupervisedCase")).isEqualTo(50);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (c:SupervisedCase) RETURN min(COUNT { (c)<-[:OF_CASE]-() }) AS n")
                            .single()
                            .get("n")
                            .asInt())
                    .as("every case with its six events")
                    .isEqualTo(6);
        }
    }

    @Test
    void aNewEventOpensAClosedCaseAgain_andOneOfAnOpenCaseLeavesItOpen() throws Exception {
        post(String.join(
                "\n",
                line("c1-1", "C1", "accepted", "2026-03-02T09:00:00+08:00"),
                line("c1-2", "C1", "concluded", "2026-03-03T09:00:00+08:00"),
                line("c2-1", "C2", "accepted", "2026-03-02T09:00:00+08:00")));
        evaluation.evaluate(Instant.parse("2026-03-04T04:00:00Z"));
        assertThat(open()).isEqualTo(Map.of("C1", false, "C2", true));

        var answer = post(String.join(
                "\n",
                line("c1-3", "C1", "accepted", "2026-03-05T09:00:00+08:00"),
                line("c2-2", "C2", "concluded", "2026-03-05T09:00:00+08:00")));

        assertThat(answer.path("kept").asInt()).isEqualTo(2);
        assertThat(open())
                .as("C1 reopened by its new event; C2 open until an evaluation closes it")
                .isEqualTo(Map.of("C1", true, "C2", true));
    }

    /**
     * A batch large enough to be written in parts side by side ({@link CaseEventIntakeStore#inParts}) keeps every
     * case whole: a line naming a case with another unit than the line that created it, earlier in the same batch, is
     * a mismatch (in another part it would have made the case a second time), a refused line's references are still
     * checked, and problems come in line order with the parse problems.
     */
    @Test
    void aLargeBatchIsStoredInPartsWithEachCaseWhole_andItsProblemsInLineOrder() throws Exception {
        assertThat(intakeStore.parts(400))
                .isEqualTo(Math.min(4, Runtime.getRuntime().availableProcessors()));
        var lines = new java.util.ArrayList<String>();
        for (int i = 0; i < 400; i++) {
            lines.add(line("p" + i, "P" + (i % 100), i < 100 ? "received" : "accepted", "2026-03-02T09:00:00+08:00"));
        }
        lines.set(250, lines.get(250).replace("\"zrzy\"", "\"zrzy-dj\""));
        lines.set(120, lines.get(120).replace("\"zrzy\"", "\"no-such-unit\""));
        lines.set(300, lines.get(300).replace("\"kind\": \"accepted\"", "\"kind\": \"no-such-kind\""));
        lines.set(5, "{not json");

        var answer = post(String.join("\n", lines));

        assertThat(problems(answer))
                .containsExactly(
                        "6 $ MALFORMED_JSON",
                        "121 unit_id UNKNOWN_REFERENCE",
                        "121 unit_id CASE_MISMATCH",
                        "251 unit_id CASE_MISMATCH",
                        "301 kind UNKNOWN_VALUE");
        assertThat(answer.path("kept").asInt()).isEqualTo(396);
        assertThat(count("CaseEvent")).isEqualTo(396);
        assertThat(count("SupervisedCase"))
                .as("each case once, P5 by its first good line")
                .isEqualTo(100);
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (c:SupervisedCase) RETURN c.unitId AS unit, count(*) AS n")
                            .list(r ->
                                    r.get("unit").asString() + " " + r.get("n").asInt()))
                    .containsExactly("zrzy 100");
        }
    }

    private static java.util.List<String> problems(JsonNode answer) {
        return answer.path("problems")
                .valueStream()
                .map(p -> p.path("line").asInt() + " " + p.path("field").asString() + " "
                        + p.path("code").asString())
                .toList();
    }

    @Test
    void theSameInstantWithAnotherOffsetIsAReplay_notAReusedId() throws Exception {
        post(line("e1", "C1", "accepted", "2026-03-02T10:00:00+08:00"));

        var answer = post(String.join(
                "\n",
                line("e1", "C1", "accepted", "2026-03-02T02:00:00Z"),
                line("e1", "C1", "accepted", "2026-03-02T03:00:00+01:00"),
                line("e1", "C1", "accepted", "2026-03-02T10:00:01+08:00")));

        assertThat(problems(answer))
                .as("the same moment is the same event; another moment is other content")
                .containsExactly("3 event_id EVENT_ID_REUSED");
        assertThat(answer.path("replayed").asInt()).isEqualTo(2);
        assertThat(answer.path("kept").asInt()).isZero();
        assertThat(count("CaseEvent")).isOne();
    }

    /**
     * An event's time is read back to the nanosecond with the offset it was sent with, whichever way it is stored:
     * as epoch milliseconds and offset (a time to the millisecond, since V161's change), as text (a finer time), or
     * as text next to the milliseconds (every event stored before that change, written here as it was).
     */
    @Test
    void eventTimesAreReadBackAsSent_storedAsMillisAndOffsetOrAsText() throws Exception {
        var whole = "2026-03-02T10:15:00.123+05:45";
        var finer = "2026-03-02T11:15:00.123456789-03:30";
        var before = "2026-03-02T12:15:00+08:00";
        post(String.join("\n", line("t1", "T1", "received", whole), line("t2", "T1", "accepted", finer)));
        try (var session = driver.session()) {
            session.run(
                            """
                            MATCH (c:SupervisedCase {id: 'T1'})
                            CREATE (:CaseEvent {key: 'zwfw/t3', eventId: 't3', kind: 'suspended', at: $at, atMillis: $millis})
                                   -[:OF_CASE]->(c)""",
                            Map.of(
                                    "at",
                                    java.time.OffsetDateTime.parse(before).toString(),
                                    "millis",
                                    Instant.parse("2026-03-02T04:15:00Z").toEpochMilli()))
                    .consume();
            assertThat(session.run("MATCH (e:CaseEvent) RETURN e.eventId AS id, e.at AS at, e.atOffset AS offset"
                                    + " ORDER BY id")
                            .list(r ->
                                    r.get("id").asString() + " " + r.get("at").asString(null) + " "
                                            + (r.get("offset").isNull()
                                                    ? null
                                                    : r.get("offset").asLong())))
                    .containsExactly(
                            "t1 null 20700",
                            "t2 2026-03-02T11:15:00.123456789-03:30 null",
                            "t3 2026-03-02T12:15+08:00 null");
        }

        var replay = post(String.join(
                "\n",
                line("t1", "T1", "received", whole),
                line("t2", "T1", "accepted", finer),
                line("t3", "T1", "suspended", before),
                line("t2", "T1", "accepted", "2026-03-02T11:15:00.123456790-03:30")));
        assertThat(problems(replay))
                .as("a nanosecond later is other content")
                .containsExactly("4 event_id EVENT_ID_REUSED");
        assertThat(replay.path("replayed").asInt()).isEqualTo(3);

        var read = cases.page(
                "", 10, Map.of(), Instant.parse("2026-03-03T00:00:00Z").toEpochMilli());
        assertThat(read).hasSize(1);
        assertThat(read.get(0).events().stream().map(e -> e.eventId() + " " + e.at()))
                .as("the evaluation reads each time with the offset it was sent with, in time order")
                .containsExactly("t3 2026-03-02T12:15+08:00", "t1 " + whole, "t2 " + finer);
    }

    @Test
    void textHoldingHalfACharacterIsRefused_notStoredAsAnotherId() throws Exception {
        // the escape of a lone surrogate: the store would keep it as '?', merging two ids into one
        var half = "\\ud800";
        var answer = post(String.join(
                "\n",
                line("k-0", "K", "accepted", "2026-03-02T09:00:00+08:00"),
                line("k-1?", "K", "resumed", "2026-03-02T09:30:00+08:00"),
                line("k-1" + half, "K", "resumed", "2026-03-02T09:40:00+08:00"),
                line("k-2", "K" + half, "resumed", "2026-03-02T09:40:00+08:00")));

        assertThat(problems(answer)).containsExactly("3 event_id INVALID_VALUE", "4 case_id INVALID_VALUE");
        assertThat(answer.path("kept").asInt()).as("the batch's good lines").isEqualTo(2);
        assertThat(count("CaseEvent")).isEqualTo(2);
    }

    @Test
    void theSameFeeWrittenWithOtherDecimalsIsAReplay() throws Exception {
        var fee = "{\"event_id\": \"f1\", \"case_id\": \"C1\", \"power_item_id\": \"pi-lic\", \"unit_id\": \"zrzy\","
                + " \"kind\": \"fee\", \"at\": \"2026-03-02T10:00:00+08:00\", \"fee\": {\"item\": \"工本费\", \"amount\": \"%s\"}}";
        post(fee.formatted("80.00"));

        var answer = post(String.join("\n", fee.formatted("80.0"), fee.formatted("80"), fee.formatted("80.01")));

        assertThat(problems(answer))
                .as("the same amount is the same event; another amount is other content")
                .containsExactly("3 event_id EVENT_ID_REUSED");
        assertThat(answer.path("replayed").asInt()).isEqualTo(2);
        assertThat(count("CaseEvent")).isOne();
    }

    @Test
    void aFieldGivenTwiceIsReportedAtItsName_withTheLineOtherProblems() throws Exception {
        var answer = post(String.join(
                "\n",
                "{\"event_id\": \"d1\", \"case_id\": \"C1\", \"case_id\": \"C2\", \"power_item_id\": \"pi-nope\","
                        + " \"unit_id\": \"zrzy\", \"kind\": \"accepted\", \"at\": \"yesterday\"}",
                "{\"event_id\": \"d2\", \"case_id\": \"C3\", \"power_item_id\": \"pi-reg\", \"unit_id\": \"zrzy\","
                        + " \"kind\": \"fee\", \"at\": \"2026-03-02T09:00:00+08:00\","
                        + " \"fee\": {\"item\": \"a\", \"item\": \"b\", \"amount\": \"8.00\"}}",
                line("d3", "C4", "accepted", "2026-03-02T09:00:00+08:00")));

        assertThat(problems(answer))
                .containsExactlyInAnyOrder(
                        "1 case_id DUPLICATE_FIELD",
                        "1 at INVALID_VALUE",
                        "1 power_item_id UNKNOWN_REFERENCE",
                        "2 fee.item DUPLICATE_FIELD");
        assertThat(answer.path("problems").get(0).path("message").asString()).contains("case_id");
        assertThat(answer.path("kept").asInt()).as("the good line kept").isOne();
        assertThat(count("CaseEvent")).isOne();
    }

    @Test
    void aStepLimitOutOfRangeIsOutOfRange_namingTheFieldAndTheRange() throws Exception {
        var step = "{\"event_id\": \"s%d\", \"case_id\": \"C1\", \"power_item_id\": \"pi-lic\", \"unit_id\": \"zrzy\","
                + " \"kind\": \"step\", \"at\": \"2026-03-02T09:00:00+08:00\", \"step\": \"审核\", \"step_limit_days\": %s}";
        var answer = post(String.join(
                "\n",
                step.formatted(1, "99999"),
                step.formatted(2, "-1"),
                step.formatted(3, "12345678901234"),
                step.formatted(4, "1.5"),
                step.formatted(5, "3650")));

        assertThat(problems(answer))
                .containsExactly(
                        "1 step_limit_days OUT_OF_RANGE",
                        "2 step_limit_days OUT_OF_RANGE",
                        "3 step_limit_days OUT_OF_RANGE",
                        "4 step_limit_days INVALID_VALUE");
        assertThat(answer.path("problems").get(0).path("message").asString())
                .contains("step_limit_days")
                .contains("0")
                .contains("3650");
        assertThat(answer.path("kept").asInt()).isOne();
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedWithItsNumber_theOthersKept() throws Exception {
        var good1 = line("u1", "C1", "accepted", "2026-03-02T09:00:00+08:00").getBytes(StandardCharsets.UTF_8);
        var bad = "{\"event_id\": \"u2\", \"case_id\": \"C2\", \"power_item_id\": \"pi-lic\", \"unit_id\": \"zrzy\","
                + " \"kind\": \"rejected\", \"at\": \"2026-03-02T09:00:00+08:00\", \"reason\": \"X\"}";
        var badBytes = bad.getBytes(StandardCharsets.UTF_8);
        int x = bad.indexOf("\"X\"") + 1;
        var invalid = new java.io.ByteArrayOutputStream();
        invalid.write(badBytes, 0, x);
        invalid.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        invalid.write(badBytes, x + 1, badBytes.length - x - 1);
        var good3 = line("u3", "C3", "accepted", "2026-03-02T09:00:00+08:00").getBytes(StandardCharsets.UTF_8);
        var body = new java.io.ByteArrayOutputStream();
        body.write(good1);
        body.write('\n');
        body.write(invalid.toByteArray());
        body.write('\n');
        body.write(good3);

        var response = SystemFeeds.post(port, "/supervision/events", SystemFeeds.HALL_SYSTEM, body.toByteArray());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var answer = GraphQl.JSON.readTree(response.body());

        assertThat(problems(answer)).containsExactly("2 $ MALFORMED_JSON");
        assertThat(answer.path("kept").asInt()).isEqualTo(2);
        assertThat(count("CaseEvent")).isEqualTo(2);
    }

    private Map<String, Boolean> open() {
        try (var session = driver.session()) {
            return session.run("MATCH (c:SupervisedCase) RETURN c.id AS id, c.open AS open").list().stream()
                    .collect(Collectors.toMap(
                            r -> r.get("id").asString(), r -> r.get("open").asBoolean()));
        }
    }
}
