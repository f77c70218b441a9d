package org.dutygraph.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A full run's findings are written in batches side by side; batches that involve the same units in either order
 * must all land, each finding with one INVOLVES per unit, and a second run must update them in place.
 */
class FindingBatchesApiTest extends ApiTest {

    @Autowired
    FindingStore findings;

    @Test
    void manyFindingsOverTheSameUnitsInEitherOrderAreAllStoredWithTheirUnits_andUpdatedInPlace() {
        wipeGraph();
        importBundle(ConflictsApiTest.BUNDLE);
        var analysed = as("analyst")
                .post("mutation { runAnalysis(input: {waitSeconds: 60}) { job { status } } }")
                .ok()
                .path("runAnalysis")
                .path("job")
                .path("status")
                .asString();
        assertThat(analysed)
                .as("no analysis left running beside the writes below")
                .isEqualTo("SUCCEEDED");

        findings.replaceActive(run("first"), "run-1");
        assertThat(storedWithEveryUnit("first")).isEqualTo(SIZE);

        findings.replaceActive(run("second"), "run-2");
        assertThat(storedWithEveryUnit("second")).isEqualTo(SIZE);
        assertThat(storedWithEveryUnit(""))
                .as("the analysis's own findings retired")
                .isEqualTo(SIZE);
    }

    private static final int SIZE = 4_500;

    private static List<Finding> run(String wording) {
        return IntStream.range(0, SIZE)
                .mapToObj(i -> new Finding(
                        "overlap-batch-" + i,
                        Finding.Kind.OVERLAP,
                        Finding.Severity.MEDIUM,
                        i % 2 == 0 ? List.of("A", "B") : List.of("B", "A"),
                        List.of(),
                        List.of("d-A-1", "d-B-1"),
                        List.of(),
                        new ArrayList<>(List.of("(d-A-1)-[:ON_OBJECT]->(obj.food)")),
                        wording + " 职责交叉 " + i,
                        wording + " overlap " + i,
                        null,
                        List.of()))
                .toList();
    }

    private long storedWithEveryUnit(String wording) {
        try (var session = driver.session()) {
            return session.run("""
                            MATCH (f:Finding) WHERE f.active AND f.explanationEn STARTS WITH $wording
                              AND COUNT { (f)-[:INVOLVES]->(:Organization) } = 2
                            RETURN count(f) AS n""", java.util.Map.of("wording", wording))
                    .single()
                    .get("n")
                    .asLong();
        }
    }
}
