package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Item 10 of issue 14 over GraphQL: a unit's sheet in one call, and score sheets imported from CSV and .xlsx, all rows
 * or none, every bad row named with its row and column. Its own scheme ids and year (2034).
 */
class ScoreSheetImportApiTest extends AppraisalTestSupport {

    private static final String IMPORT = """
            mutation($i: ImportAppraisalScoreSheetInput!) { importAppraisalScoreSheet(input: $i) {
              entered rows errors { field code message } } }""";

    private void ensureSchemes() {
        var unit = new HashMap<String, Object>();
        unit.put("name", "导入单位");
        unit.put("subject", "UNIT");
        unit.put("period", "MONTH");
        unit.put("indicators", List.of(Map.of("code", "ss-work", "weight", "100", "input", Map.of("max", "100"))));
        unit.put("grades", List.of(Map.of("grade", "GOOD", "min", "60"), Map.of("grade", "POOR")));
        var person = new HashMap<String, Object>(unit);
        person.put("name", "导入个人");
        person.put("subject", "PERSON");
        person.put(
                "indicators",
                List.of(
                        Map.of("code", "ss-post", "weight", "80", "input", Map.of("max", "100")),
                        Map.of("code", "ss-quality", "weight", "20", "input", Map.of("max", "10"))));
        for (var scheme : List.of(Map.entry("ss-unit", unit), Map.entry("ss-person", person))) {
            var saved = as("appraiser")
                    .post("""
                    mutation($id: ID!, $d: JSON!) { saveAppraisalScheme(input: {id: $id, validFrom: "2034-01", definition: $d}) {
                      errors { field code message } } }""", Map.of("id", scheme.getKey(), "d", scheme.getValue()))
                    .ok()
                    .path("saveAppraisalScheme");
            assertThat(saved.path("errors").isEmpty()).as(saved.toString()).isTrue();
        }
    }

    private JsonNode importFile(String caller, String format, byte[] bytes, String period) {
        var input = new HashMap<String, Object>();
        input.put("format", format);
        input.put("content", Base64.getEncoder().encodeToString(bytes));
        if (period != null) {
            input.put("period", period);
        }
        return as(caller).post(IMPORT, Map.of("i", input)).ok().path("importAppraisalScoreSheet");
    }

    private Map<String, String> stored(String subject, String period) {
        var map = new HashMap<String, String>();
        as("appraiser")
                .post(
                        "query($s: ID!, $p: String!) { appraisalInputs(subjectId: $s, period: $p) { scores { code value } } }",
                        Map.of("s", subject, "p", period))
                .ok()
                .path("appraisalInputs")
                .path("scores")
                .valueStream()
                .forEach(s -> map.put(s.path("code").asString(), s.path("value").asString()));
        return map;
    }

    private static List<String> problems(JsonNode payload) {
        return payload.path("errors")
                .valueStream()
                .map(e -> String.join(".", texts(e.path("field"))) + ":"
                        + e.path("code").asString())
                .toList();
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static List<String> messages(JsonNode payload) {
        return payload.path("errors")
                .valueStream()
                .map(e -> e.path("message").asString())
                .toList();
    }

    @Test
    void aGoodCsvSheetStoresEveryRow_subjectsByBadgeByNameAndUnitOrByUnit_inUtf8WithBomAndInGbk() {
        ensureSchemes();
        var csv = "\uFEFFsubject,name,unit,code,value,period,备注\r\n"
                + "AW-1,,,ss-post,88.5,2034-01,\r\n"
                + ",窗口丁,人社窗口,ss-post,91,2034-01,\"说明, 带逗号\"\r\n"
                + ",,adept,ss-work,87,2034-01,\r\n"
                + "AW-1,窗口丙,,ss-quality,9.5,2034-02,\r\n";
        var done = importFile("appraiser", "CSV", csv.getBytes(StandardCharsets.UTF_8), null);
        assertThat(done.path("errors").isEmpty()).as(done.toString()).isTrue();
        assertThat(done.path("entered").asInt()).isEqualTo(4);
        assertThat(stored("AW-1", "2034-01")).containsExactlyEntriesOf(Map.of("ss-post", "88.5"));
        assertThat(stored("AW-2", "2034-01")).containsExactlyEntriesOf(Map.of("ss-post", "91"));
        assertThat(stored("adept", "2034-01")).containsExactlyEntriesOf(Map.of("ss-work", "87"));
        assertThat(stored("AW-1", "2034-02")).containsExactlyEntriesOf(Map.of("ss-quality", "9.5"));

        // what Excel on Chinese Windows saves as CSV: GBK, Chinese headers, the period given for the whole sheet
        var gbk = "工号,指标,得分\r\nAW-3,ss-post,76\r\nAP-1,ss-post,80\r\n".getBytes(Charset.forName("GBK"));
        var fromGbk = importFile("admin", "CSV", gbk, "2034-03");
        assertThat(fromGbk.path("errors").isEmpty()).as(fromGbk.toString()).isTrue();
        assertThat(stored("AW-3", "2034-03")).containsExactlyEntriesOf(Map.of("ss-post", "76"));

        var asText = as("appraiser")
                .post(
                        IMPORT,
                        Map.of(
                                "i",
                                Map.of(
                                        "format",
                                        "CSV",
                                        "period",
                                        "2034-04",
                                        "text",
                                        "姓名,单位,指标,分值\n科员乙,adept,ss-post,70\n")))
                .ok()
                .path("importAppraisalScoreSheet");
        assertThat(asText.path("entered").asInt()).as(asText.toString()).isEqualTo(1);
        assertThat(stored("AP-1", "2034-04")).containsExactlyEntriesOf(Map.of("ss-post", "70"));
    }

    @Test
    void aGoodXlsxSheetStoresEveryRow() {
        ensureSchemes();
        var xlsx = Xlsx.of(List.of(
                List.of("工号", "指标", "得分", "期间"),
                List.of("AW-1", "ss-post", 66.25, "2034-05"),
                List.of("AW-2", "ss-quality", 7, "2034-05"),
                List.of("awin", "ss-work", 95, "2034-05")));
        var done = importFile("appraiser", "XLSX", xlsx, null);
        assertThat(done.path("errors").isEmpty()).as(done.toString()).isTrue();
        assertThat(done.path("entered").asInt()).isEqualTo(3);
        assertThat(stored("AW-1", "2034-05")).containsExactlyEntriesOf(Map.of("ss-post", "66.25"));
        assertThat(stored("AW-2", "2034-05")).containsExactlyEntriesOf(Map.of("ss-quality", "7"));
        assertThat(stored("awin", "2034-05")).containsExactlyEntriesOf(Map.of("ss-work", "95"));
    }

    @Test
    void everyBadRowIsReportedWithItsRowAndColumn_andNothingIsStored() {
        ensureSchemes();
        var csv = "subject,name,unit,code,value\n"
                + "AW-1,,,ss-post,80\n" // row 2: good, but not stored
                + "AW-2,,,ss-post,120\n" // row 3: above the maximum
                + "AW-3,,,ss-postt,50\n" // row 4: unknown code
                + "NOBODY,,,ss-post,50\n" // row 5: unknown subject
                + "AP-1,,,ss-quality,5\n" // rows 6 and 7: the same code twice
                + "AP-1,,,ss-quality,6\n"
                + ",无此人,adept,ss-post,50\n" // row 8: no such person in the unit
                + "AW-1,,,ss-quality,abc\n"; // row 9: not a number
        var refused = importFile("appraiser", "CSV", csv.getBytes(StandardCharsets.UTF_8), "2034-06");
        assertThat(refused.path("entered").asInt()).isZero();
        assertThat(problems(refused))
                .containsExactly(
                        "input.content.3.value:OUT_OF_RANGE",
                        "input.content.4.code:UNKNOWN_INDICATOR",
                        "input.content.5.subject:UNKNOWN_SUBJECT",
                        "input.content.6.code:DUPLICATE_SCORE",
                        "input.content.7.code:DUPLICATE_SCORE",
                        "input.content.8.name:UNKNOWN_SUBJECT",
                        "input.content.9.value:NOT_A_NUMBER");
        assertThat(messages(refused).get(0))
                .startsWith("第 3 行，value 列：")
                .contains("0 至 100")
                .contains("120");
        assertThat(messages(refused).get(3)).contains("第 7 行");
        assertThat(stored("AW-1", "2034-06")).isEmpty();

        var xlsx = Xlsx.of(List.of(
                List.of("subject", "code", "score"),
                List.of("AW-1", "ss-post", 80),
                List.of("AW-2", "ss-quality", 11)));
        var fromXlsx = importFile("appraiser", "XLSX", xlsx, "2034-06");
        assertThat(problems(fromXlsx)).containsExactly("input.content.3.value:OUT_OF_RANGE");
        assertThat(messages(fromXlsx).get(0)).startsWith("第 3 行，score 列：");
        assertThat(stored("AW-1", "2034-06")).isEmpty();

        var header = importFile(
                "appraiser", "CSV", "subject,code,vaule\nAW-1,ss-post,1\n".getBytes(StandardCharsets.UTF_8), "2034-06");
        assertThat(problems(header)).containsExactly("input.content.1.C:UNKNOWN_COLUMN");
    }

    @Test
    void aZipBombAnXxeWorkbookAndAnOversizedFileAreRefusedQuickly() {
        ensureSchemes();
        var bomb = Xlsx.bomb(200);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        long start = System.nanoTime();
        var refused = importFile("appraiser", "XLSX", bomb, "2034-07");
        assertThat(problems(refused)).containsExactly("input.content:TOO_LARGE");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);

        var xxe = Xlsx.zip(
                "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                        + "<c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>",
                "<sst/>");
        var fromXxe = importFile("appraiser", "XLSX", xxe, "2034-07");
        assertThat(problems(fromXxe)).containsExactly("input.content:BAD_XLSX");
        assertThat(fromXxe.toString()).doesNotContain("root:");

        var large = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        assertThat(problems(importFile("appraiser", "CSV", large, "2034-07")))
                .containsExactly("input.content:TOO_LARGE");
        assertThat(problems(importFile("appraiser", "XLSX", "not a zip".getBytes(StandardCharsets.UTF_8), "2034-07")))
                .containsExactly("input.content:NOT_XLSX");
    }

    @Test
    void onlyAppraisersAndAdminsMayImportOrEnterASheet() {
        var document = "mutation { importAppraisalScoreSheet(input: {format: CSV, text: \"code,value\"}) { entered } }";
        var sheet = "mutation { enterAppraisalSheet(input: {period: \"2034-08\", codes: [\"ss-post\"], "
                + "rows: [{subjectId: \"AW-1\", values: [\"1\"]}]}) { entered } }";
        for (var d : List.of(document, sheet)) {
            assertThat(anonymous().post(d).firstErrorCode()).isEqualTo("UNAUTHENTICATED");
            for (var caller : List.of("analyst", "inspector", "staff")) {
                assertThat(as(caller).post(d).firstErrorCode()).as(caller).isEqualTo("FORBIDDEN");
            }
        }
        assertThat(stored("AW-1", "2034-08")).isEmpty();
    }

    @Test
    void aUnitsSheetIsEnteredInOneCall_subjectsOutsideTheUnitAndBadCellsAreNamed() {
        ensureSchemes();
        var document = """
                mutation($i: EnterAppraisalSheetInput!) { enterAppraisalSheet(input: $i) { entered rows errors { field code message } } }""";
        var rows = new ArrayList<Map<String, Object>>();
        rows.add(Map.of("subjectId", "AP-HEAD", "values", java.util.Arrays.asList("90", "9")));
        rows.add(Map.of("subjectId", "AP-1", "values", java.util.Arrays.asList("85", null)));
        rows.add(Map.of("subjectId", "AW-1", "values", java.util.Arrays.asList("70", "11")));
        var refused = as("appraiser")
                .post(
                        document,
                        Map.of(
                                "i",
                                Map.of(
                                        "period",
                                        "2034-09",
                                        "unitId",
                                        "adept",
                                        "codes",
                                        List.of("ss-post", "ss-quality"),
                                        "rows",
                                        rows)))
                .ok()
                .path("enterAppraisalSheet");
        assertThat(problems(refused))
                .containsExactlyInAnyOrder("input.rows.2.subjectId:OUTSIDE_UNIT", "input.rows.2.values.1:OUT_OF_RANGE");
        assertThat(stored("AP-1", "2034-09")).isEmpty();

        rows.remove(2);
        var done = as("appraiser")
                .post(
                        document,
                        Map.of(
                                "i",
                                Map.of(
                                        "period",
                                        "2034-09",
                                        "unitId",
                                        "adept",
                                        "codes",
                                        List.of("ss-post", "ss-quality"),
                                        "rows",
                                        rows)))
                .ok()
                .path("enterAppraisalSheet");
        assertThat(done.path("errors").isEmpty()).as(done.toString()).isTrue();
        assertThat(done.path("entered").asInt()).isEqualTo(3);
        assertThat(stored("AP-HEAD", "2034-09"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("ss-post", "90", "ss-quality", "9"));
        assertThat(stored("AP-1", "2034-09")).containsExactlyEntriesOf(Map.of("ss-post", "85"));
    }
}
