package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.support.EnglishTexts;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21 item 8, the inspectors', the office's and the inspected unit's side: their operations (mobile-contracts
 * operations/) under Accept-Language zh-CN answer no bare English sentence, checklists and notices included; English
 * comes when asked for, with the same codes. Each test visits a target only one other test visits (ihall, iedu): a visit
 * keeps its inspectors from the next draws for that target, and a target has inspectors for about two visits.
 */
class InspectionLanguageApiTest extends InspectionTestSupport {

    private final List<String> english = new ArrayList<>();

    @Test
    void theInspectorsOfficesAndUnitsOperationsAnswerInChinese_errorsAndNoticesIncluded() {
        var office = as("eff-chief").inLanguage("zh-CN");
        run(office, "office/ChecklistTemplates", Map.of());
        var bad = new HashMap<>(plan(List.of(), 2.0));
        bad.put("title", "");
        bad.put("inspectorsPerVisit", 1);
        bad.put("checklistTemplateId", "no-such-template");
        bad.put("endsOn", today().minusDays(1).toString());
        var refused = run(office, "office/CreateInspectionPlan", Map.of("input", bad))
                .path("data")
                .path("createInspectionPlan");
        assertThat(refused.path("errors").size()).isGreaterThanOrEqualTo(4);
        var own = new HashMap<>(plan(List.of("ihall"), 1.0));
        own.remove("checklistTemplateId");
        own.put("checklist", List.of(Map.of("code", "queue", "norm", "", "question", "排队？")));
        run(office, "office/CreateInspectionPlan", Map.of("input", own));
        var planId = run(office, "office/CreateInspectionPlan", Map.of("input", plan(List.of("ihall"), 1.0)))
                .path("data")
                .path("createInspectionPlan")
                .path("plan")
                .path("id")
                .asString();
        run(office, "office/DrawInspection", Map.of("input", Map.of("planId", planId, "seed", "short")));
        var drawn = run(
                        office,
                        "office/DrawInspection",
                        Map.of("input", Map.of("planId", planId, "seed", "seed-" + UUID.randomUUID())))
                .path("data")
                .path("drawInspection")
                .path("plan");
        run(office, "office/InspectionPlan", Map.of("id", planId));
        run(office, "office/PatrolShortfalls", Map.of("date", today().toString(), "minimum", 0));

        var assignment = drawn.path("assignments").path(0);
        var inspectorName = inspectorOf(assignment);
        var inspector = as(inspectorName).inLanguage("zh-CN");
        run(inspector, "inspector/MyAssignments", Map.of());
        var mine = run(
                        inspector,
                        "inspector/Assignment",
                        Map.of("id", assignment.path("id").asString()))
                .path("data")
                .path("assignment");
        var checklist = run(
                        inspector,
                        "inspector/Checklist",
                        Map.of(
                                "id",
                                mine.path("checklistId").asString(),
                                "version",
                                mine.path("checklistVersion").asString()))
                .path("data")
                .path("checklist");
        assertThat(checklist.path("items").size())
                .as("the template's ten items")
                .isEqualTo(10);
        var day = UUID.randomUUID().toString();
        var badVisit = new HashMap<>(visit(day + "-bad", assignment.path("id").asString()));
        badVisit.put("latitude", 200);
        badVisit.put("answers", List.of(Map.of("code", "SMOKING", "result", "FAIL")));
        run(inspector, "inspector/SyncInspectorDay", Map.of("input", Map.of("visits", List.of(badVisit))));
        var synced = run(
                        inspector,
                        "inspector/SyncInspectorDay",
                        Map.of(
                                "input",
                                Map.of(
                                        "visits",
                                                List.of(visit(
                                                        day + "-v",
                                                        assignment.path("id").asString())),
                                        "findings", List.of(finding(day + "-f", day + "-v", "b".repeat(64))))))
                .path("data")
                .path("syncInspectorDay");
        var findingId = synced.path("findings").path(0).path("id").asString();
        run(inspector, "inspector/MyFindings", Map.of());

        run(office, "office/InspectionFindings", Map.of());
        run(office, "office/ReviewInspectionFinding", Map.of("input", Map.of("id", findingId, "decision", "REJECT")));
        var confirmed = run(
                        office,
                        "office/ReviewInspectionFinding",
                        Map.of(
                                "input",
                                Map.of(
                                        "id",
                                        findingId,
                                        "decision",
                                        "CONFIRM",
                                        "rectifyBy",
                                        today().plusDays(7).toString())))
                .path("data")
                .path("reviewInspectionFinding");
        var orderId = confirmed.path("finding").path("rectification").path("id").asString();
        run(office, "office/AccountabilityChain", Map.of("findingId", findingId));
        run(
                office,
                "office/RecordAccountabilityMeasure",
                Map.of("input", Map.of("findingId", findingId, "postId", "nowhere", "measure", "REMINDER_TALK")));

        var unit = as("ihall-staff").inLanguage("zh-CN");
        var inbox =
                run(unit, "common/Inbox", Map.of()).path("data").path("inbox").path("edges");
        assertThat(inbox.valueStream().map(e -> e.path("node").path("title").asString()))
                .contains("整改通知");
        run(
                unit,
                "common/Notification",
                Map.of("id", inbox.path(0).path("node").path("id").asString()));
        run(unit, "handler/Rectifications", Map.of());
        run(unit, "handler/Rectification", Map.of("id", orderId));
        run(unit, "handler/InspectionFinding", Map.of("id", findingId));
        run(unit, "handler/RespondToRectification", Map.of("input", Map.of("id", orderId, "response", " ")));
        run(unit, "handler/RespondToRectification", Map.of("input", Map.of("id", orderId, "response", "已整改")));
        run(
                inspector,
                "inspector/RecordReturnVisit",
                Map.of("input", Map.of("rectificationId", orderId, "fixed", true)));
        run(inspector, "common/Inbox", Map.of());
        run(office, "common/Inbox", Map.of());

        assertThat(english).as("English in answers to zh-CN").isEmpty();
    }

    @Test
    void englishWhenAsked_theTemplatesItemsAndNotices_whileAPlansOwnItemsStayAsWritten() {
        var templates = as("eff-chief")
                .inLanguage("en")
                .post(op("office/ChecklistTemplates"), Map.of())
                .ok()
                .path("checklistTemplates")
                .path("edges");
        var windowNorms = templates
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("id").asString().equals("window-norms"))
                .findFirst()
                .orElseThrow();
        assertThat(windowNorms.path("name").asString()).isEqualTo("The seven norms of window service");
        assertThat(windowNorms.path("items").path(3).path("norm").asString()).isEqualTo("Language");
        assertThat(windowNorms.path("items").path(3).path("question").asString())
                .isEqualTo("Courteous language, no harsh or evasive words?");

        var own = new HashMap<>(plan(List.of("iedu"), 1.0));
        own.remove("checklistTemplateId");
        own.put(
                "checklist",
                List.of(
                        Map.of("code", "SEAL_USE", "norm", "印章管理", "question", "公章使用是否登记？"),
                        Map.of("code", "WINDOW_LANGUAGE", "norm", "语言", "question", "自己写的问题")));
        var planId = as("eff-chief")
                .post(op("office/CreateInspectionPlan"), Map.of("input", own))
                .ok()
                .path("createInspectionPlan")
                .path("plan")
                .path("id")
                .asString();
        var items = as("eff-chief")
                .inLanguage("en")
                .post(op("office/InspectionPlan"), Map.of("id", planId))
                .ok()
                .path("inspectionPlan")
                .path("checklist");
        assertThat(items.path(0).path("question").asString()).isEqualTo("公章使用是否登记？");
        assertThat(items.path(1).path("question").asString())
                .as("a template's code with the plan's own words")
                .isEqualTo("自己写的问题");

        var recorded = recordedFinding("iedu", Map.of());
        var rectifyBy = today().plusDays(7);
        var order = review(
                        "eff-chief",
                        Map.of("id", recorded[0], "decision", "CONFIRM", "rectifyBy", rectifyBy.toString()))
                .path("finding")
                .path("rectification")
                .path("id")
                .asString();
        var inbox = as("iedu-staff")
                .inLanguage("en")
                .post(op("common/Inbox"), Map.of())
                .ok()
                .path("inbox")
                .path("edges");
        assertThat(inbox.valueStream()
                        .map(e -> e.path("node").path("title").asString() + ": "
                                + e.path("node").path("body").asString()))
                .contains("Rectification order: A spot-check finding must be rectified by " + rectifyBy);
        var early = as(recorded[1])
                .inLanguage("en")
                .post(
                        op("inspector/RecordReturnVisit"),
                        Map.of("input", Map.of("rectificationId", order, "fixed", true)))
                .ok()
                .path("recordReturnVisit")
                .path("errors")
                .path(0);
        assertThat(early.path("code").asString()).isEqualTo("RETURN_VISIT_NOT_DUE");
        assertThat(early.path("message").asString())
                .isEqualTo("The order is to be rectified by " + rectifyBy
                        + "; the return visit is due after that deadline (from " + rectifyBy.plusDays(1) + ")");
        var chinese = as(recorded[1])
                .post(
                        op("inspector/RecordReturnVisit"),
                        Map.of("input", Map.of("rectificationId", order, "fixed", true)))
                .ok()
                .path("recordReturnVisit")
                .path("errors")
                .path(0);
        assertThat(chinese.path("code").asString()).isEqualTo("RETURN_VISIT_NOT_DUE");
        assertThat(chinese.path("message").asString())
                .isEqualTo("整改期限为 " + rectifyBy + "，回访须在期限届满后进行（最早 " + rectifyBy.plusDays(1) + "）");
    }

    /** Posts an app operation and notes every English sentence of the answer. */
    private JsonNode run(GraphQl client, String operation, Map<String, Object> variables) {
        var body = client.post(op(operation), variables).body();
        EnglishTexts.in(body).forEach(found -> english.add(operation + " " + found));
        return body;
    }

    private static String op(String name) {
        return resource("operations/" + name + ".graphql");
    }
}
