package org.dutygraph.appraisal.sheets;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import org.dutygraph.appraisal.AppraisalInputs;
import org.dutygraph.appraisal.AppraisalTexts;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * A period's sheet as an appraisal office fills it: one column per indicator code, one row per subject, optionally
 * bounded to a unit's subtree (so that a row for someone outside the unit being appraised is caught). Entered with
 * the checks of enterAppraisalScores, all or none; problems point at {@code input.rows.<r>.values.<c>}.
 */
@Service
public class UnitSheets {

    public record Row(String subjectId, List<String> values) {}

    private final AppraisalInputs inputs;
    private final SheetSubjectStore subjects;
    private final GraphTransactions graph;
    private final Clock clock;

    UnitSheets(AppraisalInputs inputs, SheetSubjectStore subjects, GraphTransactions graph, Clock clock) {
        this.inputs = inputs;
        this.subjects = subjects;
        this.graph = graph;
        this.clock = clock;
    }

    /** The number of values entered, or the problems; {@code periodField}: the input field the period came in. */
    public ScoreSheets.Imported enter(
            String periodText, String periodField, String unitId, List<String> codes, List<Row> rows, String by) {
        Period period;
        try {
            period = Period.parse(periodText);
        } catch (IllegalArgumentException e) {
            return refused(
                    List.of(UserError.of(
                            "INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "input", periodField)),
                    rows);
        }
        var errors = shapeProblems(codes, rows);
        if (!errors.isEmpty()) {
            return refused(errors, rows);
        }
        return graph.write(() -> enter(period, unitId, codes, rows, by));
    }

    private static List<UserError> shapeProblems(List<String> codes, List<Row> rows) {
        var errors = new ArrayList<UserError>();
        if (codes.isEmpty() || codes.size() > 200) {
            errors.add(UserError.of("INVALID_SCORES", Text.of(AppraisalTexts.SHEET_CODES), "input", "codes"));
        } else if (new HashSet<>(codes).size() < codes.size()) {
            errors.add(UserError.of("DUPLICATE_SCORE", Text.of(AppraisalTexts.CODE_ONCE), "input", "codes"));
        }
        if (rows.isEmpty()) {
            errors.add(UserError.of("INVALID_SCORES", Text.of(AppraisalTexts.SHEET_ROWS), "input", "rows"));
        }
        return errors;
    }

    /** The sheet's values as entries, each with its row and column ({@code at}: [r, c]). */
    private record Cells(List<AppraisalInputs.Entry> entries, List<int[]> at) {}

    /** In one transaction: the rows' subjects are checked against the unit as the entry checks see them. */
    private ScoreSheets.Imported enter(Period period, String unitId, List<String> codes, List<Row> rows, String by) {
        var errors = new ArrayList<UserError>();
        var cells = cells(period, unitId, codes, rows, errors);
        if (cells.entries().size() > AppraisalInputs.MAX_ROWS) {
            return refused(
                    List.of(UserError.of(
                            "INVALID_SCORES",
                            Text.of(AppraisalTexts.VALUES_PER_CALL, AppraisalInputs.MAX_ROWS),
                            "input",
                            "rows")),
                    rows);
        }
        var names = new AppraisalInputs.Rows(
                i -> cells.at().get(i)[0] + " (" + codes.get(cells.at().get(i)[1]) + ")",
                Text.of(AppraisalTexts.THIS_SHEET));
        var found = errors.isEmpty() && !cells.entries().isEmpty()
                ? inputs.enter(cells.entries(), names, by)
                : cells.entries().isEmpty() ? List.<UserError>of() : inputs.check(cells.entries(), names);
        errors.addAll(atCells(found, cells));
        return errors.isEmpty()
                ? new ScoreSheets.Imported(cells.entries().size(), rows.size(), List.of())
                : refused(errors, rows);
    }

    /** The non-empty values of rows of the right length; rows outside the unit or of the wrong length are problems. */
    private Cells cells(Period period, String unitId, List<String> codes, List<Row> rows, List<UserError> errors) {
        var outside = unitId == null ? java.util.Set.<String>of() : outside(unitId, rows);
        var cells = new Cells(new ArrayList<>(), new ArrayList<>());
        for (int r = 0; r < rows.size(); r++) {
            var row = rows.get(r);
            if (outside.contains(row.subjectId())) {
                errors.add(UserError.of(
                        "OUTSIDE_UNIT",
                        Text.of(AppraisalTexts.OUTSIDE_UNIT, row.subjectId(), unitId),
                        "input",
                        "rows",
                        String.valueOf(r),
                        "subjectId"));
            }
            if (row.values().size() != codes.size()) {
                errors.add(UserError.of(
                        "INVALID_SCORES",
                        Text.of(AppraisalTexts.VALUE_PER_CODE, codes.size()),
                        "input",
                        "rows",
                        String.valueOf(r),
                        "values"));
                continue;
            }
            for (int c = 0; c < codes.size(); c++) {
                var value = row.values().get(c);
                if (value != null && !value.isBlank()) {
                    cells.entries()
                            .add(new AppraisalInputs.Entry(period, row.subjectId(), codes.get(c), value.strip()));
                    cells.at().add(new int[] {r, c});
                }
            }
        }
        return cells;
    }

    /** The entry checks' problems moved to the sheet's cells: a code's problem to its column, once. */
    private static List<UserError> atCells(List<UserError> found, Cells cells) {
        var errors = new ArrayList<UserError>();
        var codeProblems = new LinkedHashSet<String>();
        for (var e : found) {
            var f = e.field();
            int i = Integer.parseInt(f.get(2));
            int r = cells.at().get(i)[0];
            int c = cells.at().get(i)[1];
            switch (f.get(3)) {
                case "code" -> {
                    if (!"DUPLICATE_SCORE".equals(e.code()) && codeProblems.add(e.code() + c)) {
                        errors.add(UserError.of(e.code(), e.message(), "input", "codes", String.valueOf(c)));
                    } else if ("DUPLICATE_SCORE".equals(e.code())) {
                        errors.add(
                                UserError.of(e.code(), e.message(), "input", "rows", String.valueOf(r), "subjectId"));
                    }
                }
                case "value" ->
                    errors.add(UserError.of(
                            e.code(), e.message(), "input", "rows", String.valueOf(r), "values", String.valueOf(c)));
                default -> {
                    if (codeProblems.add(e.code() + "row" + r)) {
                        errors.add(
                                UserError.of(e.code(), e.message(), "input", "rows", String.valueOf(r), "subjectId"));
                    }
                }
            }
        }
        return errors;
    }

    private static ScoreSheets.Imported refused(List<UserError> errors, List<Row> rows) {
        return new ScoreSheets.Imported(0, rows.size(), errors);
    }

    /** The rows' subjects that are not in the unit's subtree now. */
    private java.util.Set<String> outside(String unitId, List<Row> rows) {
        var ids = rows.stream().map(Row::subjectId).distinct().toList();
        var set = new HashSet<>(ids);
        set.removeAll(subjects.within(unitId, ids, LocalDate.now(clock)));
        return set;
    }
}
