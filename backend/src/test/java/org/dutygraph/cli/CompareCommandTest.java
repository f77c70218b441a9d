package org.dutygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code compare} on hand-built bundles of a sub-district reform (bundles/restructuring): two sections merged into
 * one department (their overlap resolved), the two others renamed with new unit and post ids (their overlap
 * persisting, matched by its duties), the advertising licence moved to a new post nobody holds (a gap created).
 */
class CompareCommandTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private Path before;
    private Path after;

    @BeforeEach
    void bundles() throws Exception {
        before = copy("before.json");
        after = copy("after.json");
    }

    private Path copy(String name) throws Exception {
        try (var in = getClass().getResourceAsStream("/bundles/restructuring/" + name)) {
            return Files.write(work.resolve(name), in.readAllBytes());
        }
    }

    private int run(String... args) {
        output.reset();
        errors.reset();
        return Commands.execute(
                new PrintStream(output, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8),
                args);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private JsonNode compared() {
        assertThat(run("compare", before.toString(), after.toString(), "--date", "2026-12-01"))
                .as(errors.toString())
                .isZero();
        return JsonMapper.builder().build().readTree(printed());
    }

    private static List<JsonNode> ofKind(JsonNode findings, String kind) {
        return findings.valueStream()
                .filter(f -> f.path("kind").asString().equals(kind))
                .toList();
    }

    private static String list(JsonNode node) {
        return node.toString();
    }

    @Test
    void mergingTwoSectionsResolvesTheirOverlap() {
        var json = compared();

        var resolved = ofKind(json.path("resolved"), "overlap");
        assertThat(resolved).hasSize(1);
        assertThat(list(resolved.get(0).path("duties"))).isEqualTo("[\"d-a-1\",\"d-b-1\"]");
        assertThat(list(resolved.get(0).path("units"))).isEqualTo("[\"sd-a\",\"sd-b\"]");
        // the shape analyze prints
        assertThat(resolved.get(0).propertyNames())
                .contains(
                        "id",
                        "kind",
                        "severity",
                        "units",
                        "posts",
                        "duties",
                        "power_items",
                        "arbiter_post_id",
                        "explanation",
                        "explanation_en",
                        "evidence");
        assertThat(ofKind(json.path("created"), "overlap")).isEmpty();
    }

    @Test
    void anOverlapBetweenRenamedUnitsPersistsWithItsNewIds() {
        var json = compared();

        var persisting = ofKind(json.path("persisting"), "overlap");
        assertThat(persisting).hasSize(1);
        var overlap = persisting.get(0);
        assertThat(list(overlap.path("duties"))).isEqualTo("[\"d-c-1\",\"d-d-1\"]");
        assertThat(list(overlap.path("units"))).isEqualTo("[\"sd-c\",\"sd-d\"]");
        assertThat(list(overlap.path("after").path("units"))).isEqualTo("[\"dept-law\",\"dept-soc\"]");
        assertThat(list(overlap.path("after").path("posts"))).isEqualTo("[\"law-1\",\"soc-1\"]");
        assertThat(overlap.path("after").path("id").asString()).startsWith("overlap-");
        assertThat(overlap.path("arbiter_post_id").asString()).isEqualTo("sd-head");
        assertThat(overlap.path("after").path("arbiter_post_id").asString()).isEqualTo("sd-head");
    }

    @Test
    void movingALicenceToAnEmptyPostCreatesAGap() {
        var json = compared();

        var gaps = ofKind(json.path("created"), "gap");
        assertThat(gaps).isNotEmpty();
        assertThat(gaps).anySatisfy(g -> assertThat(list(g.path("power_items"))).isEqualTo("[\"pi-sign\"]"));
        assertThat(ofKind(json.path("resolved"), "gap")).isEmpty();
        assertThat(json.path("duties_moved").valueStream().map(JsonNode::toString))
                .contains(
                        "{\"duty\":\"d-a-2\",\"from\":\"sd-a-2\",\"to\":\"ec-new\"}",
                        "{\"duty\":\"d-c-1\",\"from\":\"sd-c-1\",\"to\":\"soc-1\"}");
        assertThat(json.path("duties_dropped").size()).isZero();
        assertThat(json.path("duties_added").size()).isZero();
    }

    @Test
    void countsAndStaffingAgainstQuota() {
        var json = compared();

        assertThat(json.path("before").toString()).startsWith("{\"units\":5,\"posts\":11,\"duties\":8,\"findings\":");
        assertThat(json.path("after").toString()).startsWith("{\"units\":4,\"posts\":11,\"duties\":8,\"findings\":");
        assertThat(json.path("before").path("findings").asInt())
                .isEqualTo(
                        json.path("resolved").size() + json.path("persisting").size());
        assertThat(json.path("after").path("findings").asInt())
                .isEqualTo(json.path("created").size() + json.path("persisting").size());
        assertThat(json.path("staffing").toString())
                .isEqualTo(
                        "[{\"unit\":\"sd\",\"quota_before\":20,\"quota_after\":18,\"filled_before\":11,\"filled_after\":10}]");
        // the JSON keeps its contract: spans of control are in md, html and GraphQL only
        assertThat(json.propertyNames())
                .containsExactlyInAnyOrder(
                        "before",
                        "after",
                        "resolved",
                        "created",
                        "persisting",
                        "duties_moved",
                        "duties_dropped",
                        "duties_added",
                        "staffing");
    }

    @Test
    void markdownAndHtmlReports() {
        assertThat(run("compare", before.toString(), after.toString(), "--format", "md"))
                .isZero();
        assertThat(printed())
                .startsWith("# Restructuring comparison")
                .contains("## Resolved findings (")
                .contains("| overlap |")
                .contains("经济发展办 (sd-a)")
                .contains("## Staffing against quota")
                .contains("| 青石街道办事处 (sd) | 20 | 11 | 18 | 10 |")
                .contains("## Units supervised per leader (changed)")
                .contains("| 副主任二 (sd-dep2) | 2 | 1 |")
                .doesNotContain("| 副主任一 (sd-dep1) | 2 | 2 |")
                .contains("## Posts per section (changed)")
                .contains("| 经济发展办 (sd-a) | 2 | - |")
                .contains("| 经济发展和城市管理部 (dept-ec) | - | 4 |");

        assertThat(run("compare", before.toString(), after.toString(), "--format", "html"))
                .isZero();
        var html = printed();
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<svg")
                .contains("经济发展和城市管理部 (dept-ec)")
                .contains("stroke=\"#2a9d3f\"")
                .contains("fill=\"#d62828\"")
                .contains("| 副主任二 (sd-dep2) | 2 | 1 |")
                .doesNotContain("<script")
                .doesNotContain("src=")
                .doesNotContain("href=\"http");
        assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aRejectedBundleExitsWithOneAndEveryProblem() throws Exception {
        var broken = Files.writeString(
                work.resolve("broken.json"),
                Files.readString(after)
                        .replace("\"holder_id\": \"ec-new\"", "\"holder_id\": \"nobody\"")
                        .replace("\"category\": \"licensing\"", "\"category\": \"licence\""));

        assertThat(run("compare", before.toString(), broken.toString())).isEqualTo(1);
        assertThat(printed()).isEmpty();
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("broken.json")
                .contains("2 problems")
                .contains("$.duties[2].holder_id")
                .contains("$.power_items[0].category");
    }

    @Test
    void usageErrors() {
        assertThat(run("compare", before.toString())).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("<after.json>")
                .contains("Usage: java -jar backend.jar compare");
        assertThat(run("compare", before.toString(), after.toString(), "--format", "pdf"))
                .isEqualTo(2);
        assertThat(run(
                        "compare",
                        before.toString(),
                        work.resolve("missing.json").toString()))
                .isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("Cannot read");
        assertThat(run("compare", before.toString(), after.toString(), "--spring.neo4j.uri=bolt://db:7687"))
                .isEqualTo(2);
        assertThat(printed()).isEmpty();
    }
}
