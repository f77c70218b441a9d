package org.dutygraph.restructuring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.dutygraph.conflicts.BundleAnalysis;
import org.dutygraph.org.bundle.Bundle;
import org.dutygraph.org.bundle.BundleReader;
import org.dutygraph.org.bundle.BundleValidator;
import org.dutygraph.org.bundle.ExistingIds;
import org.dutygraph.org.bundle.Problems;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Applying a scenario imports its target state, a whole org-bundle/1 document, so that what an update cannot undo
 * (a supervision line, a reports-to line) ends too (issue 16).
 */
class ApplyTargetStateApiTest extends ApiTest {

    @Autowired
    BundleAnalysis analysis;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path work;

    @BeforeEach
    void subDistrict() {
        wipeGraph();
        importBundle(resource("bundles/restructuring/before.json"));
    }

    private String scenarioEndingLinesAndDissolvingAUnit() {
        var id = as("analyst")
                .post("mutation { createScenario(input: {name: \"撤销分管与执法队\"}) { scenario { id } } }")
                .ok()
                .path("createScenario")
                .path("scenario")
                .path("id")
                .asString();
        for (var step : List.<Map<String, Object>>of(
                Map.of("kind", "SET_SUPERVISION", "unitId", "sd-c"),
                Map.of("kind", "SET_REPORTS_TO", "postId", "sd-c-1"),
                Map.of("kind", "MOVE_DUTIES", "dutyIds", List.of("d-d-1"), "toHolderId", "sd-c-1"),
                Map.of("kind", "DISSOLVE_UNIT", "unitId", "sd-d"))) {
            var payload = as("analyst")
                    .post(
                            "mutation($i: AddScenarioStepInput!) { addScenarioStep(input: $i) { errors { field code } } }",
                            Map.of("i", Map.of("scenarioId", id, "step", step)))
                    .ok()
                    .path("addScenarioStep");
            assertThat(payload.path("errors").size()).as(payload.toString()).isZero();
        }
        return id;
    }

    private static Bundle read(JsonNode document) {
        var problems = new Problems(Text::toString);
        var bundle = new BundleReader(problems).read((Object) document);
        assertThat(problems.list()).isEmpty();
        return bundle;
    }

    private JsonNode unit(String id) {
        return as("analyst")
                .post(
                        "query($id: ID!) { unit(id: $id) { status supervisors { post { id } kind } posts { edges { node { id status } } } } }",
                        Map.of("id", id))
                .ok()
                .path("unit");
    }

    @Test
    void aScenarioThatEndsSupervisionAndDissolvesAUnitIsAppliedAsTheWholeTargetState() throws Exception {
        var id = scenarioEndingLinesAndDissolvingAUnit();
        var targetDocument = as("analyst")
                .post("query($id: ID!) { scenario(id: $id) { targetBundle } }", Map.of("id", id))
                .ok()
                .path("scenario")
                .path("targetBundle");
        var target = read(targetDocument);
        var problems = new Problems(Text::toString);
        new BundleValidator(ExistingIds.NONE, problems).validate(target);
        assertThat(problems.list()).as("a whole bundle, valid on its own").isEmpty();
        assertThat(target.supervision()).doesNotContain(new Bundle.Supervision("sd-dep1", "sd-c", "in_charge"));
        assertThat(target.duties()).extracting(Bundle.Duty::id).contains("d-d-1", "d-a-2");

        var applied = as("analyst")
                .post(
                        "mutation($i: ApplyScenarioInput!) { applyScenario(input: $i) { importJob { status } errors { field code message } } }",
                        Map.of("i", Map.of("id", id)))
                .ok()
                .path("applyScenario");
        assertThat(applied.path("errors").size()).as(applied.toString()).isZero();
        assertThat(applied.path("importJob").path("status").asString()).isEqualTo("SUCCEEDED");

        assertThat(unit("sd-c").path("supervisors").size())
                .as("the 分管 line ended")
                .isZero();
        assertThat(unit("sd-a").path("supervisors").toString()).contains("sd-dep1");
        var dissolved = unit("sd-d");
        assertThat(dissolved.path("status").asString()).isEqualTo("dissolved");
        assertThat(dissolved
                        .path("posts")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("status").asString()))
                .containsOnly("dissolved");
        var post = as("analyst")
                .post("{ post(id: \"sd-c-1\") { reportsTo { id } duties { edges { node { id } } } } }")
                .ok()
                .path("post");
        assertThat(post.path("reportsTo").isNull())
                .as("the reports-to line ended")
                .isTrue();
        assertThat(post.path("duties").toString()).contains("d-d-1");

        // exported again, the live graph is the target state: the same entries, and compare finds no change
        var live = read(as("analyst").post("{ exportBundle }").ok().path("exportBundle"));
        assertThat(new HashSet<>(live.organizations())).isEqualTo(new HashSet<>(target.organizations()));
        assertThat(new HashSet<>(live.posts())).isEqualTo(new HashSet<>(target.posts()));
        assertThat(new HashSet<>(live.supervision())).isEqualTo(new HashSet<>(target.supervision()));
        assertThat(new HashSet<>(live.duties())).isEqualTo(new HashSet<>(target.duties()));
        var today = LocalDate.now(clock);
        var comparison = OrgComparer.compare(
                OrgComparer.state(target, analysis.analyze(target, today)),
                OrgComparer.state(live, analysis.analyze(live, today)),
                today);
        assertThat(comparison.resolved()).isEmpty();
        assertThat(comparison.created()).isEmpty();
        assertThat(comparison.dutiesMoved()).isEmpty();
        assertThat(comparison.dutiesDropped()).isEmpty();
        assertThat(comparison.dutiesAdded()).isEmpty();

        // the compare command takes the target bundle as it is, and finds nothing between it and the live graph
        var compared = compareCommand(
                targetDocument, as("analyst").post("{ exportBundle }").ok().path("exportBundle"));
        for (var key : List.of("resolved", "created", "duties_moved", "duties_dropped", "duties_added")) {
            assertThat(compared.path(key).size()).as(key).isZero();
        }
        assertThat(compared.path("before")).isEqualTo(compared.path("after"));
    }

    private JsonNode compareCommand(JsonNode before, JsonNode after) throws java.io.IOException {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var beforeFile = work.resolve("before.json");
        var afterFile = work.resolve("after.json");
        java.nio.file.Files.writeString(beforeFile, json.writeValueAsString(before));
        java.nio.file.Files.writeString(afterFile, json.writeValueAsString(after));
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int status = org.dutygraph.cli.Commands.execute(
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
                "compare",
                beforeFile.toString(),
                afterFile.toString());
        assertThat(status)
                .as(err.toString(java.nio.charset.StandardCharsets.UTF_8))
                .isZero();
        return json.readTree(out.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
