package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.support.EffectFailures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A confirmed finding reaches appraisal (unit and person) through an effect of the confirmation (issue 15 item 4). */
class FindingEffectsApiTest extends InspectionTestSupport {

    @Autowired
    Effects effects;

    @Test
    void aConfirmedFindingRecordsItsEventsOnce_alsoWhenTheFirstDeliveryFailed() {
        var id = recordedFinding("imkt-lic", Map.of("badgeNumber", "IB002"))[0];
        var month = YearMonth.now(clock).toString();
        EffectFailures.failNext("appraisal.spot-check-finding", 1);

        var reviewed = review(
                "eff-chief",
                Map.of(
                        "id",
                        id,
                        "decision",
                        "CONFIRM",
                        "rectifyBy",
                        today().plusDays(5).toString()));
        assertThat(reviewed.path("finding").path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(events(id)).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        effects.deliverDue();
        effects.deliverDue();
        assertThat(events(id))
                .containsExactly("IB002 SPOT_CHECK_FINDING " + month, "imkt-lic SPOT_CHECK_FINDING " + month);
    }

    private List<String> events(String findingId) {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (e:AppraisalEvent {source: 'inspection', sourceId: $id})
                    RETURN e.subjectId + ' ' + e.kind + ' ' + e.period AS e ORDER BY e""", Map.of("id", findingId))
                    .list(r -> r.get("e").asString());
        }
    }
}
