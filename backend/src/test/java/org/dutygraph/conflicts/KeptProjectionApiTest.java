package org.dutygraph.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A full analysis reuses the projection kept in memory only while nothing it reads has changed, whoever changed it,
 * and writes only the findings that changed; the ones it leaves as they are still show when it last computed them.
 */
class KeptProjectionApiTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.dutygraph.conflicts.engine.ProjectionStore projections;

    @org.springframework.beans.factory.annotation.Autowired
    ConflictAnalysisService analysis;

    private static final String OVERLAPS = """
            { findings(filter: {kinds: [OVERLAP]}, first: 50) { edges { node { id active lastSeenAt units(first: 10) { id } } } } }""";

    @BeforeEach
    void analyzedBundle() {
        wipeGraph();
        importBundle(ConflictsApiTest.BUNDLE);
        runAnalysis();
    }

    @Test
    void aChangeWrittenStraightToTheGraphBetweenTwoAnalysesIsAnalysed() {
        assertThat(overlapUnits()).containsExactlyInAnyOrder("A|B", "E|F");
        runAnalysis(); // the projection is now the kept one

        // no import, no service: a write any client could send, which only the database sees
        write("MATCH (d:Duty {id: 'd-B-1'}) SET d.status = 'withdrawn'");
        runAnalysis();
        assertThat(overlapUnits()).containsExactly("E|F");

        write("MATCH (:Duty {id: 'd-B-1'})-[r:ON_OBJECT]->() DELETE r");
        write("MATCH (d:Duty {id: 'd-B-1'}) SET d.status = 'active'");
        runAnalysis();
        assertThat(overlapUnits()).as("d-B-1 has no object any more").containsExactly("E|F");

        write("MATCH (d:Duty {id: 'd-B-1'}), (c:Concept {id: 'obj.mine'}) CREATE (d)-[:ON_OBJECT]->(c)");
        runAnalysis();
        assertThat(overlapUnits()).containsExactlyInAnyOrder("A|B", "E|F");
    }

    @Test
    void anImportBetweenTwoAnalysesIsAnalysed() {
        runAnalysis();
        importBundle("""
                {"format": "org-bundle/1", "duties": [
                  {"id": "d-G-9", "holder_id": "G", "text": "负责矿山监督管理", "action": "act.supervise", "objects": ["obj.mine"]}]}""");
        runAnalysis();
        assertThat(overlapUnits()).contains("A|G");
    }

    @Test
    void anAnalysisThatFindsTheSameRewritesNothingButShowsWhenItRan() {
        var first = overlaps();
        var runs = runIds();
        clock.advance(Duration.ofHours(1));
        runAnalysis();

        assertThat(runIds()).as("no finding was written again").isEqualTo(runs);
        var second = overlaps();
        assertThat(second).hasSameSizeAs(first);
        var secondRun =
                java.time.OffsetDateTime.parse(second.get(0).path("lastSeenAt").asString());
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).path("id")).isEqualTo(first.get(i).path("id"));
            var seen = java.time.OffsetDateTime.parse(
                    second.get(i).path("lastSeenAt").asString());
            assertThat(seen).as("computed by the second run").isEqualTo(secondRun);
            assertThat(seen)
                    .isAfterOrEqualTo(java.time.OffsetDateTime.parse(
                                    first.get(i).path("lastSeenAt").asString())
                            .plusHours(1));
        }

        // one no longer found is retired, keeping the second run as when it was last computed
        write("MATCH (d:Duty {id: 'd-B-1'}) SET d.status = 'withdrawn'");
        clock.advance(Duration.ofHours(1));
        runAnalysis();
        var ab = overlaps().stream()
                .filter(f -> f.path("id")
                        .asString()
                        .equals(first.stream()
                                .filter(g -> units(g).equals("A|B"))
                                .findFirst()
                                .orElseThrow()
                                .path("id")
                                .asString()))
                .findFirst();
        assertThat(ab).as("inactive findings are listed only on request").isEmpty();
        var retired = as("analyst")
                .post(
                        "{ findings(filter: {kinds: [OVERLAP], includeInactive: true}, first: 50) { edges { node { id active lastSeenAt units(first: 10) { id } } } } }")
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(f -> units(f).equals("A|B"))
                .findFirst()
                .orElseThrow();
        assertThat(retired.path("active").asBoolean()).isFalse();
        assertThat(retired.path("lastSeenAt"))
                .isEqualTo(second.stream()
                        .filter(f -> units(f).equals("A|B"))
                        .findFirst()
                        .orElseThrow()
                        .path("lastSeenAt"));
    }

    @Test
    void aChangeOfExistingDutiesOnlyReadsThoseAgainAndFindsWhatAFullReadFinds() {
        assertThat(analysedReadingAnew())
                .as("the projection is now the kept one")
                .isFalse();
        // what jobs, pushes and complaints write, deleting nodes too: nothing the projection reads
        write("CREATE (:ProjectionProbe {at: 1})-[:PROBED {at: 1}]->(:ProjectionProbe {at: 2})");
        write("MATCH (p:ProjectionProbe) DETACH DELETE p");
        assertThat(analysedReadingAnew())
                .as("commits that change nothing it reads")
                .isFalse();

        // re-coded and reworded straight in the graph: only these duties are read again
        write("MATCH (:Duty {id: 'd-B-1'})-[r:ON_OBJECT]->() DELETE r");
        write("MATCH (d:Duty {id: 'd-B-1'}), (c:Concept {id: 'obj.food'}) CREATE (d)-[:ON_OBJECT]->(c)");
        write("MATCH (d:Duty {id: 'd-E-1'}) SET d.text = '负责煤矿开采许可', d.role = 'cooperate'");
        assertThat(analysedReadingAnew())
                .as("the kept projection brought up to date")
                .isFalse();
        // d-B-1 now on food, against G's; arr-coal now has one lead: no longer a finding
        assertThat(overlapUnits()).containsExactly("B|G");
        assertThat(stored()).as("what a full read finds").isEqualTo(fresh());

        // two objects, an area and another holder, in one commit
        write("""
                MATCH (d:Duty {id: 'd-B-1'}), (c:Concept {id: 'obj.mine'}), (a:Area {id: 'D1'}), (e:Organization {id: 'E'})
                MATCH (d)-[h:HELD_BY]->()
                DELETE h
                CREATE (d)-[:ON_OBJECT]->(c), (d)-[:IN_AREA]->(a), (d)-[:HELD_BY]->(e)""");
        assertThat(analysedReadingAnew()).isFalse();
        assertThat(stored()).isEqualTo(fresh());

        // a duty withdrawn, a change of anything else, a new duty: read in full
        write("MATCH (d:Duty {id: 'd-A-2'}) SET d.status = 'withdrawn'");
        assertThat(analysedReadingAnew()).isTrue();
        assertThat(stored()).isEqualTo(fresh());
        write("MATCH (u:Organization {id: 'G'}) SET u.name = '丙局'");
        assertThat(analysedReadingAnew()).isTrue();
        write("MATCH (d:Duty {id: 'd-A-1'}) SET d.text = '负责非煤矿山安全监管'");
        importBundle("""
                {"format": "org-bundle/1", "duties": [
                  {"id": "d-G-9", "holder_id": "G", "text": "负责矿山监督管理", "action": "act.supervise", "objects": ["obj.mine"]}]}""");
        assertThat(analysedReadingAnew()).isTrue();
        assertThat(stored()).isEqualTo(fresh());
    }

    /** Runs a full analysis; true when it read the whole projection anew. */
    private boolean analysedReadingAnew() {
        long reads = projections.reads();
        runAnalysis();
        return projections.reads() > reads;
    }

    /** The active findings' ids and digests as stored. */
    private Map<String, String> stored() {
        try (var session = driver.session()) {
            var stored = new java.util.TreeMap<String, String>();
            session.run("MATCH (f:Finding) WHERE f.active RETURN f.id AS id, f.digest AS digest")
                    .forEachRemaining(r ->
                            stored.put(r.get("id").asString(), r.get("digest").asString()));
            return stored;
        }
    }

    /** The findings of an analysis of a projection read in full now, as they would be stored. */
    private Map<String, String> fresh() {
        var fresh = new java.util.TreeMap<String, String>();
        analysis.analyzeNow().forEach(f -> fresh.put(f.id(), FindingStore.digestOf(f)));
        return fresh;
    }

    private void runAnalysis() {
        var job = as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: 60}) { job { id status findings failure } } }")
                .ok()
                .path("runAnalysis")
                .path("job");
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
    }

    private void write(String cypher) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(cypher).consume());
        }
    }

    private Map<String, String> runIds() {
        try (var session = driver.session()) {
            var runs = new java.util.TreeMap<String, String>();
            session.run("MATCH (f:Finding) WHERE f.active RETURN f.id AS id, f.runId AS run")
                    .forEachRemaining(
                            r -> runs.put(r.get("id").asString(), r.get("run").asString()));
            return runs;
        }
    }

    private List<JsonNode> overlaps() {
        return as("analyst")
                .post(OVERLAPS)
                .ok()
                .path("findings")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .sorted(java.util.Comparator.comparing(f -> f.path("id").asString()))
                .toList();
    }

    private List<String> overlapUnits() {
        return overlaps().stream().map(KeptProjectionApiTest::units).toList();
    }

    private static String units(JsonNode finding) {
        return String.join(
                "|",
                finding.path("units")
                        .valueStream()
                        .map(u -> u.path("id").asString())
                        .sorted()
                        .toList());
    }
}
