package org.dutygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dutygraph.support.SpawnedJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code supervise} through the packaged jar, in a process of its own, on the fixture in test resources
 * supervision/: every rule, a suspension, the Spring Festival holidays and a swapped working Saturday, a replayed
 * event id, a concluded case clearing its signals, an event after --at left out; bad lines reject the run, or are
 * skipped with --lenient.
 */
class SuperviseCommandIT {

    private static final Path JAR = Path.of(System.getProperty("production.jar"));
    private static final String AT = "2026-03-20T12:00:00+08:00";

    @TempDir
    Path work;

    private record Run(int exitCode, String out, String err) {}

    @Test
    void everyRuleAsTheIssueStatesIt() throws Exception {
        var run = run("supervise", fixture("bundle.json"), fixture("events.jsonl"), "--at", AT, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("13 events kept, 1 replayed events ignored, 4 cases, 10 signals");
        var signals = JsonMapper.builder().build().readTree(run.out());
        assertThat(signals.valueStream().map(SuperviseCommandIT::line))
                .containsExactly(
                        // C1: accepted Thu 12 Feb; 3 committed days are Fri 13, Sat 14 (swapped working day) and, after
                        // the
                        // Spring Festival (15-23 Feb), Tue 24 Feb. Its duty is the department's: the head answers.
                        "C1 notice deadline_near pi-lic zrzy zrzy-head 2026-02-24T00:00:00+08:00 2026-02-25T00:00:00+08:00 null",
                        "C1 yellow over_committed pi-lic zrzy zrzy-head 2026-02-25T00:00:00+08:00 2026-02-25T00:00:00+08:00 null",
                        "C1 red not_cleared pi-lic zrzy zrzy-head 2026-02-28T00:00:00+08:00 2026-02-28T00:00:00+08:00 null",
                        // C2: suspended 3-5 March, so its 1-day step ends on Fri 6 and its 5 committed days on Thu 12;
                        // concluded on 13 March 10:00, which clears all of its signals. The duty's post answers.
                        "C2 red unlisted_fee pi-reg zrzy zrzy-dj-1 2026-03-02T09:15:00+08:00 null 2026-03-13T10:00:00+08:00",
                        "C2 yellow step_over pi-reg zrzy zrzy-dj-1 2026-03-07T00:00:00+08:00 2026-03-07T00:00:00+08:00 2026-03-13T10:00:00+08:00",
                        "C2 red not_cleared pi-reg zrzy zrzy-dj-1 2026-03-11T00:00:00+08:00 2026-03-11T00:00:00+08:00 2026-03-13T10:00:00+08:00",
                        "C2 notice deadline_near pi-reg zrzy zrzy-dj-1 2026-03-12T00:00:00+08:00 2026-03-13T00:00:00+08:00 2026-03-13T10:00:00+08:00",
                        "C2 yellow over_committed pi-reg zrzy zrzy-dj-1 2026-03-13T00:00:00+08:00 2026-03-13T00:00:00+08:00 2026-03-13T10:00:00+08:00",
                        // C3: rejected without a reason (sent twice with one event id: one signal), on the post its
                        // event names
                        "C3 yellow no_reason pi-reg zrzy zrzy-dj-head 2026-03-16T11:00:00+08:00 null 2026-03-16T11:00:00+08:00",
                        // C1's 20 statutory working days end on Wed 18 March (Sat 28 Feb worked)
                        "C1 red over_statutory pi-lic zrzy zrzy-head 2026-03-19T00:00:00+08:00 2026-03-19T00:00:00+08:00 null");
        // C4's unlisted fee comes after --at
        assertThat(run.out()).doesNotContain("C4");
    }

    @Test
    void csvAndMarkdownCarryTheSameSignals() throws Exception {
        var csv = run("supervise", fixture("bundle.json"), fixture("events.jsonl"), "--at", AT, "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        var lines = csv.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("case_id,level,rule,power_item_id,unit_id,post_id,raised_at,due,cleared_at");
        assertThat(lines)
                .hasSize(11)
                .contains(
                        "C3,yellow,no_reason,pi-reg,zrzy,zrzy-dj-head,2026-03-16T11:00:00+08:00,,2026-03-16T11:00:00+08:00");

        var md = run("supervise", fixture("bundle.json"), fixture("events.jsonl"), "--at", AT, "--format", "md");
        assertThat(md.exitCode()).isZero();
        assertThat(md.out())
                .contains("10 signals, 4 not cleared.")
                .contains("| 2026-03-19T00:00:00+08:00 | red | over_statutory | C1 |");
    }

    @Test
    void aBadLineRejectsTheRunNamingLineAndField_lenientSkipsIt() throws Exception {
        var strict = run("supervise", fixture("bundle.json"), fixture("events-with-bad-lines.jsonl"), "--at", AT);

        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).isEmpty();
        assertThat(strict.err())
                .contains("5 problems")
                .contains("line 2  at  INVALID_VALUE")
                .contains("line 3  power_item_id  UNKNOWN_REFERENCE")
                .contains("line 4  fee.amount  WRONG_TYPE")
                .contains("line 5  $  MALFORMED_JSON")
                .contains("line 6  event_id  EVENT_ID_REUSED")
                .as("the messages come from the catalogue, in Chinese by default")
                .contains("line 3  power_item_id  UNKNOWN_REFERENCE  没有权力事项");
        var english = run(
                "supervise",
                fixture("bundle.json"),
                fixture("events-with-bad-lines.jsonl"),
                "--at",
                AT,
                "--lang",
                "en");
        assertThat(english.err())
                .contains("line 3  power_item_id  UNKNOWN_REFERENCE  No power item")
                .contains("line 6  event_id  EVENT_ID_REUSED  Event ");

        var lenient = run(
                "supervise", fixture("bundle.json"), fixture("events-with-bad-lines.jsonl"), "--at", AT, "--lenient");
        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.err()).contains("those lines skipped").contains("line 2  at  INVALID_VALUE");
        var signals = JsonMapper.builder().build().readTree(lenient.out());
        assertThat(signals.valueStream().map(s -> s.path("rule").asString()))
                .containsExactly("deadline_near", "over_committed", "not_cleared", "over_statutory");
    }

    @Test
    void everyProblemOfALineIsListed_notOnlyTheFirst() throws Exception {
        var events = work.resolve("two-problems.jsonl");
        Files.writeString(
                events,
                "{\"event_id\": \"b1\", \"case_id\": \"C9\", \"power_item_id\": \"pi-nope\", \"unit_id\": \"nowhere\","
                        + " \"kind\": \"accepted\", \"at\": \"2026-03-02 09:00\"}\n",
                StandardCharsets.UTF_8);

        var strict = run("supervise", fixture("bundle.json"), events.toString(), "--at", AT, "--lang", "en");

        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.err())
                .contains("3 problems")
                .contains("line 1  at  INVALID_VALUE")
                .contains("line 1  power_item_id  UNKNOWN_REFERENCE  No power item")
                .contains("line 1  unit_id  UNKNOWN_REFERENCE");
    }

    @Test
    void aLineThatIsNotUtf8IsRefusedWithItsNumber_lenientKeepsTheOthers() throws Exception {
        var events = work.resolve("not-utf8.jsonl");
        var good = "{\"event_id\": \"u1\", \"case_id\": \"C1\", \"power_item_id\": \"pi-lic\", \"unit_id\": \"zrzy\","
                + " \"kind\": \"accepted\", \"at\": \"2026-03-02T09:00:00+08:00\"}\n";
        var bad = "{\"event_id\": \"u2\", \"case_id\": \"C2\", \"power_item_id\": \"pi-lic\", \"unit_id\": \"zrzy\","
                + " \"kind\": \"accepted\", \"at\": \"2026-03-02T09:00:00+08:00\", \"note\": \"";
        var body = new java.io.ByteArrayOutputStream();
        body.write(good.getBytes(StandardCharsets.UTF_8));
        body.write(bad.getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        body.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        body.write(good.replace("u1", "u3").replace("C1", "C3").getBytes(StandardCharsets.UTF_8));
        Files.write(events, body.toByteArray());

        var strict = run("supervise", fixture("bundle.json"), events.toString(), "--at", AT, "--lang", "en");
        assertThat(strict.exitCode()).as(strict.err()).isEqualTo(1);
        assertThat(strict.err()).contains("1 problem").contains("line 2  $  MALFORMED_JSON");

        var lenient = run("supervise", fixture("bundle.json"), events.toString(), "--at", AT, "--lenient");
        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.err()).contains("line 2  $  MALFORMED_JSON").contains("2 events kept");
    }

    @Test
    void aLongerSupervisionPeriodDelaysTheRedCard_aRejectedBundleExitsOne() throws Exception {
        var run = run(
                "supervise", fixture("bundle.json"), fixture("events.jsonl"), "--at", AT, "--supervision-period", "5");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var c1Red = JsonMapper.builder()
                .build()
                .readTree(run.out())
                .valueStream()
                .filter(s -> s.path("case_id").asString().equals("C1")
                        && s.path("rule").asString().equals("not_cleared"))
                .findFirst()
                .orElseThrow();
        assertThat(c1Red.path("raised_at").asString()).isEqualTo("2026-03-04T00:00:00+08:00");

        var bundle = work.resolve("bad-bundle.json");
        Files.writeString(bundle, """
                {"format": "org-bundle/1", "power_items": [{"id": "p", "name": "x", "category": "licensing",
                 "fees": [{"item": "费", "amount": "8,00"}]}]}""");
        var rejected = run("supervise", bundle.toString(), fixture("events.jsonl"), "--at", AT);
        assertThat(rejected.exitCode()).isEqualTo(1);
        assertThat(rejected.err()).contains("$.power_items[0].fees[0].amount  INVALID_VALUE");
        assertThat(rejected.out()).isEmpty();

        var usage = run("supervise", fixture("bundle.json"), fixture("events.jsonl"), "--at", "tomorrow");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--at");
    }

    private static String line(JsonNode s) {
        return String.join(
                " ",
                List.of(
                                "case_id",
                                "level",
                                "rule",
                                "power_item_id",
                                "unit_id",
                                "post_id",
                                "raised_at",
                                "due",
                                "cleared_at")
                        .stream()
                        .map(k -> s.path(k).isNull() ? "null" : s.path(k).asString())
                        .toList());
    }

    private String fixture(String name) throws IOException {
        var file = work.resolve(name);
        if (Files.notExists(file)) {
            try (var in = getClass().getResourceAsStream("/supervision/" + name)) {
                Files.copy(in, file);
            }
        }
        return file.toString();
    }

    private Run run(String... args) throws Exception {
        var command = new ArrayList<>(SpawnedJvm.java("512m"));
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        var out = Files.createTempFile(work, "out", ".txt");
        var err = Files.createTempFile(work, "err", ".txt");
        var process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            fail("still running: %s", String.join(" ", args));
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
