package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Per-unit statistics for each audience, and anonymised typical cases. Cases are opened with the clock moved to 2048 and
 * 2049 (no calendar file: weekdays are the working days), so other tests' cases fall outside the periods asked for.
 */
class CaseReportsApiTest extends CaseTestSupport {

    private static final String STATS = """
            query($from: Date!, $to: Date!, $units: [ID!]) { accountabilityCaseStatistics(from: $from, to: $to, unitIds: $units) {
              units { unit { id name } cases decided bySource { key count } bySituation { key label count }
                      byMeasure { key count } averageWorkingDaysToDecision maxWorkingDaysToDecision }
              errors { field code } } }""";

    @Test
    void officeSeesEveryUnit_leaderOwnUnitsOnly_othersNothing() {
        at(OffsetDateTime.parse("2048-03-06T10:00:00+08:00").toInstant());
        var decided = opened();
        open(clue(Map.of("situationCode", "window.language")));
        open(clue(Map.of("postId", "zhlth-head")));
        step(decided, "START_INVESTIGATION", Map.of());
        at(OffsetDateTime.parse("2048-03-10T10:00:00+08:00").toInstant());
        step(decided, "DECIDE", Map.of("measure", "REMINDER_TALK", "reason", "首问不答"));

        var office = stats(OFFICE, null);
        assertThat(unitIds(office)).containsExactly("zedu-xk", "zhlth");
        var section = office.path("units").path(0);
        assertThat(section.path("cases").asInt()).isEqualTo(2);
        assertThat(section.path("decided").asInt()).isEqualTo(1);
        assertThat(counts(section.path("bySource"))).containsExactly(Map.entry("CLUE", 2));
        assertThat(counts(section.path("bySituation")))
                .containsOnly(Map.entry("window.first-inquiry", 1), Map.entry("window.language", 1));
        assertThat(counts(section.path("byMeasure"))).containsExactly(Map.entry("REMINDER_TALK", 1));
        assertThat(section.path("averageWorkingDaysToDecision").asDouble())
                .as("opened Friday, decided Tuesday: Monday and Tuesday")
                .isEqualTo(2.0);
        assertThat(section.path("maxWorkingDaysToDecision").asInt()).isEqualTo(2);
        assertThat(office.path("units")
                        .path(1)
                        .path("averageWorkingDaysToDecision")
                        .isNull())
                .isTrue();

        assertThat(unitIds(stats("case-zb005", null)))
                .as("the bureau's principal: units under the bureau")
                .containsExactly("zedu-xk");
        assertThat(unitIds(stats("case-zb008", null)))
                .as("the other department's principal")
                .containsExactly("zhlth");
        assertThat(unitIds(stats("case-zb006", null))).as("no leadership").isEmpty();
        assertThat(unitIds(stats(APPEALS, null)))
                .as("the level above deciding appeals")
                .isEmpty();

        var outside = stats("case-zb005", List.of("zedu-xk", "zhlth"));
        assertThat(outside.path("units")).isEmpty();
        assertThat(errors(outside)).containsExactly("unitIds.1 NOT_YOUR_UNIT");
        assertThat(errors(stats("case-zb005", List.of("no-such-unit"))))
                .as("unknown and not yours answer alike")
                .containsExactly("unitIds.0 NOT_YOUR_UNIT");
        assertThat(errors(stats(OFFICE, List.of("zhlth", "zhlth")))).containsExactly("unitIds.1 LISTED_TWICE_UNIT");
        assertThat(unitIds(stats(OFFICE, List.of("zhlth")))).containsExactly("zhlth");
    }

    /** Issue 20: statistics were one unbounded list of every unit with cases. */
    @Test
    void statisticsComeAPageOfUnitsAtATime_withOpaqueCursors_andRefuseAPageSizeOutOfRange() {
        at(OffsetDateTime.parse("2049-05-06T10:00:00+08:00").toInstant());
        opened();
        open(clue(Map.of("postId", "zhlth-head")));
        var paged = """
                query($after: String, $first: Int) { accountabilityCaseStatistics(from: "2049-05-01", to: "2049-05-31",
                  first: $first, after: $after) { units { unit { id } cases } pageInfo { hasNextPage endCursor } } }""";
        var vars = new HashMap<String, Object>();
        vars.put("first", 1);
        vars.put("after", null);
        var first = as(OFFICE).post(paged, vars).ok().path("accountabilityCaseStatistics");
        assertThat(unitIds(first)).containsExactly("zedu-xk");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        var cursor = first.path("pageInfo").path("endCursor").asString();
        assertThat(cursor).doesNotContain("zedu");

        vars.put("after", cursor);
        var second = as(OFFICE).post(paged, vars).ok().path("accountabilityCaseStatistics");
        assertThat(unitIds(second)).containsExactly("zhlth");
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();

        vars.put("after", null);
        vars.put("first", null);
        assertThat(unitIds(as(OFFICE).post(paged, vars).ok().path("accountabilityCaseStatistics")))
                .as("no first: the default page holds both")
                .containsExactly("zedu-xk", "zhlth");
        for (var bad : new Object[] {501, -1}) {
            vars.put("first", bad);
            var error = as(OFFICE).post(paged, vars).errors().get(0);
            assertThat(error.path("extensions").path("reason").asString())
                    .as("first " + bad)
                    .isEqualTo("OUT_OF_RANGE");
            assertThat(error.path("extensions").path("field").asString()).isEqualTo("first");
        }
        vars.put("first", 1);
        vars.put("after", "zedu-xk");
        var forged = as(OFFICE).post(paged, vars).errors().get(0);
        assertThat(forged.path("extensions").path("reason").asString()).isEqualTo("INVALID_CURSOR");
        assertThat(forged.path("extensions").path("field").asString()).isEqualTo("after");
    }

    /** Issue 18: the statistics' units took a cursor of the case list (and the case list one of theirs). */
    @Test
    void statisticsAndTheCaseListRefuseEachOthersCursors() {
        at(OffsetDateTime.parse("2049-06-06T10:00:00+08:00").toInstant());
        opened();
        open(clue(Map.of("postId", "zhlth-head")));
        var statsCursor = as(OFFICE)
                .post("""
                        { accountabilityCaseStatistics(from: "2049-06-01", to: "2049-06-30", first: 1) {
                          pageInfo { endCursor } } }""", Map.of())
                .ok()
                .path("accountabilityCaseStatistics")
                .path("pageInfo")
                .path("endCursor")
                .asString();
        var caseCursor = as(OFFICE)
                .post("{ accountabilityCases(first: 1) { pageInfo { endCursor } } }", Map.of())
                .ok()
                .path("accountabilityCases")
                .path("pageInfo")
                .path("endCursor")
                .asString();
        var refused = Map.of(
                "query($a: String) { accountabilityCaseStatistics(from: \"2049-06-01\", to: \"2049-06-30\", after: $a)"
                        + " { units { cases } } }",
                caseCursor,
                "query($a: String) { accountabilityCases(after: $a) { edges { cursor } } }",
                statsCursor,
                "query($a: String) { accountabilityCaseStatistics(from: \"2049-06-01\", to: \"2049-06-29\", after: $a)"
                        + " { units { cases } } }",
                statsCursor);
        refused.forEach((document, cursor) -> {
            var error = as(OFFICE).post(document, Map.of("a", cursor)).errors().get(0);
            assertThat(error.path("extensions").path("reason").asString())
                    .as(document)
                    .isEqualTo("INVALID_CURSOR");
            assertThat(error.path("extensions").path("field").asString()).isEqualTo("after");
            assertThat(error.path("path").path(0).asString())
                    .isIn("accountabilityCaseStatistics", "accountabilityCases");
        });
        var own = as(OFFICE)
                .post(
                        "query($a: String) { accountabilityCaseStatistics(from: \"2049-06-01\", to: \"2049-06-30\","
                                + " after: $a) { units { unit { id } } } }",
                        Map.of("a", statsCursor))
                .ok()
                .path("accountabilityCaseStatistics");
        assertThat(unitIds(own)).containsExactly("zhlth");
    }

    @Test
    void statisticsRefuseABackwardsOrOverlongPeriod() {
        assertThat(errors(statsFor(OFFICE, "2048-04-01", "2048-03-01", null))).containsExactly("to FROM_AFTER_TO");
        assertThat(errors(statsFor(OFFICE, "2040-01-01", "2048-03-01", null))).containsExactly("to PERIOD_TOO_LONG");
    }

    @Test
    void typicalCasesKeepNothingThatLeadsBack_andRefuseNarrativesThatWould() {
        at(OffsetDateTime.parse("2049-05-04T10:00:00+08:00").toInstant());
        var id = opened();
        var undecided = opened();
        step(id, "START_INVESTIGATION", Map.of());
        var c = step(id, "DECIDE", Map.of("measure", "ADMONISHMENT_TALK", "reason", "推诿群众"));
        var number = c.path("number").asString();
        var personName = c.path("person").path("name").asString();
        var narrative = "某审批窗口工作人员对首次来办事的群众不予答复，让其另找他人，造成群众多次往返。";

        var report = typical(OFFICE, 2049, List.of(choice(id, narrative)));
        assertThat(report.path("errors")).isEmpty();
        var kept = report.path("cases").path(0);
        assertThat(kept.path("label").asString()).isEqualTo("案例1");
        assertThat(kept.path("year").asInt()).isEqualTo(2049);
        assertThat(kept.path("situation").asString())
                .isEqualTo(c.path("situation").path("wording").asString());
        assertThat(kept.path("measure").asString()).isEqualTo("ADMONISHMENT_TALK");
        assertThat(kept.path("sourceKind").asString()).isEqualTo("CLUE");
        var everything = report.toString();
        for (var leak : List.of(
                id,
                number,
                "ZB001",
                personName,
                "zedu",
                c.path("unit").path("name").asString(),
                c.path("post").path("name").asString(),
                "青山日报",
                "2049-05",
                "2026-06-15",
                "推诿，媒体曝光")) {
            assertThat(everything).as(leak).doesNotContain(leak);
        }
        assertThat(report.path("markdown").asString())
                .startsWith("# 2049 年度典型问责案例")
                .contains(narrative);

        for (var bad : List.of(
                narrative + personName,
                narrative + "（" + number + "）",
                narrative + "审批受理岗",
                "5月4日上午，" + narrative,
                narrative + "联系电话13912345678")) {
            assertThat(errors(typical(OFFICE, 2049, List.of(choice(id, bad)))))
                    .as(bad)
                    .containsExactly("input.cases.0.narrative IDENTIFYING_NARRATIVE");
        }
        assertThat(errors(typical(OFFICE, 2049, List.of(choice(id, narrative), choice(id, narrative)))))
                .containsExactly("input.cases.1.caseId CASE_TWICE");
        assertThat(errors(typical(OFFICE, 2049, List.of(choice(undecided, narrative)))))
                .containsExactly("input.cases.0.caseId NOT_DECIDED_IN_YEAR");
        assertThat(errors(typical(OFFICE, 2048, List.of(choice(id, narrative)))))
                .containsExactly("input.cases.0.caseId NOT_DECIDED_IN_YEAR");
        assertThat(as(APPEALS)
                        .post("""
                        query($input: TypicalAccountabilityCasesInput!) { typicalAccountabilityCases(input: $input) { markdown } }""", Map.of("input", Map.of("year", 2049, "cases", List.of(choice(id, narrative)))))
                        .firstErrorCode())
                .as("an inspector outside the office")
                .isEqualTo("FORBIDDEN");
    }

    private static Map<String, Object> choice(String id, String narrative) {
        return Map.of("caseId", id, "narrative", narrative);
    }

    private JsonNode typical(String username, int year, List<Map<String, Object>> cases) {
        return as(username)
                .post("""
                query($input: TypicalAccountabilityCasesInput!) { typicalAccountabilityCases(input: $input) {
                  cases { label year area situation sourceKind againstLeader jointRules measure inRange appealOutcome narrative }
                  markdown errors { field code } } }""", Map.of("input", Map.of("year", year, "cases", cases)))
                .ok()
                .path("typicalAccountabilityCases");
    }

    private JsonNode stats(String username, List<String> units) {
        return statsFor(username, "2048-03-01", "2048-03-31", units);
    }

    private JsonNode statsFor(String username, String from, String to, List<String> units) {
        var vars = new HashMap<String, Object>();
        vars.put("from", from);
        vars.put("to", to);
        vars.put("units", units);
        return as(username).post(STATS, vars).ok().path("accountabilityCaseStatistics");
    }

    private static List<String> unitIds(JsonNode stats) {
        return stats.path("units")
                .valueStream()
                .map(u -> u.path("unit").path("id").asString())
                .toList();
    }

    private static Map<String, Integer> counts(JsonNode list) {
        var map = new java.util.LinkedHashMap<String, Integer>();
        list.forEach(c -> map.put(c.path("key").asString(), c.path("count").asInt()));
        return map;
    }

    private static List<String> errors(JsonNode payload) {
        return payload.path("errors")
                .valueStream()
                .map(e -> String.join(
                                ".",
                                e.path("field")
                                        .valueStream()
                                        .map(JsonNode::asString)
                                        .toList())
                        + " " + e.path("code").asString())
                .toList();
    }
}
