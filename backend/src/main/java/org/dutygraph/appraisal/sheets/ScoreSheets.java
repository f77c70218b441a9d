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
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Score sheets from the spreadsheets offices keep (CSV or .xlsx, one row per subject and input): read within
 * {@link SheetLimits}, subjects found by id, by name and unit, or by unit, then entered with the checks of
 * {@link AppraisalInputs#enter(List, AppraisalInputs.Rows, String)}, all rows or none. Every problem names the
 * file's row and column: field {@code input.content.<row>.<column>}, message {@code row 12, column 得分: ...}.
 */
@Service
public class ScoreSheets {

    public enum Format { CSV, XLSX }

    public record Imported(int entered, int rows, List<UserError> errors) {
    }

    private final AppraisalInputs inputs;
    private final Driver driver;
    private final SheetLimits limits = SheetLimits.DEFAULT;
    private final Clock clock;

    ScoreSheets(AppraisalInputs inputs, Driver driver, Clock clock) {
        this.inputs = inputs;
        this.driver = driver;
        this.clock = clock;
    }

    /** The most bytes a sheet may have (decoded from base64). */
    public int maxBytes() {
        return limits.maxBytes();
    }

    /** A file as sent: its bytes ({@code text} null) or, for CSV, its text. */
    public Imported read(Format format, byte[] bytes, String text, String charset, String period, String by) {
        try {
            SheetTable table;
            if (text != null) {
                if (text.length() > limits.maxBytes()) {
                    throw new SheetException("TOO_LARGE", Text.of(AppraisalTexts.FILE_TOO_LARGE, limits.maxBytes() / (1024 * 1024)));
                }
                table = CsvReader.parse(text.startsWith("\uFEFF") ? text.substring(1) : text, limits);
            } else {
                if (bytes.length > limits.maxBytes()) {
                    throw new SheetException("TOO_LARGE", Text.of(AppraisalTexts.FILE_TOO_LARGE, limits.maxBytes() / (1024 * 1024)));
                }
                table = format == Format.XLSX ? XlsxReader.read(bytes, limits)
                        : CsvReader.parse(CsvReader.decode(bytes, charset), limits);
            }
            return enter(table, period, by);
        } catch (SheetException e) {
            return new Imported(0, 0, List.of(problem(e.code(), e.text(), e.row(), e.column(), e.column())));
        }
    }

    private Imported enter(SheetTable table, String defaultPeriod, String by) throws SheetException {
        var columns = SheetColumns.find(table.header(), table.headerRow());
        if (table.lines().isEmpty()) {
            throw new SheetException("EMPTY_SHEET", Text.of(AppraisalTexts.NO_ROWS), table.headerRow(), null);
        }
        Period fallback = null;
        if (defaultPeriod != null && !defaultPeriod.isBlank()) {
            try {
                fallback = Period.parse(defaultPeriod);
            } catch (IllegalArgumentException e) {
                return new Imported(0, table.lines().size(), List.of(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT),
                        "input", "period")));
            }
        }
        var errors = new ArrayList<UserError>();
        var subjects = subjects(table, columns, errors);
        var entries = new ArrayList<AppraisalInputs.Entry>();
        var numbers = new ArrayList<Integer>();
        var subjectColumn = new ArrayList<SheetColumns>();
        for (var line : table.lines()) {
            var subject = subjects.get(line.number());
            var period = fallback;
            var periodText = cell(line, columns, SheetColumns.PERIOD);
            if (!periodText.isEmpty()) {
                try {
                    period = Period.parse(periodText);
                } catch (IllegalArgumentException e) {
                    errors.add(problem("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), line.number(), SheetColumns.PERIOD, table,
                            columns));
                    continue;
                }
            } else if (period == null) {
                errors.add(problem("INVALID_PERIOD", Text.of(AppraisalTexts.NO_PERIOD),
                        line.number(), columns.containsKey(SheetColumns.PERIOD) ? SheetColumns.PERIOD : null, table, columns));
                continue;
            }
            if (subject == null) {
                continue;
            }
            entries.add(new AppraisalInputs.Entry(period, subject.id(), cell(line, columns, SheetColumns.CODE),
                    cell(line, columns, SheetColumns.VALUE)));
            numbers.add(line.number());
            subjectColumn.add(subject.column());
        }
        if (!errors.isEmpty() || entries.isEmpty()) {
            // the rows' own checks still run, without storing, so that one answer lists every bad row
            if (!entries.isEmpty()) {
                errors.addAll(inputs.check(entries, new AppraisalInputs.Rows(i -> String.valueOf(numbers.get(i)), Text.of(AppraisalTexts.THIS_SHEET)))
                        .stream().map(e -> rowProblem(e, numbers, subjectColumn, table, columns)).toList());
            }
            return new Imported(0, table.lines().size(), sorted(errors));
        }
        var refused = inputs.enter(entries, new AppraisalInputs.Rows(i -> String.valueOf(numbers.get(i)), Text.of(AppraisalTexts.THIS_SHEET)),
                by);
        if (!refused.isEmpty()) {
            return new Imported(0, table.lines().size(),
                    sorted(refused.stream().map(e -> rowProblem(e, numbers, subjectColumn, table, columns)).toList()));
        }
        return new Imported(entries.size(), table.lines().size(), List.of());
    }

    private static List<UserError> sorted(List<UserError> errors) {
        var list = new ArrayList<>(errors);
        list.sort(java.util.Comparator.comparingInt(e -> e.field().size() > 2 ? Integer.parseInt(e.field().get(2)) : 0));
        return list;
    }

    private static String cell(SheetTable.Line line, Map<SheetColumns, Integer> columns, SheetColumns column) {
        var index = columns.get(column);
        return index == null ? "" : line.cell(index).strip();
    }

    /** The id a row's subject has, and the column that named it. */
    private record Subject(String id, SheetColumns column) {
    }

    /** Each row's subject (by row number); rows whose subject cannot be found get a problem instead. */
    private Map<Integer, Subject> subjects(SheetTable table, Map<SheetColumns, Integer> columns, List<UserError> errors) {
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
        Map<String, List<String>> unitIds;
        Map<List<String>, List<String>> personIds;
        Map<String, String> names;
        try (var session = driver.session()) {
            var today = LocalDate.now(clock).toString();
            unitIds = session.executeRead(tx -> {
                var map = new HashMap<String, List<String>>();
                tx.run("""
                        UNWIND $refs AS ref
                        OPTIONAL MATCH (byId:Organization {id: ref})
                        OPTIONAL MATCH (byName:Organization {name: ref}) WHERE byId IS NULL
                        RETURN ref, collect(DISTINCT coalesce(byId.id, byName.id)) AS ids""", Map.of("refs", List.copyOf(units)))
                        .forEachRemaining(r -> map.put(r.get("ref").asString(), r.get("ids").asList(Value::asString)));
                return map;
            });
            personIds = session.executeRead(tx -> {
                var map = new HashMap<List<String>, List<String>>();
                tx.run("""
                        UNWIND $pairs AS pair
                        OPTIONAL MATCH (byId:Organization {id: pair[1]})
                        OPTIONAL MATCH (byName:Organization {name: pair[1]}) WHERE byId IS NULL
                        WITH pair, coalesce(byId, byName) AS top
                        OPTIONAL MATCH (p:Person {name: pair[0]})-[h:HOLDS]->(:Post)-[:IN_ORG]->(:Organization)-[:PART_OF*0..]->(top)
                        WHERE h.endDate IS NULL OR h.endDate >= $today
                        RETURN pair, collect(DISTINCT p.id) AS ids""",
                        Map.of("pairs", List.copyOf(named), "today", today))
                        .forEachRemaining(r -> map.merge(r.get("pair").asList(Value::asString), r.get("ids").asList(Value::asString),
                                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList()));
                return map;
            });
            names = session.executeRead(tx -> {
                var map = new HashMap<String, String>();
                tx.run("UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN id, p.name AS name", Map.of("ids", List.copyOf(ids)))
                        .forEachRemaining(r -> map.put(r.get("id").asString(), r.get("name").asString(null)));
                return map;
            });
        }
        var subjects = new HashMap<Integer, Subject>();
        for (var line : table.lines()) {
            var id = cell(line, columns, SheetColumns.SUBJECT);
            var name = cell(line, columns, SheetColumns.NAME);
            var unit = cell(line, columns, SheetColumns.UNIT);
            int row = line.number();
            if (!id.isEmpty()) {
                var known = names.get(id);
                if (!name.isEmpty() && known != null && !known.equals(name)) {
                    errors.add(problem("SUBJECT_MISMATCH", Text.of(AppraisalTexts.SUBJECT_MISMATCH, id, known, name), row, SheetColumns.NAME,
                            table, columns));
                } else {
                    subjects.put(row, new Subject(id, SheetColumns.SUBJECT));
                }
            } else if (!name.isEmpty() && !unit.isEmpty()) {
                var found = personIds.getOrDefault(List.of(name, unit), List.of());
                if (found.size() == 1) {
                    subjects.put(row, new Subject(found.get(0), SheetColumns.NAME));
                } else {
                    errors.add(problem(found.isEmpty() ? "UNKNOWN_SUBJECT" : "AMBIGUOUS_SUBJECT", found.isEmpty()
                            ? Text.of(AppraisalTexts.NO_ONE_NAMED, name, unit)
                            : Text.of(AppraisalTexts.SEVERAL_NAMED, found.size(), name, unit), row, SheetColumns.NAME, table, columns));
                }
            } else if (!unit.isEmpty()) {
                var found = unitIds.getOrDefault(unit, List.of());
                if (found.size() == 1) {
                    subjects.put(row, new Subject(found.get(0), SheetColumns.UNIT));
                } else {
                    errors.add(problem(found.isEmpty() ? "UNKNOWN_SUBJECT" : "AMBIGUOUS_SUBJECT", found.isEmpty()
                            ? Text.of(AppraisalTexts.NO_UNIT_NAMED, unit) : Text.of(AppraisalTexts.SEVERAL_UNITS_NAMED, found.size(), unit),
                            row, SheetColumns.UNIT, table, columns));
                }
            } else {
                errors.add(problem("MISSING_SUBJECT", Text.of(AppraisalTexts.NO_SUBJECT), row,
                        columns.containsKey(SheetColumns.SUBJECT) ? SheetColumns.SUBJECT
                                : columns.containsKey(SheetColumns.NAME) ? SheetColumns.NAME : SheetColumns.UNIT, table, columns));
            }
        }
        return subjects;
    }

    /** A problem the entry checks found in entry i, moved to the file's row and column. */
    private static UserError rowProblem(UserError error, List<Integer> numbers, List<SheetColumns> subjectColumns, SheetTable table,
                                        Map<SheetColumns, Integer> columns) {
        var f = error.field();
        if (f.size() < 4 || !"scores".equals(f.get(1))) {
            return error;
        }
        int i = Integer.parseInt(f.get(2));
        var column = switch (f.get(3)) {
            case "code" -> SheetColumns.CODE;
            case "value" -> SheetColumns.VALUE;
            default -> subjectColumns.get(i);
        };
        return problem(error.code(), error.message(), numbers.get(i), column, table, columns);
    }

    private static UserError problem(String code, Text message, int row, SheetColumns column, SheetTable table,
                                     Map<SheetColumns, Integer> columns) {
        var label = column == null ? null : columns.containsKey(column) ? table.header().get(columns.get(column)) : column.key();
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
