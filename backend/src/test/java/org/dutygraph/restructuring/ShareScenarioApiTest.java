package org.dutygraph.restructuring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** shareScenario refuses unknown, repeated and unsuitable usernames with the field path, storing nothing (issue 16). */
class ShareScenarioApiTest extends ApiTest {

    private String scenario;

    @BeforeEach
    void aScenario() {
        wipeGraph();
        importBundle(resource("bundles/restructuring/before.json"));
        scenario = as("analyst")
                .post("mutation { createScenario(input: {name: \"共享\"}) { scenario { id } } }")
                .ok()
                .path("createScenario")
                .path("scenario")
                .path("id")
                .asString();
    }

    private JsonNode share(List<String> usernames) {
        return as("analyst")
                .post(
                        "mutation($i: ShareScenarioInput!) { shareScenario(input: $i) { scenario { sharedWith } errors { field code message } } }",
                        Map.of("i", Map.of("id", scenario, "usernames", usernames)))
                .ok()
                .path("shareScenario");
    }

    private String sharedWith() {
        return as("analyst")
                .post("query($id: ID!) { scenario(id: $id) { sharedWith } }", Map.of("id", scenario))
                .ok()
                .path("scenario")
                .path("sharedWith")
                .toString();
    }

    private static List<String> problems(JsonNode payload) {
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

    @Test
    void unknownRepeatedAndNonAnalystUsernamesAreRefusedWithTheirPathAndNothingIsShared() {
        var refused = share(List.of("admin", "nobody", "admin", "staff"));
        assertThat(problems(refused))
                .containsExactly(
                        "input.usernames.1 UNKNOWN_USER",
                        "input.usernames.2 DUPLICATE",
                        "input.usernames.3 CANNOT_READ_SCENARIOS");
        assertThat(refused.path("errors").path(0).path("message").asString()).contains("nobody");
        assertThat(sharedWith()).isEqualTo("[]");

        var tooMany = new ArrayList<String>();
        for (int i = 0; i <= 100; i++) tooMany.add("user" + i);
        assertThat(problems(share(tooMany))).containsExactly("input.usernames TOO_MANY_USERS");

        assertThat(problems(share(List.of("admin", "analyst")))).isEmpty();
        assertThat(sharedWith()).as("the owner is not listed").isEqualTo("[\"admin\"]");
        assertThat(problems(share(List.of()))).isEmpty();
        assertThat(sharedWith()).isEqualTo("[]");
    }

    @Test
    void aScenarioBuiltOnAnotherIsClosedOnceThatOneIsNoLongerShared() {
        assertThat(problems(share(List.of("admin")))).isEmpty();
        var derived = as("admin")
                .post(
                        "mutation($b: ID!) { createScenario(input: {name: \"派生\", baseScenarioId: $b}) { scenario { id } } }",
                        Map.of("b", scenario))
                .ok()
                .path("createScenario")
                .path("scenario")
                .path("id")
                .asString();
        var read = "query($id: ID!) { scenario(id: $id) { id targetBundle } }";
        assertThat(as("admin")
                        .post(read, Map.of("id", derived))
                        .ok()
                        .path("scenario")
                        .path("id")
                        .asString())
                .isEqualTo(derived);

        assertThat(problems(share(List.of()))).isEmpty();

        // the base is replayed on every read of the derived one: reading it would read the base's later steps
        var refused = as("admin").post(read, Map.of("id", derived));
        assertThat(refused.errors()).hasSize(1);
        assertThat(refused.errors().get(0).path("extensions").path("code").asString())
                .isEqualTo("FORBIDDEN");
        assertThat(as("admin")
                        .post("{ scenarios(first: 50) { edges { node { id } } } }")
                        .ok()
                        .path("scenarios")
                        .path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("id").asString()))
                .doesNotContain(derived);
        var apply = as("admin")
                .post(
                        "mutation($id: ID!) { applyScenario(input: {id: $id}) { errors { code } } }",
                        Map.of("id", derived));
        assertThat(apply.errors().toString()
                        + apply.data().path("applyScenario").path("errors"))
                .as("nor applied: that would make the owner's unshared draft the live graph")
                .contains("FORBIDDEN");
    }
}
