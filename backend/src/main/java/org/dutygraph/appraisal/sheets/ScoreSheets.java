package org.dutygraph.appraisal.sheets;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.dutygraph.appraisal.AppraisalInputs;
import org.dutygraph.appraisal.AppraisalTexts;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * Score sheets from the spreadsheets offices keep (CSV or .xlsx, one row per subject and input): read within
 * {@link SheetLimits}, subjects found by id, by name and unit, or by unit, then entered with the checks of
 * {@link AppraisalInputs#enter(List, AppraisalInputs.Rows, String)}, all rows or none. Every problem names the
 * file's row and column: field {@code input.content.<row>.<column>}, message {@code row 12, column 得分: ...}.
 */
@Service
public class ScoreSheets {

    public enum Format {
        CSV,
        XLSX
    }

    public record Imported(int entered, int rows, List<UserError> errors) {}

    private final AppraisalInputs inputs;
    private final SheetSubjectStore subjects;
    private final GraphTransactions graph;
    private final SheetLimits limits = SheetLimits.DEFAULT;
    private final Clock clock;

    ScoreSheets(AppraisalInputs inputs, SheetSubjectStore subjects, GraphTransactions graph, Clock clock) {
        this.inputs = inputs;
        this.subjects = subjects;
        this.graph = graph;
        this.clock = clock;
    }

    /** The most bytes a sheet may have (decoded from base64). */
    public int maxBytes() {
        return limits.maxBytes();
    }

    /**
     * A file as sent: its bytes ({@code text} null) or, for CSV, its text; {@code periodField}: the input field the
     * default period came in.
     */
    public Imported read(
            Format format, byte[] bytes, String text, String charset, String period, String periodField, String by) {
        try {
            SheetTable table;
            if (text != null) {
                if (text.length() > limits.maxBytes()) {
                    throw new SheetException(
                            "TOO_LARGE", Text.of(AppraisalTexts.FILE_TOO_LARGE, limits.maxBytes() / (1024 * 1024)));
                }
                table = CsvReader.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, limits);
            } else {
                if (bytes.length > limits.maxBytes()) {
                    throw new SheetException(
                            "TOO_LARGE", Text.of(AppraisalTexts.FILE_TOO_LARGE, limits.maxBytes() / (1024 * 1024)));
                }
                table = format == Format.XLSX
                        ? XlsxReader.read(bytes, limits)
                        : CsvReader.parse(CsvReader.decode(bytes, charset), limits);
            }
            return enter(table, period, periodField, by);
        } catch (SheetException e) {
            return new Imported(0, 0, List.of(problem(e.code(), e.text(), e.row(), e.column(), e.column())));
        }
    }

    /** The rows as entries, each with its row number and the column that named its subject. */
    private record Rows(List<AppraisalInputs.Entry> entries, List<Integer> numbers, List<SheetColumns> subjectColumns) {

        AppraisalInputs.Rows names() {
            return new AppraisalInputs.Rows(i -> String.valueOf(numbers.get(i)), Text.of(AppraisalTexts.THIS_SHEET));
        }
    }

    private Imported enter(SheetTable table, String defaultPeriod, String periodField, String by)
            throws SheetException {
        var columns = SheetColumns.find(table.header(), table.headerRow());
        if (table.lines().isEmpty()) {
            throw new SheetException("EMPTY_SHEET", Text.of(AppraisalTexts.NO_ROWS), table.headerRow(), null);
        }
        Period fallback = null;
        if (defaultPeriod != null && !defaultPeriod.isBlank()) {
            try {
                fallback = Period.parse(defaultPeriod);
            } catch (IllegalArgumentException e) {
                return new Imported(
                        0,
                        table.lines().size(),
                        List.of(UserError.of(
                                "INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "input", periodField)));
            }
        }
        var period = fallback;
        return graph.write(() -> enter(table, columns, period, by));
    }

    /** Enters the sheet's rows, all or none, in one transaction: the subjects found are those the entry checks see. */
    private Imported enter(SheetTable table, Map<SheetColumns, Integer> columns, Period fallback, String by) {
        var errors = new ArrayList<UserError>();
        var rows = rows(table, columns, fallback, errors);
        if (!errors.isEmpty() || rows.entries().isEmpty()) {
            // the rows' own checks still run, without storing, so that one answer lists every bad row
            if (!rows.entries().isEmpty()) {
                errors.addAll(inputs.check(rows.entries(), rows.names()).stream()
                        .map(e -> rowProblem(e, rows, table, columns))
                        .toList());
            }
            return new Imported(0, table.lines().size(), sorted(errors));
        }
        var refused = inputs.enter(rows.entries(), rows.names(), by);
        if (!refused.isEmpty()) {
            return new Imported(
                    0,
                    table.lines().size(),
                    sorted(refused.stream()
                            .map(e -> rowProblem(e, rows, table, columns))
                            .toList()));
        }
        return new Imported(rows.entries().size(), table.lines().size(), List.of());
    }

    /** The entries of the rows whose period and subject are known; the other rows' problems are added. */
    private Rows rows(SheetTable table, Map<SheetColumns, Integer> columns, Period fallback, List<UserError> errors) {
        var subjects = subjects(table, columns, errors);
        var rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (var line : table.lines()) {
            var subject = subjects.get(line.number());
            var period = fallback;
            var periodText = cell(line, columns, SheetColumns.PERIOD);
            if (!periodText.isEmpty()) {
                try {
                    period = Period.parse(periodText);
                } catch (IllegalArgumentException e) {
                    errors.add(problem(
                            "INVALID_PERIOD",
                            Text.of(AppraisalTexts.PERIOD_FORMAT),
                            line.number(),
                            SheetColumns.PERIOD,
                            table,
                            columns));
                    continue;
                }
            } else if (period == null) {
                errors.add(problem(
                        "INVALID_PERIOD",
                        Text.of(AppraisalTexts.NO_PERIOD),
                        line.number(),
                        columns.containsKey(SheetColumns.PERIOD) ? SheetColumns.PERIOD : null,
                        table,
                        columns));
                continue;
            }
            if (subject != null) {
                rows.entries()
                        .add(new AppraisalInputs.Entry(
                                period,
                                subject.id(),
                                cell(line, columns, SheetColumns.CODE),
                                cell(line, columns, SheetColumns.VALUE)));
                rows.numbers().add(line.number());
                rows.subjectColumns().add(subject.column());
            }
        }
        return rows;
    }

    private static List<UserError> sorted(List<UserError> errors) {
        var list = new ArrayList<>(errors);
        list.sort(java.util.Comparator.comparingInt(
                e -> e.field().size() > 2 ? Integer.parseInt(e.field().get(2)) : 0));
        return list;
    }

    private static String cell(SheetTable.Line line, Map<SheetColumns, Integer> columns, SheetColumns column) {
        var index = columns.get(column);
        return index == null ? "" : line.cell(index).strip();
    }

    /** The id a row's subject has, and the column that named it. */
    private record Subject(String id, SheetColumns column) {}

    /** The subjects a sheet's rows name, looked up at once: units by id or name, persons by name and unit, names by id. */
    private record Lookups(
            Map<String, List<String>> units, Map<List<String>, List<String>> persons, Map<String, String> names) {}

    /** Each row's subject (by row number); rows whose subject cannot be found get a problem instead. */
    private Map<Integer, Subject> subjects(
            SheetTable table, Map<SheetColumns, Integer> columns, List<UserError> errors) {
        var found = lookups(table, columns);
        var subjects = new HashMap<Integer, Subject>();
        for (var line : table.lines()) {
            var id = cell(line, columns, SheetColumns.SUBJECT);
            var name = cell(line, columns, SheetColumns.NAME);
            var unit = cell(line, columns, SheetColumns.UNIT);
            int row = line.number();
            Found one;
            if (!id.isEmpty()) {
                var known = found.names().get(id);
                one = !name.isEmpty() && known != null && !known.equals(name)
                        ? Found.problem(
                                "SUBJECT_MISMATCH",
                                Text.of(AppraisalTexts.SUBJECT_MISMATCH, id, known, name),
                                SheetColumns.NAME)
                        : Found.subject(id, SheetColumns.SUBJECT);
            } else if (!name.isEmpty() && !unit.isEmpty()) {
                var ids = found.persons().getOrDefault(List.of(name, unit), List.of());
                one = Found.one(
                        ids,
                        SheetColumns.NAME,
                        Text.of(AppraisalTexts.NO_ONE_NAMED, name, unit),
                        Text.of(AppraisalTexts.SEVERAL_NAMED, ids.size(), name, unit));
            } else if (!unit.isEmpty()) {
                var ids = found.units().getOrDefault(unit, List.of());
                one = Found.one(
                        ids,
                        SheetColumns.UNIT,
                        Text.of(AppraisalTexts.NO_UNIT_NAMED, unit),
                        Text.of(AppraisalTexts.SEVERAL_UNITS_NAMED, ids.size(), unit));
            } else {
                one = Found.problem(
                        "MISSING_SUBJECT",
                        Text.of(AppraisalTexts.NO_SUBJECT),
                        columns.containsKey(SheetColumns.SUBJECT)
                                ? SheetColumns.SUBJECT
                                : columns.containsKey(SheetColumns.NAME) ? SheetColumns.NAME : SheetColumns.UNIT);
            }
            if (one.subject() != null) {
                subjects.put(row, one.subject());
            } else {
                errors.add(problem(one.code(), one.message(), row, one.column(), table, columns));
            }
        }
        return subjects;
    }

    /** A row's subject, or the problem finding it (its code, message and column). */
    private record Found(Subject subject, String code, Text message, SheetColumns column) {

        static Found subject(String id, SheetColumns column) {
            return new Found(new Subject(id, column), null, null, column);
        }

        static Found problem(String code, Text message, SheetColumns column) {
            return new Found(null, code, message, column);
        }

        /** The one id found, or a problem: {@code none} when nothing is found, {@code several} when more than one is. */
        static Found one(List<String> ids, SheetColumns column, Text none, Text several) {
            return ids.size() == 1
                    ? subject(ids.get(0), column)
                    : problem(
                            ids.isEmpty() ? "UNKNOWN_SUBJECT" : "AMBIGUOUS_SUBJECT",
                            ids.isEmpty() ? none : several,
                            column);
        }
    }

    private Lookups lookups(SheetTable table, Map<SheetColumns, Integer> columns) {
        var units = new LinkedHashSet<String>();
        var named = new LinkedHashSet<List<String>>();
        var ids = new LinkedHashSet<String>();
        for (var line : table.lines()) {
            var id = cell(line, columns, SheetColumns.SUBJECT);
            var name = cell(line, columns, SheetColumns.NAME);
            var unit = cell(line, columns, SheetColumns.UNIT);
            if (!id.isEmpty()) {
                ids.add(id);
            } else if (!name.isEmpty() && !unit.isEmpty()) {
                named.add(List.of(name, unit));
            } else if (!unit.isEmpty()) {
                units.add(unit);
            }
        }
        return new Lookups(
                subjects.unitsByIdOrName(units),
                subjects.personsNamedIn(named, LocalDate.now(clock)),
                subjects.personNames(ids));
    }

    /** A problem the entry checks found in entry i, moved to the file's row and column. */
    private static UserError rowProblem(
            UserError error, Rows rows, SheetTable table, Map<SheetColumns, Integer> columns) {
        var f = error.field();
        if (f.size() < 4 || !"scores".equals(f.get(1))) {
            return error;
        }
        int i = Integer.parseInt(f.get(2));
        var column = switch (f.get(3)) {
            case "code" -> SheetColumns.CODE;
            case "value" -> SheetColumns.VALUE;
            default -> rows.subjectColumns().get(i);
        };
        return problem(error.code(), error.message(), rows.numbers().get(i), column, table, columns);
    }

    private static UserError problem(
            String code,
            Text message,
            int row,
            SheetColumns column,
            SheetTable table,
            Map<SheetColumns, Integer> columns) {
        var label = column == null
                ? null
                : columns.containsKey(column) ? table.header().get(columns.get(column)) : column.key();
        return problem(code, message, row, column == null ? null : column.key(), label);
    }

    private static UserError problem(String code, Text message, int row, String key, String label) {
        var path = new ArrayList<>(List.of("input", "content"));
        var text = message;
        if (row > 0) {
            path.add(String.valueOf(row));
            if (key != null) {
                path.add(key);
                text = Text.of(AppraisalTexts.ROW_COLUMN_AT, row, label, message);
            } else {
                text = Text.of(AppraisalTexts.ROW_AT, row, message);
            }
        }
        return new UserError(List.copyOf(path), code, text);
    }
}
