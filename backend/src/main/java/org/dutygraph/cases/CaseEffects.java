package org.dutygraph.cases;

import java.util.Locale;
import org.dutygraph.complaints.ComplaintConcluded;
import org.dutygraph.inspections.InspectionFindingConfirmed;
import org.dutygraph.platform.effects.EffectHandler;
import org.dutygraph.supervision.SupervisionRedCard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Other features' changes that open cases, each in the delivery's transaction (platform.effects): a complaint
 * concluded as substantiated (wholly or partly), a confirmed spot-check finding, an e-supervision red card (an efficiency
 * case against the responsible post, the situation picked by the card's rule). The case links the source by id and
 * reference (the complaint's number, the approval case's id), nothing of the complainant.
 */
@Configuration(proxyBeanMethods = false)
class CaseEffects {

    @Bean
    EffectHandler<ComplaintConcluded> substantiatedComplaintCases(CaseOpenings openings) {
        return EffectHandler.of("cases.substantiated-complaint", ComplaintConcluded.class, (e, effectId) -> {
            if ("SUBSTANTIATED".equals(e.conclusion()) || "PARTLY_SUBSTANTIATED".equals(e.conclusion())) {
                openings.openFromSource(new CaseOpenings.SourceOpening(
                        CaseSources.COMPLAINT,
                        e.complaintId(),
                        e.number(),
                        e.unitId(),
                        e.postId(),
                        e.badgeNumber(),
                        e.occurredAt() != null ? e.occurredAt() : e.concludedAt(),
                        e.category(),
                        null));
            }
        });
    }

    @Bean
    EffectHandler<InspectionFindingConfirmed> confirmedFindingCases(CaseOpenings openings) {
        return EffectHandler.of(
                "cases.confirmed-finding",
                InspectionFindingConfirmed.class,
                (e, effectId) -> openings.openFromSource(new CaseOpenings.SourceOpening(
                        CaseSources.SPOT_CHECK,
                        e.findingId(),
                        e.normCode(),
                        e.targetUnitId(),
                        e.postId(),
                        e.badgeNumber(),
                        e.confirmedAt(),
                        e.normCode(),
                        null)));
    }

    @Bean
    EffectHandler<SupervisionRedCard> redCardCases(CaseOpenings openings) {
        return EffectHandler.of(
                "cases.supervision-red-card",
                SupervisionRedCard.class,
                (e, effectId) -> openings.openFromSource(new CaseOpenings.SourceOpening(
                        CaseSources.E_SUPERVISION,
                        e.signalId(),
                        e.caseId(),
                        e.unitId(),
                        e.postId(),
                        null,
                        e.raisedAt(),
                        e.rule().toUpperCase(Locale.ROOT),
                        null)));
    }
}
