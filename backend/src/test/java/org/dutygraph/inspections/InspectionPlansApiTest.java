package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectionPlansApiTest extends InspectionTestSupport {

    private static final List<String> WINDOWS = List.of("iwin1", "iwin2", "iwin3", "iwin4");

    @Test
    void badPlansAreRefusedNamingEachField_andNothingIsStored() {
        long before = count("InspectionPlan");
        var input = new HashMap<>(plan(List.of("iwin1", "nowhere"), 1.5));
        input.put("inspectorsPerVisit", 1);
        input.put("inspectorPool", List.of("insp-a", "imkt-staff"));
        input.put("endsOn", "2020-01-01");
        input.put("startsOn", "2019-12-01");
        input.put("managers", List.of("insp-b"));
        var errors = createPlan(input).path("errors");
        assertThat(errors.valueStream()
                        .map(e -> String.join(".", texts(e.path("field"))) + ":"
                                + e.path("code").asString()))
                .containsExactlyInAnyOrder(
                        "input.endsOn:PERIOD_OVER",
                        "input.samplingRatio:OUT_OF_RANGE",
                        "input.inspectorsPerVisit:OUT_OF_RANGE",
                        "input.inspectorPool.1:UNKNOWN_INSPECTOR",
                        "input.managers.0:NOT_OFFICE_MEMBER");
        var unknownUnit = createPlan(plan(List.of("iwin1", "nowhere"), 0.5)).path("errors");
        assertThat(unknownUnit.path(0).path("code").asString()).isEqualTo("UNKNOWN_UNIT");
        assertThat(texts(unknownUnit.path(0).path("field"))).containsExactly("input", "scopeUnitIds", "1");
        var custom = new HashMap<>(plan(WINDOWS, 0.5));
        custom.remove("checklistTemplateId");
        custom.put(
                "checklist",
                List.of(
                        Map.of("code", "QUEUE", "norm", "排队", "question", "排队超过20分钟？"),
                        Map.of("code", "QUEUE", "norm", "x", "question", "y")));
        assertThat(createPlan(custom).path("errors").path(0).path("code").asString())
                .isEqualTo("DUPLICATE_CODE");
        assertThat(count("InspectionPlan")).isEqualTo(before);
        assertThat(as("staff")
                        .post(
                                "mutation { createInspectionPlan(input: {title: \"x\", method: OPEN, scopeUnitIds: [], "
                                        + "startsOn: \"2026-01-01\", endsOn: \"2026-01-02\", samplingRatio: 1}) { errors { code } } }")
                        .firstErrorCode())
                .isEqualTo("FORBIDDEN");
    }

    @Test
    void aSeededDrawPicksTargetsAndTwoInspectorsEach_excludesConflicts_andReplaysExactly() {
        var created = createPlan(plan(WINDOWS, 0.5));
        assertThat(created.path("errors").isEmpty()).isTrue();
        assertThat(created.path("plan")
                        .path("checklist")
                        .valueStream()
                        .map(c -> c.path("code").asString()))
                .contains("WINDOW_LANGUAGE", "FIRST_INQUIRY", "TIME_LIMITED");
        var planId = created.path("plan").path("id").asString();
        var drawn = draw(planId, "2026-11-22 lottery 08 15 23");
        assertThat(drawn.path("errors").isEmpty()).as(drawn.toString()).isTrue();
        var plan = drawn.path("plan");
        assertThat(plan.path("status").asString()).isEqualTo("DRAWN");
        assertThat(plan.path("draw").path("algorithm").asString()).isEqualTo("dutygraph-double-random/1");
        assertThat(plan.path("assignments")).hasSize(2);
        for (var a : plan.path("assignments")) {
            assertThat(a.path("inspectors")).hasSize(2);
            assertThat(texts(a.path("inspectors"))).doesNotContain("insp-d").doesNotHaveDuplicates();
            assertThat(WINDOWS).contains(a.path("target").path("id").asString());
        }
        // insp-d works in the hall the windows belong to: excluded from every window, and the record says why
        assertThat(plan.path("draw")
                        .path("exclusions")
                        .valueStream()
                        .filter(e -> e.path("inspector").asString().equals("insp-d"))
                        .map(e -> e.path("reason").asString() + "/"
                                + e.path("cause").asString()))
                .hasSize(4)
                .containsOnly("SAME_UNIT/SAME_UNIT");

        var replay = as("eff-chief")
                .post("query($id: ID!) { replayDraw(planId: $id) { matches draw { seed } } }", Map.of("id", planId))
                .ok()
                .path("replayDraw");
        assertThat(replay.path("matches").asBoolean()).isTrue();
        assertThat(replay.path("draw").path("seed").asString()).isEqualTo("2026-11-22 lottery 08 15 23");

        // the same seed over the same inputs gives the same draw: anyone can re-run it
        var again =
                draw(createPlan(plan(WINDOWS, 0.5)).path("plan").path("id").asString(), "2026-11-22 lottery 08 15 23");
        assertThat(again.path("plan")
                        .path("assignments")
                        .valueStream()
                        .map(a -> a.path("target").path("id").asString() + texts(a.path("inspectors")))
                        .toList())
                .isEqualTo(plan.path("assignments")
                        .valueStream()
                        .map(a -> a.path("target").path("id").asString() + texts(a.path("inspectors")))
                        .toList());

        var twice = draw(planId, null);
        assertThat(twice.path("errors").path(0).path("code").asString()).isEqualTo("ALREADY_DRAWN");
    }

    @Test
    void aTamperedAssignmentNoLongerMatchesItsDraw() {
        var plan = drawnPlan(WINDOWS);
        var planId = plan.path("id").asString();
        try (var session = driver.session()) {
            session.run(
                            "MATCH (a:Assignment {planId: $id, kind: 'VISIT'}) WITH a LIMIT 1 SET a.inspectors = ['insp-a', 'insp-c']",
                            Map.of("id", planId))
                    .consume();
            session.run(
                            "MATCH (a:Assignment {planId: $id, kind: 'VISIT'}) WITH a ORDER BY a.drawOrder LIMIT 1 "
                                    + "SET a.targetUnitId = 'iwin9'",
                            Map.of("id", planId))
                    .consume();
        }
        assertThat(as("eff-chief")
                        .post("query($id: ID!) { replayDraw(planId: $id) { matches } }", Map.of("id", planId))
                        .ok()
                        .path("replayDraw")
                        .path("matches")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void tooFewInspectorsFreeOfConflictsRefusesTheDraw_andNothingIsAssigned() {
        var input = new HashMap<>(plan(List.of("ihall"), 1.0));
        input.put("inspectorPool", List.of("insp-a", "insp-d"));
        var planId = createPlan(input).path("plan").path("id").asString();
        var drawn = draw(planId, "a seed of mine");
        assertThat(drawn.path("errors").path(0).path("code").asString()).isEqualTo("TOO_FEW_INSPECTORS");
        assertThat(drawn.path("errors").path(0).path("message").asString()).contains("ihall");
        try (var session = driver.session()) {
            assertThat(session.run("MATCH (a:Assignment {planId: $id}) RETURN count(a) AS c", Map.of("id", planId))
                            .single()
                            .get("c")
                            .asLong())
                    .isZero();
        }
    }

    @Test
    void drawnInspectorsGetAContentFreePush_andSeeTheirAssignmentsOnly() {
        var plan = drawnPlan(List.of("iwin1"));
        var assignment = plan.path("assignments").path(0);
        var inspector = inspectorOf(assignment);
        try (var session = driver.session()) {
            var pushes = session.run("""
                    MATCH (n:Notification {kind: 'INSPECTION_ASSIGNED', subjectId: $id})
                    MATCH (p:PushIntent {notificationId: n.id})
                    RETURN n.sensitive AS sensitive, p.data AS data, p.title AS title, p.body AS body""", Map.of("id", assignment.path("id").asString()))
                    .list(r -> r.asMap());
            assertThat(pushes).hasSize(2);
            for (var push : pushes) {
                assertThat(push.get("sensitive")).isEqualTo(true);
                assertThat(push.get("title")).isNull();
                assertThat(push.get("body")).isNull();
                assertThat((String) push.get("data")).doesNotContain("iwin1", "窗口", "Visit", "INSPECTION");
            }
        }
        var mine = as(inspector)
                .post("{ myAssignments(first: 100) { edges { node { id target { id } checklist { code } } } } }")
                .ok()
                .path("myAssignments")
                .path("edges");
        assertThat(mine.valueStream().map(e -> e.path("node").path("id").asString()))
                .contains(assignment.path("id").asString());
        var notOn = POOL.stream()
                .filter(i -> !texts(assignment.path("inspectors")).contains(i) && !i.equals("insp-d"))
                .findFirst()
                .orElseThrow();
        assertThat(as(notOn)
                        .post(
                                "query($id: ID!) { assignment(id: $id) { id } }",
                                Map.of("id", assignment.path("id").asString()))
                        .ok()
                        .path("assignment")
                        .isNull())
                .isTrue();
    }
}
