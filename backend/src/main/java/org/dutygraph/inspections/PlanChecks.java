package org.dutygraph.inspections;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.dutygraph.inspections.Checklists.Item;
import org.dutygraph.platform.graphql.UserError;

/** What a new plan must satisfy before anything is stored; returns its checklist. */
final class PlanChecks {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final int MAX_SCOPE = 5000;

    private PlanChecks() {
    }

    static List<Item> check(InspectionPlans.CreatePlan in, java.time.LocalDate today, List<UserError> errors) {
        if (in.title() == null || in.title().isBlank() || in.title().length() > 200) {
            errors.add(UserError.of("INVALID_TITLE", "'title' must be 1 to 200 characters", "input", "title"));
        }
        var scope = in.scopeUnitIds() == null ? List.<String>of() : in.scopeUnitIds();
        if (scope.isEmpty() || scope.size() > MAX_SCOPE) {
            errors.add(UserError.of("INVALID_SCOPE", "'scopeUnitIds' must name 1 to " + MAX_SCOPE + " units", "input", "scopeUnitIds"));
        } else if (new HashSet<>(scope).size() != scope.size()) {
            errors.add(UserError.of("DUPLICATE_UNIT", "'scopeUnitIds' names a unit twice", "input", "scopeUnitIds"));
        }
        if (in.startsOn() != null && in.endsOn() != null && in.endsOn().isBefore(in.startsOn())) {
            errors.add(UserError.of("INVALID_PERIOD", "'endsOn' is before 'startsOn'", "input", "endsOn"));
        } else if (in.endsOn() != null && in.endsOn().isBefore(today)) {
            errors.add(UserError.of("PERIOD_OVER", "'endsOn' is in the past", "input", "endsOn"));
        }
        if (in.samplingRatio() == null || !(in.samplingRatio() > 0 && in.samplingRatio() <= 1)) {
            errors.add(UserError.of("OUT_OF_RANGE", "'samplingRatio' must be over 0 and at most 1", "input", "samplingRatio"));
        }
        int perVisit = in.inspectorsPerVisit() == null ? 2 : in.inspectorsPerVisit();
        if (perVisit < 2 || perVisit > 10) {
            errors.add(UserError.of("OUT_OF_RANGE", "'inspectorsPerVisit' must be 2 to 10: a visit has at least two inspectors",
                    "input", "inspectorsPerVisit"));
        }
        if (in.inspectorPool() != null && in.inspectorPool().size() < perVisit) {
            errors.add(UserError.of("POOL_TOO_SMALL", "'inspectorPool' needs at least " + perVisit + " inspectors",
                    "input", "inspectorPool"));
        }
        return checklist(in, errors);
    }

    private static List<Item> checklist(InspectionPlans.CreatePlan in, List<UserError> errors) {
        if ((in.checklistTemplateId() == null) == (in.checklist() == null)) {
            errors.add(UserError.of("CHECKLIST_REQUIRED", "Give either 'checklistTemplateId' or 'checklist'", "input", "checklist"));
            return List.of();
        }
        if (in.checklistTemplateId() != null) {
            var template = Checklists.template(in.checklistTemplateId());
            if (template.isEmpty()) {
                errors.add(UserError.of("UNKNOWN_TEMPLATE", "No checklist template has id '" + in.checklistTemplateId() + "'",
                        "input", "checklistTemplateId"));
                return List.of();
            }
            return template.get().items();
        }
        var items = in.checklist();
        if (items.isEmpty() || items.size() > 100) {
            errors.add(UserError.of("INVALID_CHECKLIST", "'checklist' must have 1 to 100 items", "input", "checklist"));
        }
        var codes = new HashSet<String>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            var at = String.valueOf(i);
            if (!CODE.matcher(item.code()).matches()) {
                errors.add(UserError.of("INVALID_CODE", "A code is 1 to 40 capital letters, digits and '_', starting with a letter",
                        "input", "checklist", at, "code"));
            } else if (!codes.add(item.code())) {
                errors.add(UserError.of("DUPLICATE_CODE", "Code '" + item.code() + "' is used twice", "input", "checklist", at, "code"));
            }
            if (item.norm().isBlank() || item.norm().length() > 50) {
                errors.add(UserError.of("INVALID_NORM", "'norm' must be 1 to 50 characters", "input", "checklist", at, "norm"));
            }
            if (item.question().isBlank() || item.question().length() > 500) {
                errors.add(UserError.of("INVALID_QUESTION", "'question' must be 1 to 500 characters", "input", "checklist", at, "question"));
            }
        }
        return items;
    }
}
