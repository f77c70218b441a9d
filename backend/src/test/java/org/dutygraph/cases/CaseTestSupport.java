package org.dutygraph.cases;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * The cases fixture (bundles/cases.bundle.json): an education bureau (zedu) with an approval section (zedu-xk) whose
 * intake post zedu-xk-1 was held by ZB001 until 2026-06-30 and by ZB002 since; section head ZB003, supervising deputy
 * ZB004, principal ZB005, a colleague ZB006 (no leadership), the mayor ZB007, and the principal of another
 * department ZB008. Accounts: the supervision office is the seeded "inspector" (unit xnb, dutygraph.cases.office-unit-ids);
 * the level above deciding appeals is "case-appeals" (unit gov); "case-zb00N" belong to the persons.
 * The shipped catalogue is saved in force from 2020-01-01.
 */
abstract class CaseTestSupport extends ApiTest {

    static final String OFFICE = "inspector";
    static final String APPEALS = "case-appeals";
    /** The day of the act in most tests: ZB001 held zedu-xk-1 then. */
    static final String ACT_DATE = "2026-06-15";

    static final String CASE_FIELDS = """
            id number status summary actDate openedBy openedAt source { kind id reference channel }
            unit { id name } post { id name } person { id name }
            situation { catalogueVersion code area wording measureFrom measureTo suspendFirst }
            chain { role postId postLabel personId personName }
            suspendedAt investigationDueAt investigationOverdue
            decision { measure inRange reason outOfRangeReason decidedAt }
            notifiedAt appealDueAt appeal { grounds submittedAt outcome measure reason decidedAt }
            executedAt executionNote closedAt dismissReason
            steps { action status by at note } statements { text submittedAt }""";

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void cityAccountsAndCatalogue() {
        if (!exists("zedu-xk")) {
            wipeGraph();
            var imported = importBundle(resource("bundles/cases.bundle.json"));
            if (!imported.path("problems").isEmpty()) {
                throw new AssertionError("Fixture bundle rejected: " + imported.path("problems"));
            }
        }
        account(APPEALS, "INSPECTOR", "gov", null);
        account("zedu-xk-staff", "UNIT_STAFF", "zedu-xk", null);
        for (var person : List.of("ZB001", "ZB002", "ZB003", "ZB005", "ZB006", "ZB008")) {
            account("case-" + person.toLowerCase(), "UNIT_STAFF", "zedu-xk", person);
        }
        if (as(OFFICE)
                .post("{ accountabilityCatalogue(on: \"2020-06-01\") { version } }")
                .ok()
                .path("accountabilityCatalogue")
                .isNull()) {
            var template = as(OFFICE)
                    .post("{ accountabilityCatalogueTemplate { definition } }")
                    .ok()
                    .path("accountabilityCatalogueTemplate")
                    .path("definition");
            var saved = saveCatalogue(OFFICE, "2020-01-01", GraphQlJson.toObject(template));
            if (!saved.path("errors").isEmpty()) {
                throw new AssertionError("Template refused: " + saved.path("errors"));
            }
        }
    }

    /** Files a complaint of the category at ZB002's window with contact details, and concludes it; returns [id, number]. */
    String[] concludedComplaint(String category, String conclusion, String phone, String name) {
        var input = new HashMap<String, Object>();
        input.put("submissionId", UUID.randomUUID().toString());
        input.put("target", Map.of("unitId", "zedu-xk", "badgeNumber", "ZB002"));
        input.put("category", category);
        input.put("description", "窗口人员态度恶劣，话难听");
        input.put("contact", Map.of("name", name, "phone", phone));
        var submitted = anonymous().post("""
                mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) {
                  complaint { number } errors { field code message } } }""", Map.of("input", input)).ok().path("submitComplaint");
        var number = submitted.path("complaint").path("number").asString();
        String id;
        try (var session = driver.session()) {
            id = session.run("MATCH (c:Complaint {number: $n}) RETURN c.id AS id", Map.of("n", number))
                    .single()
                    .get("id")
                    .asString();
        }
        complaintStep(OFFICE, id, "REGISTER", Map.of());
        complaintStep(OFFICE, id, "ASSIGN", Map.of("unitId", "zedu-xk"));
        complaintStep("zedu-xk-staff", id, "START_INVESTIGATION", Map.of());
        complaintStep("zedu-xk-staff", id, "CONCLUDE", Map.of("conclusion", conclusion, "serious", false));
        return new String[] {id, number};
    }

    void complaintStep(String username, String id, String action, Map<String, Object> extra) {
        var input = new HashMap<String, Object>(extra);
        input.put("id", id);
        input.put("action", action);
        var result = as(username).post("""
                mutation($input: AdvanceComplaintInput!) { advanceComplaint(input: $input) { errors { field code message } } }""", Map.of("input", input)).ok().path("advanceComplaint");
        if (!result.path("errors").isEmpty()) {
            throw new AssertionError(action + ": " + result.path("errors"));
        }
    }

    /** A spot check of the approval section finding ZB002 breaking the language norm, confirmed by the office. */
    String confirmedFinding() {
        var pool = List.of("case-insp-" + UUID.randomUUID(), "case-insp-" + UUID.randomUUID());
        pool.forEach(u -> account(u, "INSPECTOR", "xnb", null));
        var plan = new HashMap<String, Object>();
        plan.put("title", "审批科暗访 " + UUID.randomUUID());
        plan.put("method", "UNDERCOVER");
        plan.put("scopeUnitIds", List.of("zedu-xk"));
        plan.put("startsOn", LocalDate.now(clock).toString());
        plan.put("endsOn", LocalDate.now(clock).plusDays(14).toString());
        plan.put("samplingRatio", 1.0);
        plan.put("inspectorPool", pool);
        plan.put("checklistTemplateId", "window-norms");
        var planId = okPayload(as(OFFICE).post("""
                mutation($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { plan { id } errors { code message } } }""", Map.of("input", plan)).ok().path("createInspectionPlan"))
                .path("plan")
                .path("id")
                .asString();
        var drawn = okPayload(as(OFFICE)
                .post("""
                mutation($input: DrawInspectionInput!) { drawInspection(input: $input) {
                  plan { assignments { id inspectors } } errors { code message } } }""", Map.of("input", Map.of("planId", planId, "seed", "case-" + UUID.randomUUID())))
                .ok()
                .path("drawInspection"));
        var assignment = drawn.path("plan").path("assignments").path(0);
        var inspector = assignment.path("inspectors").path(0).asString();
        var day = UUID.randomUUID().toString();
        var visit = Map.<String, Object>of(
                "clientId",
                day + "-v",
                "assignmentId",
                assignment.path("id").asString(),
                "startedAt",
                "2026-11-20T09:15:00+08:00",
                "endedAt",
                "2026-11-20T09:55:00+08:00",
                "answers",
                List.of(Map.of("code", "WINDOW_LANGUAGE", "result", "FAIL", "note", "态度生硬")));
        var finding = Map.<String, Object>of(
                "clientId",
                day + "-f",
                "visitClientId",
                day + "-v",
                "normCode",
                "WINDOW_LANGUAGE",
                "description",
                "对办事群众态度生硬",
                "observedAt",
                "2026-11-20T09:20:00+08:00",
                "badgeNumber",
                "ZB002",
                "evidence",
                List.of(Map.of(
                        "clientId",
                        day + "-note",
                        "kind",
                        "NOTE",
                        "capturedAt",
                        "2026-11-20T09:21:00+08:00",
                        "text",
                        "话难听")));
        var synced = okPayload(as(inspector)
                .post("""
                mutation($input: SyncInspectorDayInput!) { syncInspectorDay(input: $input) {
                  findings { id } errors { field code message } } }""", Map.of("input", Map.of("visits", List.of(visit), "findings", List.of(finding))))
                .ok()
                .path("syncInspectorDay"));
        var findingId = synced.path("findings").path(0).path("id").asString();
        okPayload(as(OFFICE)
                .post(
                        """
                mutation($input: ReviewInspectionFindingInput!) { reviewInspectionFinding(input: $input) { errors { code message } } }""",
                        Map.of(
                                "input",
                                Map.of(
                                        "id",
                                        findingId,
                                        "decision",
                                        "CONFIRM",
                                        "rectifyBy",
                                        LocalDate.now(clock).plusDays(5).toString())))
                .ok()
                .path("reviewInspectionFinding"));
        return findingId;
    }

    private static JsonNode okPayload(JsonNode payload) {
        if (!payload.path("errors").isEmpty()) {
            throw new AssertionError("Refused: " + payload.path("errors"));
        }
        return payload;
    }

    /** Moves the application's clock to {@code instant}. */
    void at(java.time.Instant instant) {
        clock.advance(java.time.Duration.between(clock.instant(), instant));
    }

    boolean exists(String unitId) {
        try (var session = driver.session()) {
            return session.run("MATCH (o:Organization {id: $id}) RETURN count(o) > 0 AS e", Map.of("id", unitId))
                    .single()
                    .get("e")
                    .asBoolean();
        }
    }

    void account(String username, String role, String unitId, String personId) {
        var params = new HashMap<String, Object>();
        params.put("u", username);
        params.put("hash", passwords.encode(username + "-demo"));
        params.put("role", role);
        params.put("unit", unitId);
        params.put("person", personId);
        try (var session = driver.session()) {
            session.run("""
                    MERGE (a:Account {username: $u})
                    ON CREATE SET a.passwordHash = $hash, a.roles = [$role], a.unitId = $unit, a.personId = $person""", params).consume();
        }
    }

    JsonNode saveCatalogue(String username, String validFrom, Object definition) {
        return as(username)
                .post("""
                mutation($input: SaveAccountabilityCatalogueInput!) { saveAccountabilityCatalogue(input: $input) {
                  catalogue { version name validFrom } errors { field code message } } }""", Map.of("input", Map.of("validFrom", validFrom, "definition", definition)))
                .ok()
                .path("saveAccountabilityCatalogue");
    }

    static Map<String, Object> clue(Map<String, Object> overrides) {
        var input = new HashMap<String, Object>();
        input.put("channel", "MEDIA");
        input.put("reference", "青山日报 2026-06-20 第3版");
        input.put("summary", "审批科受理岗对办事群众推诿，媒体曝光");
        input.put("postId", "zedu-xk-1");
        input.put("actDate", ACT_DATE);
        input.put("situationCode", "window.first-inquiry");
        input.putAll(overrides);
        return input;
    }

    JsonNode open(Map<String, Object> input) {
        return as(OFFICE)
                .post("""
                mutation($input: OpenAccountabilityCaseInput!) { openAccountabilityCase(input: $input) {
                  accountabilityCase { %s } errors { field code message } } }""".formatted(CASE_FIELDS), Map.of("input", input))
                .ok()
                .path("openAccountabilityCase");
    }

    /** A case opened by hand from a clue (registered); returns its id. */
    String opened() {
        var opened = open(clue(Map.of()));
        if (!opened.path("errors").isEmpty()) {
            throw new AssertionError("Opening failed: " + opened.path("errors"));
        }
        return opened.path("accountabilityCase").path("id").asString();
    }

    JsonNode advance(String username, String id, String action, Map<String, Object> extra) {
        var input = new HashMap<String, Object>(extra);
        input.put("id", id);
        input.put("action", action);
        return as(username)
                .post("""
                mutation($input: AdvanceAccountabilityCaseInput!) { advanceAccountabilityCase(input: $input) {
                  accountabilityCase { %s } errors { field code message } } }""".formatted(CASE_FIELDS), Map.of("input", input))
                .ok()
                .path("advanceAccountabilityCase");
    }

    /** Advances and fails on any problem; returns the case. */
    JsonNode step(String id, String action, Map<String, Object> extra) {
        var result = advance(OFFICE, id, action, extra);
        if (!result.path("errors").isEmpty()) {
            throw new AssertionError(action + " failed: " + result.path("errors"));
        }
        return result.path("accountabilityCase");
    }

    JsonNode caseAs(String username, String id) {
        return as(username)
                .post("query($id: ID!) { accountabilityCase(id: $id) { %s } }".formatted(CASE_FIELDS), Map.of("id", id))
                .ok()
                .path("accountabilityCase");
    }

    List<String> listedAs(String username, String query) {
        return as(username)
                .post(query)
                .ok()
                .valueStream()
                .findFirst()
                .orElseThrow()
                .path("edges")
                .valueStream()
                .map(e -> e.path("node").path("id").asString())
                .toList();
    }

    List<String> casesAs(String username) {
        return listedAs(username, "{ accountabilityCases(first: 500) { edges { node { id } } } }");
    }

    static String firstCode(JsonNode payload) {
        return payload.path("errors").path(0).path("code").asString(null);
    }

    static String firstField(JsonNode payload) {
        return String.join(
                ".",
                payload.path("errors")
                        .path(0)
                        .path("field")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList());
    }

    /** JSON nodes as plain maps and lists, to send back as a variable. */
    static final class GraphQlJson {
        static Object toObject(JsonNode node) {
            return org.dutygraph.support.GraphQl.JSON.convertValue(node, Object.class);
        }
    }
}
