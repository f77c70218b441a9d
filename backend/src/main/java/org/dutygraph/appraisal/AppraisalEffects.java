package org.dutygraph.appraisal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.complaints.ComplaintConcluded;
import org.dutygraph.inspections.InspectionFindingConfirmed;
import org.dutygraph.platform.effects.EffectHandler;
import org.neo4j.driver.TransactionContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Changes in other features become appraisal events: a serious substantiated complaint (one-vote veto)
 * for the unit and, when the badge or post names one, the person; a confirmed spot-check finding for the
 * unit and the person concerned. Recorded in the month the complaint or finding was concluded. The features
 * record these as effects in the transaction of the change (platform.effects); each is handled here once.
 */
@Configuration(proxyBeanMethods = false)
class AppraisalEffects {

    @Bean
    EffectHandler<ComplaintConcluded> seriousComplaintEvents(AppraisalInputs inputs, Clock clock) {
        return EffectHandler.of("appraisal.serious-complaint", ComplaintConcluded.class, (tx, e, effectId) -> {
            if (!e.serious() || !"SUBSTANTIATED".equals(e.conclusion())) {
                return;
            }
            var month = month(e.concludedAt(), clock);
            var person = person(tx, e.postId(), e.badgeNumber(), clock);
            for (var subject : java.util.Arrays.asList(e.unitId(), person)) {
                if (subject != null) {
                    inputs.recordOnce(tx, effectId, subject, month, "SERIOUS_COMPLAINT", 1, "complaint", e.complaintId(),
                            "system");
                }
            }
        });
    }

    @Bean
    EffectHandler<InspectionFindingConfirmed> spotCheckFindingEvents(AppraisalInputs inputs, Clock clock) {
        return EffectHandler.of("appraisal.spot-check-finding", InspectionFindingConfirmed.class, (tx, e, effectId) -> {
            var month = month(e.confirmedAt(), clock);
            var person = person(tx, e.postId(), e.badgeNumber(), clock);
            for (var subject : java.util.Arrays.asList(e.targetUnitId(), person)) {
                if (subject != null) {
                    inputs.recordOnce(tx, effectId, subject, month, "SPOT_CHECK_FINDING", 1, "inspection", e.findingId(),
                            "system");
                }
            }
        });
    }

    private static String month(Instant at, Clock clock) {
        var date = at.atZone(clock.getZone());
        return Period.month(date.getYear(), date.getMonthValue()).toString();
    }

    /** The person with this badge, or the one person holding the post today. */
    private static String person(TransactionContext tx, String postId, String badge, Clock clock) {
        var ids = tx.run("""
                OPTIONAL MATCH (b:Person {id: $badge})
                OPTIONAL MATCH (h:Person)-[m:HOLDS]->(:Post {id: $post}) WHERE m.endDate IS NULL OR m.endDate >= $today
                RETURN b.id AS badge, collect(DISTINCT h.id) AS holders""",
                org.neo4j.driver.Values.parameters("badge", badge, "post", postId, "today", LocalDate.now(clock).toString()))
                .single();
        if (!ids.get("badge").isNull()) {
            return ids.get("badge").asString();
        }
        var holders = ids.get("holders").asList(org.neo4j.driver.Value::asString);
        return holders.size() == 1 ? holders.get(0) : null;
    }
}
