package org.dutygraph.appraisal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.cases.CaseDecided;
import org.dutygraph.complaints.ComplaintConcluded;
import org.dutygraph.inspections.InspectionFindingConfirmed;
import org.dutygraph.platform.effects.EffectHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Changes in other features become appraisal events: a serious substantiated complaint (one-vote veto)
 * for the unit and, when the badge or post names one, the person; a confirmed spot-check finding for the
 * unit and the person concerned; a decided accountability case for the unit and the person of the day of the act
 * (ACCOUNTABILITY_CASE). Recorded in the month the complaint or finding was concluded. The features
 * record these as effects in the transaction of the change (platform.effects); each is handled here once, its
 * stores joining the delivery's transaction.
 */
@Configuration(proxyBeanMethods = false)
class AppraisalEffects {

    @Bean
    EffectHandler<ComplaintConcluded> seriousComplaintEvents(
            AppraisalInputs inputs, SubjectStore subjects, Clock clock) {
        return EffectHandler.of("appraisal.serious-complaint", ComplaintConcluded.class, (e, effectId) -> {
            if (e.serious() && "SUBSTANTIATED".equals(e.conclusion())) {
                new Recording(inputs, subjects, clock)
                        .record(
                                effectId,
                                new Concerned(e.unitId(), e.postId(), e.badgeNumber()),
                                e.concludedAt(),
                                "SERIOUS_COMPLAINT",
                                "complaint",
                                e.complaintId());
            }
        });
    }

    @Bean
    EffectHandler<InspectionFindingConfirmed> spotCheckFindingEvents(
            AppraisalInputs inputs, SubjectStore subjects, Clock clock) {
        return EffectHandler.of(
                "appraisal.spot-check-finding",
                InspectionFindingConfirmed.class,
                (e, effectId) -> new Recording(inputs, subjects, clock)
                        .record(
                                effectId,
                                new Concerned(e.targetUnitId(), e.postId(), e.badgeNumber()),
                                e.confirmedAt(),
                                "SPOT_CHECK_FINDING",
                                "inspection",
                                e.findingId()));
    }

    @Bean
    EffectHandler<CaseDecided> decidedCaseEvents(AppraisalInputs inputs, SubjectStore subjects, Clock clock) {
        return EffectHandler.of(
                "appraisal.decided-case",
                CaseDecided.class,
                (e, effectId) -> new Recording(inputs, subjects, clock)
                        .record(
                                effectId,
                                new Concerned(e.unitId(), e.postId(), e.personId()),
                                e.decidedAt(),
                                "ACCOUNTABILITY_CASE",
                                "case",
                                e.caseId()));
    }

    /** The unit concerned, and the post or badge that may name a person. */
    private record Concerned(String unitId, String postId, String badge) {}

    private record Recording(AppraisalInputs inputs, SubjectStore subjects, Clock clock) {

        /** One event of the kind for the unit and for the person (the badge's, or the one holding the post today), once. */
        void record(String effectId, Concerned concerned, Instant at, String kind, String source, String sourceId) {
            var date = at.atZone(clock.getZone());
            var month = Period.month(date.getYear(), date.getMonthValue()).toString();
            var person = subjects.badgeOrHolder(concerned.badge(), concerned.postId(), LocalDate.now(clock))
                    .orElse(null);
            for (var subject : Arrays.asList(concerned.unitId(), person)) {
                if (subject != null) {
                    inputs.recordOnce(effectId, subject, month, kind, 1, source, sourceId, "system");
                }
            }
        }
    }
}
