package org.dutygraph.appraisal.sheets;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
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
 * A period's sheet as an appraisal office fills it: one column per indicator code, one row per subject, optionally
 * bounded to a unit's subtree (so that a row for someone outside the unit being appraised is caught). Entered with
 * the checks of enterAppraisalScores, all or none; problems point at {@code input.rows.<r>.values.<c>}.
 */
@Service
public class UnitSheets {

    public record Row(String subjectId, List<String> values) {
    }

    private final AppraisalInputs inputs;
    private final Driver driver;
    private final Clock clock;

    UnitSheets(AppraisalInputs inputs, Driver driver, Clock clock) {
        this.inputs = inputs;
        this.driver = driver;
        this.clock = clock;
    }

    /** The number of values entered, or the problems. */
    public ScoreSheets.Imported enter(String periodText, String unitId, List<String> codes, List<Row> rows, String by) {
        Period period;
        try {
            period = Period.parse(periodText);
        } catch (IllegalArgumentException e) {
            return refused(List.of(UserError.of("INVALID_PERIOD", Text.of(AppraisalTexts.PERIOD_FORMAT), "input", "period")), rows);
        }
        var errors = new ArrayList<UserError>();
        if (codes.isEmpty() || codes.size() > 200) {
            errors.add(UserError.of("INVALID_SCORES", Text.of(AppraisalTexts.SHEET_CODES), "input", "codes"));
        } else if (new HashSet<>(codes).size() < codes.size()) {
            errors.add(UserError.of("DUPLICATE_SCORE", Text.of(AppraisalTexts.CODE_ONCE), "input", "codes"));
        }
        if (rows.isEmpty()) {
            errors.add(UserError.of("INVALID_SCORES", Text.of(AppraisalTexts.SHEET_ROWS), "input", "rows"));
        }
        if (!errors.isEmpty()) {
            return refused(errors, rows);
        }
        var outside = unitId == null ? java.util.Set.<String>of() : outside(unitId, rows);
        var entries = new ArrayList<AppraisalInputs.Entry>();
        var at = new ArrayList<int[]>();
        for (int r = 0; r < rows.size(); r++) {
            var row = rows.get(r);
            if (outside.contains(row.subjectId())) {
                errors.add(UserError.of("OUTSIDE_UNIT", Text.of(AppraisalTexts.OUTSIDE_UNIT, row.subjectId(), unitId),
                        "input", "rows", String.valueOf(r), "subjectId"));
            }
            if (row.values().size() != codes.size()) {
                errors.add(UserError.of("INVALID_SCORES", Text.of(AppraisalTexts.VALUE_PER_CODE, codes.size()),
                        "input", "rows", String.valueOf(r), "values"));
                continue;
            }
            for (int c = 0; c < codes.size(); c++) {
                var value = row.values().get(c);
                if (value != null && !value.isBlank()) {
                    entries.add(new AppraisalInputs.Entry(period, row.subjectId(), codes.get(c), value.strip()));
                    at.add(new int[] {r, c});
                }
            }
        }
        if (entries.size() > AppraisalInputs.MAX_ROWS) {
            return refused(List.of(UserError.of("INVALID_SCORES", Text.of(AppraisalTexts.VALUES_PER_CALL, AppraisalInputs.MAX_ROWS),
                    "input", "rows")), rows);
        }
        var names = new AppraisalInputs.Rows(i -> at.get(i)[0] + " (" + codes.get(at.get(i)[1]) + ")", Text.of(AppraisalTexts.THIS_SHEET));
        var found = errors.isEmpty() && !entries.isEmpty() ? inputs.enter(entries, names, by)
                : entries.isEmpty() ? List.<UserError>of() : inputs.check(entries, names);
        var codeProblems = new LinkedHashSet<String>();
        for (var e : found) {
            var f = e.field();
            int i = Integer.parseInt(f.get(2));
            int r = at.get(i)[0];
            int c = at.get(i)[1];
            switch (f.get(3)) {
                // a code's problem is the column's, reported once
                case "code" -> {
                    if (!"DUPLICATE_SCORE".equals(e.code()) && codeProblems.add(e.code() + c)) {
                        errors.add(UserError.of(e.code(), e.message(), "input", "codes", String.valueOf(c)));
                    } else if ("DUPLICATE_SCORE".equals(e.code())) {
                        errors.add(UserError.of(e.code(), e.message(), "input", "rows", String.valueOf(r), "subjectId"));
                    }
                }
                case "value" -> errors.add(UserError.of(e.code(), e.message(), "input", "rows", String.valueOf(r), "values",
                        String.valueOf(c)));
                default -> {
                    if (codeProblems.add(e.code() + "row" + r)) {
                        errors.add(UserError.of(e.code(), e.message(), "input", "rows", String.valueOf(r), "subjectId"));
                    }
                }
            }
        }
        return errors.isEmpty() ? new ScoreSheets.Imported(entries.size(), rows.size(), List.of()) : refused(errors, rows);
    }

    private static ScoreSheets.Imported refused(List<UserError> errors, List<Row> rows) {
        return new ScoreSheets.Imported(0, rows.size(), errors);
    }

    /** The rows' subjects that are not in the unit's subtree now. */
    private java.util.Set<String> outside(String unitId, List<Row> rows) {
        var ids = rows.stream().map(Row::subjectId).distinct().toList();
        try (var session = driver.session()) {
            var inside = session.executeRead(tx -> tx.run("""
                    UNWIND $ids AS id
                    OPTIONAL MATCH (top:Organization {id: $unit})
                    OPTIONAL MATCH (u:Organization {id: id})-[:PART_OF*0..]->(top)
                    OPTIONAL MATCH (p:Person {id: id})-[h:HOLDS]->(:Post)-[:IN_ORG]->(:Organization)-[:PART_OF*0..]->(top)
                    WHERE h.endDate IS NULL OR h.endDate >= $today
                    WITH id, u, p WHERE u IS NOT NULL OR p IS NOT NULL
                    RETURN collect(DISTINCT id) AS ids""", Map.of("ids", ids, "unit", unitId, "today", LocalDate.now(clock).toString()))
                    .single().get("ids").asList(Value::asString));
            var set = new HashSet<>(ids);
            inside.forEach(set::remove);
            return set;
        }
    }
}
