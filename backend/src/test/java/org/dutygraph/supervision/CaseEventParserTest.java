package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.OffsetDateTime;
import org.dutygraph.supervision.events.CaseEvent;
import org.dutygraph.supervision.events.CaseEventParser;
import org.dutygraph.supervision.events.LineProblem;
import org.dutygraph.supervision.events.QueueSnapshotParser;
import org.junit.jupiter.api.Test;

class CaseEventParserTest {

    private final CaseEventParser parser = new CaseEventParser();

    @Test
    void aFullLineOfEachKindIsRead() {
        var step = parser.parse(1, """
                {"event_id": "e1", "case_id": "c1", "power_item_id": "pi", "unit_id": "u", "post_id": "p", "kind": "step",
                 "at": "2026-03-02T09:30:00+08:00", "step": "审核", "step_limit_days": 2, "extra": "ignored"}""".replace("\n", ""));
        assertThat(step.ok()).isTrue();
        assertThat(step.event())
                .isEqualTo(new CaseEvent(
                        "e1",
                        "c1",
                        "pi",
                        "u",
                        "p",
                        CaseEvent.Kind.step,
                        OffsetDateTime.parse("2026-03-02T09:30:00+08:00"),
                        "审核",
                        2,
                        null,
                        null));

        var fee = parser.parse(
                2,
                "{\"event_id\": \"e2\", \"case_id\": \"c1\", \"power_item_id\": \"pi\", \"unit_id\": \"u\", "
                        + "\"kind\": \"fee\", \"at\": \"2026-03-02T01:30:00Z\", \"fee\": {\"item\": \"工本费\", \"amount\": \"10.50\"}}");
        assertThat(fee.event().fee()).isEqualTo(new CaseEvent.Fee("工本费", "10.50"));
        assertThat(fee.event().postId()).isNull();

        var rejected = parser.parse(
                3,
                "{\"event_id\": \"e3\", \"case_id\": \"c1\", \"power_item_id\": \"pi\", \"unit_id\": \"u\", "
                        + "\"kind\": \"rejected\", \"at\": \"2026-03-02T01:30:00Z\", \"reason\": \"  \"}");
        assertThat(rejected.event().reason()).as("a blank reason is no reason").isNull();
        assertThat(parser.parse(4, "   ")).as("blank lines are skipped").isNull();
    }

    @Test
    void everyProblemOfALineIsNamedWithLineAndField() {
        var parsed = parser.parse(
                7,
                "{\"event_id\": 5, \"power_item_id\": \"pi\", \"unit_id\": \"u\", \"kind\": \"approved\", "
                        + "\"at\": \"2026-03-02 09:00\", \"post_id\": \"" + "x".repeat(201) + "\"}");
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problems())
                .extracting(LineProblem::line, LineProblem::field, LineProblem::code)
                .containsExactly(
                        tuple(7L, "event_id", "WRONG_TYPE"),
                        tuple(7L, "case_id", "MISSING_FIELD"),
                        tuple(7L, "post_id", "TOO_LONG"),
                        tuple(7L, "kind", "UNKNOWN_VALUE"),
                        tuple(7L, "at", "INVALID_VALUE"));
    }

    @Test
    void kindSpecificFieldsAreChecked() {
        var head =
                "{\"event_id\": \"e\", \"case_id\": \"c\", \"power_item_id\": \"pi\", \"unit_id\": \"u\", \"at\": \"2026-03-02T09:00:00+08:00\", ";
        assertThat(parser.parse(1, head + "\"kind\": \"step\", \"step_limit_days\": -1}")
                        .problems())
                .extracting(LineProblem::field, LineProblem::code)
                .containsExactly(tuple("step", "MISSING_FIELD"), tuple("step_limit_days", "OUT_OF_RANGE"));
        assertThat(parser.parse(1, head + "\"kind\": \"fee\"}").problems())
                .extracting(LineProblem::field)
                .containsExactly("fee");
        assertThat(parser.parse(1, head + "\"kind\": \"fee\", \"fee\": {\"item\": \"x\", \"amount\": \"-3\"}}")
                        .problems())
                .extracting(LineProblem::field, LineProblem::code)
                .containsExactly(tuple("fee.amount", "INVALID_VALUE"));
        assertThat(parser.parse(1, "[1, 2]").problems())
                .extracting(LineProblem::field, LineProblem::code)
                .containsExactly(tuple("$", "MALFORMED_JSON"));
        assertThat(parser.parse(
                                1,
                                head + "\"kind\": \"accepted\", \"pad\": \""
                                        + "x".repeat(CaseEventParser.MAX_LINE_CHARS) + "\"}")
                        .problems())
                .extracting(LineProblem::code)
                .containsExactly("TOO_LONG");
    }

    @Test
    void textHoldingHalfACharacterIsRefusedAtItsField() {
        var event = parser.parse(
                3,
                "{\"event_id\": \"e1\", \"case_id\": \"c1\", \"power_item_id\": \"pi\", \"unit_id\": \"u\","
                        + " \"kind\": \"fee\", \"at\": \"2026-03-02T01:30:00Z\","
                        + " \"fee\": {\"item\": \"x\\udfff\", \"amount\": \"1.00\"}}");
        assertThat(event.problems())
                .extracting(LineProblem::line, LineProblem::field, LineProblem::code)
                .containsExactly(tuple(3L, "fee.item", "INVALID_VALUE"));
        var snapshot = new QueueSnapshotParser()
                .parse(4, "{\"hall_id\": \"h\\ud800\", \"at\": \"2026-03-02T01:30:00Z\", \"waiting\": 5}");
        assertThat(snapshot.problems())
                .extracting(LineProblem::line, LineProblem::field, LineProblem::code)
                .containsExactly(tuple(4L, "hall_id", "INVALID_VALUE"));
    }

    @Test
    void aNumberGivenAsTextIsWrongType_andAVeryLongNumberIsOutOfRange() {
        var step = "{\"event_id\": \"e1\", \"case_id\": \"c1\", \"power_item_id\": \"pi\", \"unit_id\": \"u\","
                + " \"kind\": \"step\", \"step\": \"审核\", \"at\": \"2026-03-02T01:30:00Z\", \"step_limit_days\": %s}";
        assertThat(parser.parse(1, step.formatted("\"3\"")).problems())
                .extracting(LineProblem::field, LineProblem::code)
                .containsExactly(tuple("step_limit_days", "WRONG_TYPE"));
        assertThat(parser.parse(2, step.formatted("1".repeat(5_000))).problems())
                .as("Jackson's 1,000-digit limit made this a line that is not JSON")
                .extracting(LineProblem::field, LineProblem::code)
                .containsExactly(tuple("step_limit_days", "OUT_OF_RANGE"));

        var queue = "{\"hall_id\": \"h\", \"at\": \"2026-03-02T01:30:00Z\", \"waiting\": %s}";
        var snapshots = new QueueSnapshotParser();
        assertThat(snapshots.parse(3, queue.formatted("\"5\"")).problems())
                .extracting(LineProblem::field, LineProblem::code)
                .containsExactly(tuple("waiting", "WRONG_TYPE"));
        assertThat(snapshots.parse(4, queue.formatted("9".repeat(900))).problems())
                .extracting(LineProblem::field, LineProblem::code)
                .containsExactly(tuple("waiting", "OUT_OF_RANGE"));
    }

    @Test
    void aFieldGivenTwiceIsRefusedAtItsNameNotLastOneWins() {
        var event = parser.parse(
                7,
                "{\"event_id\": \"e1\", \"case_id\": \"c1\", \"power_item_id\": \"pi\", \"unit_id\": \"u\","
                        + " \"kind\": \"concluded\", \"kind\": \"received\", \"at\": \"2026-03-02T01:30:00Z\"}");
        assertThat(event.ok()).isFalse();
        assertThat(event.problems())
                .extracting(LineProblem::line, LineProblem::field, LineProblem::code)
                .containsExactly(tuple(7L, "kind", "DUPLICATE_FIELD"));
        assertThat(event.partial().kind()).as("neither value is read").isNull();

        var snapshot = new QueueSnapshotParser()
                .parse(8, "{\"hall_id\": \"h\", \"at\": \"2026-03-02\", \"waiting\": 5, \"waiting\": 500}");
        assertThat(snapshot.problems())
                .as("at its name, with the line's other problems")
                .extracting(LineProblem::line, LineProblem::field, LineProblem::code)
                .containsExactly(tuple(8L, "waiting", "DUPLICATE_FIELD"), tuple(8L, "at", "INVALID_VALUE"));

        assertThat(parser.parse(9, "{\"event_id\": ").problems())
                .extracting(LineProblem::code)
                .containsExactly("MALFORMED_JSON");
    }
}
