package org.dutygraph.appraisal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

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
 * record these as effects in the transaction of the change (platform.effects); each is handled here once, in the
 * delivery's transaction ({@link EffectEventStore}).
 */
@Configuration(proxyBeanMethods = false)
class AppraisalEffects {

    @Bean
    EffectHandler<ComplaintConcluded> seriousComplaintEvents(Clock clock) {
        return EffectHandler.of("appraisal.serious-complaint", ComplaintConcluded.class, (tx, e, effectId) -> {
            if (e.serious() && "SUBSTANTIATED".equals(e.conclusion())) {
                record(tx, effectId, new Concerned(e.unitId(), e.postId(), e.badgeNumber()), e.concludedAt(), "SERIOUS_COMPLAINT",
                        "complaint", e.complaintId(), clock);
            }
        });
    }

    @Bean
    EffectHandler<InspectionFindingConfirmed> spotCheckFindingEvents(Clock clock) {
        return EffectHandler.of("appraisal.spot-check-finding", InspectionFindingConfirmed.class, (tx, e, effectId) ->
                record(tx, effectId, new Concerned(e.targetUnitId(), e.postId(), e.badgeNumber()), e.confirmedAt(),
                        "SPOT_CHECK_FINDING", "inspection", e.findingId(), clock));
    }

    /** The unit concerned, and the post or badge that may name a person. */
    private record Concerned(String unitId, String postId, String badge) {
    }

    /** One event of the kind for the unit and for the person (the badge's, or the one holding the post today). */
    private static void record(TransactionContext tx, String effectId, Concerned concerned, Instant at, String kind, String source,
                               String sourceId, Clock clock) {
        var date = at.atZone(clock.getZone());
        var month = Period.month(date.getYear(), date.getMonthValue());
        var person = EffectEventStore.badgeOrHolder(tx, concerned.badge(), concerned.postId(), LocalDate.now(clock)).orElse(null);
        for (var subject : Arrays.asList(concerned.unitId(), person)) {
            if (subject != null) {
                EffectEventStore.recordOnce(tx, new AppraisalEventStore.NewEvent(UUID.randomUUID().toString(), subject, month, kind, 1,
                        source, sourceId, "system", clock.millis(), effectId));
            }
        }
    }
}
