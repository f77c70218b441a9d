package org.dutygraph.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Candidate overlaps stay current through incremental analyses (issue 16): a coded duty imported with the wording of
 * the uncoded B|G pair joins their candidate overlap as a candidate coding, and leaves it when withdrawn, without a
 * full analysis (findings elsewhere keep their lastSeenAt).
 */
class IncrementalCandidatesApiTest extends ApiTest {

    static final String CANDIDATES = """
            { findings(filter: {kinds: [CANDIDATE_OVERLAP]}, first: 100) { edges { node {
              id stale lastSeenAt units(first: 20) { id } duties(first: 20) { id } } } } }""";

    static final String LOOK_ALIKE = """
            {"format": "org-bundle/1", "duties": [{"id": "d-X-9", "holder_id": "X",
              "text": "负责城市内河流域水环境综合整治工作", "action": "act.license", "objects": ["obj.coal"]%s}]}""";

    @BeforeEach
    void analysed() {
        wipeGraph();
        importBundle(ConflictsApiTest.BUNDLE);
        runAnalysis();
    }

    void runAnalysis() {
        var job = as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: 60}) { job { status } } }")
                .ok()
                .path("runAnalysis")
                .path("job");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
    }

    List<JsonNode> candidates() {
        return as("analyst")
                .post(CANDIDATES)
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .toList();
    }

    static List<String> ids(JsonNode list) {
        return list.valueStream().map(n -> n.path("id").asString()).sorted().toList();
    }

    void awaitCandidates(Predicate<List<JsonNode>> done) throws InterruptedException {
        var deadline = System.nanoTime() + 30_000_000_000L;
        while (!done.test(candidates()) && System.nanoTime() < deadline) Thread.sleep(100);
    }

    @Test
    void aCodedLookAlikeJoinsTheCandidateOverlapIncrementallyAndLeavesItWhenWithdrawn() throws InterruptedException {
        var before = candidates();
        assertThat(before)
                .singleElement()
                .satisfies(f -> assertThat(ids(f.path("duties"))).containsExactly("d-B-3", "d-G-3"));
        var id = before.get(0).path("id").asString();
        var multiHead = "{ findings(filter: {kinds: [MULTI_HEAD]}, first: 10) { edges { node { id lastSeenAt } } } }";
        var untouched = as("analyst").post(multiHead).ok().toString();

        importBundle(LOOK_ALIKE.formatted(""));
        awaitCandidates(c -> c.size() == 1 && ids(c.get(0).path("duties")).contains("d-X-9"));
        assertThat(candidates()).singleElement().satisfies(f -> {
            assertThat(f.path("id").asString()).isEqualTo(id);
            assertThat(ids(f.path("duties"))).containsExactly("d-B-3", "d-G-3", "d-X-9");
            assertThat(ids(f.path("units"))).containsExactly("B", "G", "X");
            assertThat(f.path("stale").asBoolean()).isFalse();
        });
        assertThat(as("analyst").post(multiHead).ok().toString())
                .as("an incremental run, not a full one")
                .isEqualTo(untouched);

        importBundle(LOOK_ALIKE.formatted(", \"status\": \"withdrawn\", \"end_date\": \"2026-11-01\""));
        awaitCandidates(c -> c.size() == 1 && !ids(c.get(0).path("duties")).contains("d-X-9"));
        assertThat(candidates())
                .singleElement()
                .satisfies(f -> assertThat(ids(f.path("duties"))).containsExactly("d-B-3", "d-G-3"));
        assertThat(as("analyst").post(multiHead).ok().toString()).isEqualTo(untouched);
    }
}
