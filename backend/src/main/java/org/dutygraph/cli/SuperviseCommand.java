package org.dutygraph.cli;

import java.io.BufferedInputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.supervision.OfflineSupervision;
import org.dutygraph.supervision.signals.Signal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the supervision signals of a case-event file against a bundle's power list, in memory: no database, no
 * Spring context. Lines with problems are listed on standard error; they reject the run unless {@code --lenient}.
 */
@Command(
        name = "supervise",
        mixinStandardHelpOptions = true,
        description = {
            "Prints every time-limit and fee signal raised up to --at by the case events (JSON lines, see "
                    + "docs/supervision-events.md) against the power items of an org-bundle/1 file, ordered by raised_at."
        },
        footer = {
            "",
            "Exit status: 0 done, 1 the bundle or a line rejected (problems on standard error; with "
                    + "--lenient bad lines are reported and skipped), 2 unknown option."
        })
final class SuperviseCommand implements Callable<Integer> {

    enum Format {
        json,
        csv,
        md
    }

    private static final int PROBLEMS_SHOWN = 1_000;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<bundle.json>", description = "the organisation and its power list")
    private Path bundle;

    @Parameters(index = "1", paramLabel = "<events.jsonl>", description = "case events, one JSON object a line")
    private Path events;

    @Option(
            names = "--at",
            required = true,
            paramLabel = "<date-time>",
            description = "the moment to evaluate at, with its offset, e.g. 2026-03-20T12:00:00+08:00")
    private String at;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or md (default: ${DEFAULT-VALUE})")
    private Format format;

    @Option(names = "--lenient", description = "report bad lines on standard error and go on without them")
    private boolean lenient;

    @Option(
            names = "--supervision-period",
            defaultValue = "2",
            paramLabel = "<working days>",
            description =
                    "working days a yellow card may stay uncleared before it turns red (default: ${DEFAULT-VALUE})")
    private int supervisionPeriod;

    @Option(
            names = "--zone",
            defaultValue = "Asia/Shanghai",
            description = "where the working days are (default: ${DEFAULT-VALUE})")
    private ZoneId zone;

    @Option(
            names = "--calendar-dir",
            paramLabel = "<dir>",
            description = "<year>.txt files replacing the shipped holiday calendars (see docs/supervision.md)")
    private Path calendarDir;

    @Option(
            names = "--lang",
            defaultValue = "zh",
            paramLabel = "<zh|en>",
            description = "the language of the problems' messages (default: ${DEFAULT-VALUE}); codes do not change")
    private String lang;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        var moment = moment();
        if (!List.of("zh", "en").contains(lang)) throw new ParameterException(spec.commandLine(), "--lang: zh or en");
        var language = Languages.of(java.util.Locale.forLanguageTag(lang));
        for (var file : List.of(bundle, events)) {
            if (!Files.isReadable(file)) throw new ParameterException(spec.commandLine(), "Cannot read " + file);
        }
        if (supervisionPeriod < 0)
            throw new ParameterException(spec.commandLine(), "--supervision-period must be 0 or more");
        out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        var days = calendarDir == null ? WorkingDays.shipped() : WorkingDays.load(calendarDir);
        OfflineSupervision.Report report;
        try (var bundleIn = new BufferedInputStream(Files.newInputStream(bundle), 1 << 20);
                var eventsIn =
                        new java.io.BufferedReader(OfflineSupervision.lines(Files.newInputStream(events)), 1 << 16)) {
            report = new OfflineSupervision(days, zone, supervisionPeriod, language).run(bundleIn, eventsIn, moment);
        }
        if (report.bundleRejected()) {
            err.printf("Bundle rejected, %d problems%n", report.bundleProblemCount());
            report.bundleProblems().forEach(p -> err.printf("  %s  %s  %s%n", p.path(), p.code(), p.message()));
            return 1;
        }
        if (!report.lineProblems().isEmpty()) {
            err.printf(
                    "%s: %d problems%s%n",
                    events, report.lineProblems().size(), lenient ? ", those lines skipped" : "");
            report.lineProblems().stream()
                    .limit(PROBLEMS_SHOWN)
                    .forEach(p -> err.printf("  %s%n", OfflineSupervision.describe(p, language)));
            if (!lenient) return 1;
        }
        err.printf(
                "%d events kept, %d replayed events ignored, %d cases, %d signals%n",
                report.eventsKept(),
                report.eventsReplayed(),
                report.cases(),
                report.signals().size());
        switch (format) {
            case json -> json(report.signals());
            case csv -> csv(report.signals());
            case md -> markdown(report.signals());
        }
        return 0;
    }

    private Instant moment() {
        try {
            return OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--at: '" + at + "' is not a date-time with an offset, " + "e.g. 2026-03-20T12:00:00+08:00");
        }
    }

    private Map<String, Object> row(Signal s) {
        var row = new LinkedHashMap<String, Object>();
        row.put("case_id", s.caseId());
        row.put("level", s.level().name());
        row.put("rule", s.rule().name());
        row.put("power_item_id", s.powerItemId());
        row.put("unit_id", s.unitId());
        row.put("post_id", s.postId());
        row.put("raised_at", time(s.raisedAt()));
        row.put("due", time(s.due()));
        row.put("cleared_at", time(s.clearedAt()));
        return row;
    }

    private String time(Instant instant) {
        return instant == null
                ? null
                : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    private void json(List<Signal> signals) {
        var rows = signals.stream().map(this::row).toList();
        out.println(JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsString(rows));
    }

    private void csv(List<Signal> signals) {
        out.println("case_id,level,rule,power_item_id,unit_id,post_id,raised_at,due,cleared_at");
        for (var s : signals) {
            out.println(String.join(
                    ",", row(s).values().stream().map(v -> cell((String) v)).toList()));
        }
    }

    private static String cell(String value) {
        if (value == null) return "";
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }

    private void markdown(List<Signal> signals) {
        out.println("# Supervision signals");
        out.println();
        out.println(signals.size() + " signals, "
                + signals.stream().filter(s -> s.clearedAt() == null).count() + " not cleared.");
        out.println();
        out.println("| raised | level | rule | case | power item | unit | post | due | cleared |");
        out.println("|---|---|---|---|---|---|---|---|---|");
        for (var s : signals) {
            var r = row(s);
            out.println("| "
                    + String.join(
                            " | ",
                            List.of(
                                            "raised_at",
                                            "level",
                                            "rule",
                                            "case_id",
                                            "power_item_id",
                                            "unit_id",
                                            "post_id",
                                            "due",
                                            "cleared_at")
                                    .stream()
                                    .map(k -> r.get(k) == null ? "" : ((String) r.get(k)).replace("|", "\\|"))
                                    .toList())
                    + " |");
        }
    }
}
