package org.dutygraph.inspections;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.dutygraph.inspections.Checklists.Item;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;

/** What a new plan must satisfy before anything is stored; returns its checklist. */
final class PlanChecks {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    static final int MAX_SCOPE = 5000;

    private PlanChecks() {}

    static List<Item> check(
            InspectionPlans.CreatePlan in, java.time.LocalDate today, Checklists templates, List<UserError> errors) {
        if (in.title() == null || in.title().isBlank() || in.title().length() > 200) {
            errors.add(UserError.of(
                    "INVALID_TITLE", Text.of(PlatformTexts.LENGTH_BETWEEN, "title", 1, 200), "input", "title"));
        }
        var scope = in.scopeUnitIds() == null ? List.<String>of() : in.scopeUnitIds();
        if (scope.isEmpty() || scope.size() > MAX_SCOPE) {
            errors.add(UserError.of(
                    "INVALID_SCOPE", Text.of(InspectionTexts.SCOPE_SIZE, MAX_SCOPE), "input", "scopeUnitIds"));
        } else if (new HashSet<>(scope).size() != scope.size()) {
            errors.add(
                    UserError.of("DUPLICATE_UNIT", Text.of(InspectionTexts.SCOPE_DUPLICATE), "input", "scopeUnitIds"));
        }
        if (in.startsOn() != null && in.endsOn() != null && in.endsOn().isBefore(in.startsOn())) {
            errors.add(UserError.of("INVALID_PERIOD", Text.of(InspectionTexts.ENDS_BEFORE_START), "input", "endsOn"));
        } else if (in.endsOn() != null && in.endsOn().isBefore(today)) {
            errors.add(UserError.of("PERIOD_OVER", Text.of(InspectionTexts.ENDS_IN_PAST), "input", "endsOn"));
        }
        if (in.samplingRatio() == null || !(in.samplingRatio() > 0 && in.samplingRatio() <= 1)) {
            errors.add(UserError.of("OUT_OF_RANGE", Text.of(InspectionTexts.SAMPLING_RATIO), "input", "samplingRatio"));
        }
        int perVisit = in.inspectorsPerVisit() == null ? 2 : in.inspectorsPerVisit();
        if (perVisit < 2 || perVisit > 10) {
            errors.add(UserError.of(
                    "OUT_OF_RANGE", Text.of(InspectionTexts.INSPECTORS_PER_VISIT), "input", "inspectorsPerVisit"));
        }
        if (in.inspectorPool() != null && in.inspectorPool().size() < perVisit) {
            errors.add(UserError.of(
                    "POOL_TOO_SMALL", Text.of(InspectionTexts.POOL_TOO_SMALL, perVisit), "input", "inspectorPool"));
        }
        return checklist(in, templates, errors);
    }

    private static List<Item> checklist(InspectionPlans.CreatePlan in, Checklists templates, List<UserError> errors) {
        if ((in.checklistTemplateId() == null) == (in.checklist() == null)) {
            errors.add(UserError.of(
                    "CHECKLIST_REQUIRED", Text.of(InspectionTexts.TEMPLATE_OR_CHECKLIST), "input", "checklist"));
            return List.of();
        }
        if (in.checklistTemplateId() != null) {
            var template = templates.template(in.checklistTemplateId());
            if (template.isEmpty()) {
                errors.add(UserError.of(
                        "UNKNOWN_TEMPLATE",
                        Text.of(InspectionTexts.NO_TEMPLATE, in.checklistTemplateId()),
                        "input",
                        "checklistTemplateId"));
                return List.of();
            }
            return template.get().items();
        }
        var items = in.checklist();
        if (items.isEmpty() || items.size() > 100) {
            errors.add(
                    UserError.of("INVALID_CHECKLIST", Text.of(InspectionTexts.CHECKLIST_SIZE), "input", "checklist"));
        }
        var codes = new HashSet<String>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            var at = String.valueOf(i);
            if (!CODE.matcher(item.code()).matches()) {
                errors.add(UserError.of(
                        "INVALID_CODE", Text.of(InspectionTexts.ITEM_CODE_FORMAT), "input", "checklist", at, "code"));
            } else if (!codes.add(item.code())) {
                errors.add(UserError.of(
                        "DUPLICATE_CODE",
                        Text.of(InspectionTexts.ITEM_CODE_TWICE, item.code()),
                        "input",
                        "checklist",
                        at,
                        "code"));
            }
            if (item.norm().isBlank() || item.norm().length() > 50) {
                errors.add(UserError.of(
                        "INVALID_NORM",
                        Text.of(PlatformTexts.LENGTH_BETWEEN, "norm", 1, 50),
                        "input",
                        "checklist",
                        at,
                        "norm"));
            }
            if (item.question().isBlank() || item.question().length() > 500) {
                errors.add(UserError.of(
                        "INVALID_QUESTION",
                        Text.of(PlatformTexts.LENGTH_BETWEEN, "question", 1, 500),
                        "input",
                        "checklist",
                        at,
                        "question"));
            }
        }
        return items;
    }
}
