package org.dutygraph.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Above dutygraph.conflicts.candidate-refresh-duties (here 0: every graph) an incremental analysis does not recompute
 * candidate overlaps but marks them stale, keeping lastSeenAt as the time they were computed; a full analysis
 * recomputes them (issue 16).
 */
@TestPropertySource(properties = "dutygraph.conflicts.candidate-refresh-duties=0")
class StaleCandidatesApiTest extends IncrementalCandidatesApiTest {

    @Override
    @Test
    void aCodedLookAlikeJoinsTheCandidateOverlapIncrementallyAndLeavesItWhenWithdrawn() {
        // the refresh is off in this context: see the test below
    }

    @Test
    void anIncrementalRunMarksCandidateOverlapsStaleWithTheTimeTheyWereComputed() throws InterruptedException {
        var computed = candidates().get(0);
        assertThat(computed.path("stale").asBoolean()).isFalse();

        importBundle(LOOK_ALIKE.formatted(""));
        awaitCandidates(c -> c.get(0).path("stale").asBoolean());
        var stale = candidates().get(0);
        assertThat(stale.path("stale").asBoolean()).isTrue();
        assertThat(stale.path("lastSeenAt")).isEqualTo(computed.path("lastSeenAt"));
        assertThat(ids(stale.path("duties"))).containsExactly("d-B-3", "d-G-3");

        runAnalysis();
        var recomputed = candidates().get(0);
        assertThat(recomputed.path("stale").asBoolean()).isFalse();
        assertThat(ids(recomputed.path("duties"))).containsExactly("d-B-3", "d-G-3", "d-X-9");
    }
}
