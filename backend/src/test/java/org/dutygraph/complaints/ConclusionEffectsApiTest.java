package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.support.EffectFailures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A serious substantiated complaint becomes appraisal's one-vote veto through an effect recorded in the
 * conclusion's own transaction (issue 15 item 4): a failing appraisal write loses nothing and repeats nothing.
 */
class ConclusionEffectsApiTest extends ComplaintTestSupport {

    private static final String HANDLER = "appraisal.serious-complaint";

    @Autowired
    Effects effects;

    @Test
    void whenAppraisalFailsTheEffectStaysPending_andTheNextDeliveryRecordsTheVetoEventExactlyOnce() {
        var id = investigated();
        var month = YearMonth.now(clock).toString();
        EffectFailures.failNext(HANDLER, 1);

        var concluded = advance("cmkt-staff", id, "CONCLUDE", Map.of("conclusion", "SUBSTANTIATED", "serious", true));
        assertThat(concluded.path("complaint").path("status").asString())
                .as("the conclusion stands")
                .isEqualTo("CONCLUDED");
        assertThat(appraisalEvents(id)).as("nothing of the failed write").isEmpty();
        var effect = effectOf(id);
        assertThat(effect.get("state")).isEqualTo("PENDING");
        assertThat(effect.get("attempts")).isEqualTo(1L);
        assertThat((String) effect.get("lastError")).contains("injected failure");

        effects.deliverDue();
        assertThat(effectOf(id).get("attempts"))
                .as("not delivered again before its backoff")
                .isEqualTo(1L);
        // delivered much later (past the backoff, in another month): the event is still in the conclusion's month
        clock.advance(Duration.ofDays(40));
        assertThat(effects.deliverDue()).isPositive();
        assertThat(appraisalEvents(id)).containsExactly("cmkt SERIOUS_COMPLAINT " + month);
        assertThat(effectOf(id).get("state")).isEqualTo("DONE");

        assertThat(effects.deliver(List.of((String) effect.get("id")))).containsValue(Effects.Outcome.NOT_PENDING);
        effects.deliverDue();
        assertThat(appraisalEvents(id)).as("delivered again: nothing twice").hasSize(1);
    }

    @Test
    void aConclusionThatIsRefusedRecordsNoEffect_andOneThatIsNotSeriousNoEvent() {
        var id = investigated();
        assertThat(advance("cmkt-staff", id, "CONCLUDE", Map.of())
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("REQUIRED");
        assertThat(effectsOf(id)).isZero();

        advance("cmkt-staff", id, "CONCLUDE", Map.of("conclusion", "SUBSTANTIATED", "serious", false));
        assertThat(effectOf(id).get("state")).as("delivered at once").isEqualTo("DONE");
        assertThat(appraisalEvents(id)).isEmpty();
    }

    /** A complaint against the market regulator, registered, assigned to it and under investigation. */
    private String investigated() {
        var id = file(Map.of("unitId", "cmkt"))[0];
        advance("inspector", id, "REGISTER", Map.of());
        advance("inspector", id, "ASSIGN", Map.of("unitId", "cmkt"));
        advance("cmkt-staff", id, "START_INVESTIGATION", Map.of());
        return id;
    }

    private List<String> appraisalEvents(String complaintId) {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (e:AppraisalEvent {source: 'complaint', sourceId: $id})
                    RETURN e.subjectId + ' ' + e.kind + ' ' + e.period AS e ORDER BY e""", Map.of("id", complaintId))
                    .list(r -> r.get("e").asString());
        }
    }

    private Map<String, Object> effectOf(String complaintId) {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (e:Effect {handler: $handler}) WHERE e.payload CONTAINS $id
                    RETURN e {.id, .state, .attempts, .lastError} AS e""", Map.of("handler", HANDLER, "id", complaintId))
                    .single()
                    .get("e")
                    .asMap();
        }
    }

    private long effectsOf(String complaintId) {
        try (var session = driver.session()) {
            return session.run(
                            "MATCH (e:Effect) WHERE e.payload CONTAINS $id RETURN count(e) AS n",
                            Map.of("id", complaintId))
                    .single()
                    .get("n")
                    .asLong();
        }
    }
}
