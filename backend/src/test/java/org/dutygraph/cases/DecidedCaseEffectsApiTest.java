package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A decided case becomes an appraisal event (ACCOUNTABILITY_CASE) for the unit and for the person of the day of the
 * act (not whoever holds the post today), through an effect recorded with the decision: schemes may veto, downgrade or
 * block promotion on it.
 */
class DecidedCaseEffectsApiTest extends CaseTestSupport {

    @Test
    void aDecidedCaseIsAnAppraisalEventOfThePersonOfTheActAndOfTheUnit() {
        var id = opened();
        var month = YearMonth.now(clock).toString();
        step(id, "START_INVESTIGATION", Map.of());
        assertThat(events("ZB001", month, id)).as("nothing before the decision").isEmpty();

        step(id, "DECIDE", Map.of("measure", "ADMONISHMENT_TALK", "reason", "查实"));

        assertThat(events("ZB001", month, id)).containsExactly("ACCOUNTABILITY_CASE case");
        assertThat(events("zedu-xk", month, id)).containsExactly("ACCOUNTABILITY_CASE case");
        assertThat(events("ZB002", month, id)).as("today's holder of the post").isEmpty();
    }

    private List<String> events(String subject, String month, String caseId) {
        try (var session = driver.session()) {
            // the event's source id is the case; appraisalInputs shows kind and source
            var ids = session.run(
                            "MATCH (e:AppraisalEvent {sourceId: $id, subjectId: $s}) RETURN e.id AS id",
                            Map.of("id", caseId, "s", subject))
                    .list(r -> r.get("id").asString());
            return as("appraiser")
                    .post("""
                    query($s: ID!, $p: String!) { appraisalInputs(subjectId: $s, period: $p) { events { id kind source } } }""", Map.of("s", subject, "p", month))
                    .ok()
                    .path("appraisalInputs")
                    .path("events")
                    .valueStream()
                    .filter(e -> ids.contains(e.path("id").asString()))
                    .map(e -> e.path("kind").asString() + " " + e.path("source").asString())
                    .toList();
        }
    }
}
