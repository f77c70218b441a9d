package org.dutygraph.inspections;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * The spot-check fixture: a small city (bundles/inspections.bundle.json) with a service hall and four
 * windows, a market regulator with a licensing section; the efficiency office (ieff) with its chief and a
 * manager who run the plans, and inspectors from several units (two of them of the office itself); another office (itax) to prove plans do not leak; unit staff.
 * An education bureau (iedu) declares reporting lines all the way up (科员 -> 科长 -> 分管副局长 -> 局长 -> 分管副市长 -> 市长).
 * Each synced visit keeps its two inspectors from being drawn for that target again, so a target can be visited about twice.
 */
abstract class InspectionTestSupport extends ApiTest {

    /** Inspectors and their units: the office's own, and others seconded to the pool. */
    static final Map<String, String> INSPECTORS = Map.of(
            "eff-chief",
            "ieff",
            "insp-a",
            "ieff",
            "insp-b",
            "itax",
            "insp-c",
            "imkt",
            "insp-d",
            "ihall",
            "insp-e",
            "ieff");

    static final List<String> POOL = List.of("insp-a", "insp-b", "insp-c", "insp-d", "insp-e");

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void cityAndAccounts() {
        if (!exists("iedu-jd")) {
            wipeGraph();
            var imported = importBundle(resource("bundles/inspections.bundle.json"));
            if (!imported.path("problems").isEmpty()) {
                throw new AssertionError("Fixture bundle rejected: " + imported.path("problems"));
            }
        }
        INSPECTORS.forEach((username, unit) -> account(username, "INSPECTOR", unit));
        account("eff-manager", "INSPECTOR", "ieff");
        account("tax-office-chief", "INSPECTOR", "itax");
        account("imkt-staff", "UNIT_STAFF", "imkt");
        account("ihall-staff", "UNIT_STAFF", "ihall");
        account("iwin1-staff", "UNIT_STAFF", "iwin1");
        account("igov-staff", "UNIT_STAFF", "igov");
        account("iedu-staff", "UNIT_STAFF", "iedu");
    }

    private boolean exists(String unitId) {
        try (var session = driver.session()) {
            return session.run("MATCH (o:Organization {id: $id}) RETURN count(o) > 0 AS e", Map.of("id", unitId))
                    .single()
                    .get("e")
                    .asBoolean();
        }
    }

    private void account(String username, String role, String unitId) {
        try (var session = driver.session()) {
            session.run(
                            """
                    MERGE (a:Account {username: $u})
                    ON CREATE SET a.passwordHash = $hash, a.roles = [$role], a.unitId = $unit""",
                            Map.of(
                                    "u",
                                    username,
                                    "hash",
                                    passwords.encode(username + "-demo"),
                                    "role",
                                    role,
                                    "unit",
                                    unitId))
                    .consume();
        }
    }

    static Map<String, Object> plan(List<String> scope, double ratio) {
        var input = new HashMap<String, Object>();
        input.put("title", "窗口作风暗访 " + UUID.randomUUID());
        input.put("method", "UNDERCOVER");
        input.put("scopeUnitIds", scope);
        input.put("startsOn", LocalDate.now().toString());
        input.put("endsOn", LocalDate.now().plusDays(14).toString());
        input.put("samplingRatio", ratio);
        input.put("inspectorPool", POOL);
        input.put("checklistTemplateId", "service-hall");
        input.put("managers", List.of("eff-manager"));
        return input;
    }

    JsonNode createPlan(Map<String, Object> input) {
        return as("eff-chief").post("""
                mutation($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) {
                  plan { id status checklist { code } } errors { field code message } } }""", Map.of("input", input)).ok().path("createInspectionPlan");
    }

    JsonNode draw(String planId, String seed) {
        var input = new HashMap<String, Object>();
        input.put("planId", planId);
        input.put("seed", seed);
        return as("eff-chief").post("""
                mutation($input: DrawInspectionInput!) { drawInspection(input: $input) {
                  plan { id status draw { seed algorithm candidateTargetIds candidateInspectors
                    exclusions { targetId inspector reason cause } }
                    assignments { id kind target { id } inspectors } }
                  errors { field code message } } }""", Map.of("input", input)).ok().path("drawInspection");
    }

    /** A drawn plan over the given scope (all of it drawn); returns the plan payload. */
    JsonNode drawnPlan(List<String> scope) {
        var plan = createPlan(plan(scope, 1.0)).path("plan");
        var drawn = draw(plan.path("id").asString(), "seed-" + UUID.randomUUID());
        if (!drawn.path("errors").isEmpty()) {
            throw new AssertionError("Draw failed: " + drawn.path("errors"));
        }
        return drawn.path("plan");
    }

    static List<String> texts(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }

    static final String SYNC = """
            mutation($input: SyncInspectorDayInput!) { syncInspectorDay(input: $input) {
              visits { clientId id outcome } findings { clientId id outcome } evidence { clientId id outcome }
              patrols { clientId id outcome } receivedAt errors { field code message } } }""";

    JsonNode sync(String inspector, Map<String, Object> input) {
        return as(inspector).post(SYNC, Map.of("input", input)).ok().path("syncInspectorDay");
    }

    static Map<String, Object> visit(String clientId, String assignmentId) {
        return Map.of(
                "clientId",
                clientId,
                "assignmentId",
                assignmentId,
                "startedAt",
                "2026-11-20T09:15:00+08:00",
                "endedAt",
                "2026-11-20T09:55:00+08:00",
                "latitude",
                30.2741,
                "longitude",
                120.1551,
                "accuracyMeters",
                12.5,
                "answers",
                List.of(
                        Map.of("code", "WINDOW_LANGUAGE", "result", "FAIL", "note", "态度生硬"),
                        Map.of("code", "ATTENDANCE", "result", "PASS")));
    }

    static Map<String, Object> finding(String clientId, String visitClientId, String sha256) {
        var evidence = Map.<String, Object>of(
                "clientId",
                clientId + "-photo",
                "kind",
                "PHOTO",
                "sha256",
                sha256,
                "sizeBytes",
                11,
                "mimeType",
                "image/jpeg",
                "capturedAt",
                "2026-11-20T09:20:00+08:00",
                "metadata",
                Map.of("Make", "Huawei", "GPSLatitude", 30.2741, "DateTimeOriginal", "2026:11:20 09:20:00"));
        var note = Map.<String, Object>of(
                "clientId",
                clientId + "-note",
                "kind",
                "NOTE",
                "capturedAt",
                "2026-11-20T09:21:00+08:00",
                "text",
                "窗口人员玩手机，群众等候十分钟");
        return Map.of(
                "clientId",
                clientId,
                "visitClientId",
                visitClientId,
                "normCode",
                "WINDOW_PROHIBITIONS",
                "description",
                "工作时间玩手机，对办事群众不理不睬",
                "observedAt",
                "2026-11-20T09:20:00+08:00",
                "badgeNumber",
                "IB001",
                "evidence",
                List.of(evidence, note));
    }

    /** The id of an assignment of {@code plan} that {@code inspector} is on. */
    static String assignmentOf(JsonNode plan, String inspector) {
        for (var a : plan.path("assignments")) {
            if (texts(a.path("inspectors")).contains(inspector)) {
                return a.path("id").asString();
            }
        }
        throw new AssertionError(inspector + " has no assignment in " + plan);
    }

    static final String REVIEW = """
            mutation($input: ReviewInspectionFindingInput!) { reviewInspectionFinding(input: $input) {
              finding { id status reviewReason rectification { id status rectifyBy returnVisitId } }
              errors { field code message } } }""";

    /** A finding recorded on a visit to {@code target}; returns [findingId, inspector]. */
    String[] recordedFinding(String target, Map<String, Object> overrides) {
        var plan = drawnPlan(List.of(target));
        var assignment = plan.path("assignments").path(0);
        var inspector = inspectorOf(assignment);
        var day = UUID.randomUUID().toString();
        var finding = new HashMap<>(finding(day + "-f", day + "-v", "a".repeat(64)));
        finding.putAll(overrides);
        var synced = sync(
                inspector,
                Map.of(
                        "visits",
                        List.of(visit(day + "-v", assignment.path("id").asString())),
                        "findings",
                        List.of(finding)));
        if (!synced.path("errors").isEmpty()) {
            throw new AssertionError("Sync failed: " + synced);
        }
        return new String[] {synced.path("findings").path(0).path("id").asString(), inspector};
    }

    JsonNode review(String username, Map<String, Object> input) {
        return as(username).post(REVIEW, Map.of("input", input)).ok().path("reviewInspectionFinding");
    }

    /** Today on the application's clock, in the service's zone (the one deadlines are checked in). */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Lets the days go by until the day after a rectification deadline: the return visit is due. */
    void deadlinePassed(LocalDate rectifyBy) {
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today(), rectifyBy) + 1));
    }

    static String inspectorOf(JsonNode assignment) {
        return assignment.path("inspectors").path(0).asString();
    }
}
