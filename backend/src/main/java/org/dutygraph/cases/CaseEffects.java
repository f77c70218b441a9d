package org.dutygraph.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.dutygraph.complaints.ComplaintConcluded;
import org.dutygraph.inspections.InspectionFindingConfirmed;
import org.dutygraph.platform.effects.EffectHandler;
import org.dutygraph.supervision.SupervisionRedCard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Other features' changes that open cases, in the delivery's transaction (platform.effects; the effects delivered
 * together open their cases at once, so an evaluation raising thousands of red cards is not a transaction each): a complaint
 * concluded as substantiated (wholly or partly), a confirmed spot-check finding, an e-supervision red card (an efficiency
 * case against the responsible post, the situation picked by the card's rule). The case links the source by id and
 * reference (the complaint's number, the approval case's id), nothing of the complainant. From appraisal: an event a
 * scheme vetoes or downgrades on (against the person, or for a unit its principal leader, as on the day of the act),
 * and a published worst-ranking (against each listed unit's principal leader).
 */
@Configuration(proxyBeanMethods = false)
class CaseEffects {

    @Bean
    EffectHandler<ComplaintConcluded> substantiatedComplaintCases(CaseOpenings openings) {
        return batches("cases.substantiated-complaint", ComplaintConcluded.class, openings, e -> {
            if (!"SUBSTANTIATED".equals(e.conclusion()) && !"PARTLY_SUBSTANTIATED".equals(e.conclusion())) {
                return null;
            }
            return new CaseOpenings.SourceOpening(
                    CaseSources.COMPLAINT,
                    e.complaintId(),
                    e.number(),
                    e.unitId(),
                    e.postId(),
                    e.badgeNumber(),
                    e.occurredAt() != null ? e.occurredAt() : e.concludedAt(),
                    e.category(),
                    null);
        });
    }

    @Bean
    EffectHandler<InspectionFindingConfirmed> confirmedFindingCases(CaseOpenings openings) {
        return batches(
                "cases.confirmed-finding",
                InspectionFindingConfirmed.class,
                openings,
                e -> new CaseOpenings.SourceOpening(
                        CaseSources.SPOT_CHECK,
                        e.findingId(),
                        e.normCode(),
                        e.targetUnitId(),
                        e.postId(),
                        e.badgeNumber(),
                        e.confirmedAt(),
                        e.normCode(),
                        null));
    }

    @Bean
    EffectHandler<SupervisionRedCard> redCardCases(CaseOpenings openings) {
        return batches(
                "cases.supervision-red-card",
                SupervisionRedCard.class,
                openings,
                e -> new CaseOpenings.SourceOpening(
                        CaseSources.E_SUPERVISION,
                        e.signalId(),
                        e.caseId(),
                        e.unitId(),
                        e.postId(),
                        null,
                        e.raisedAt(),
                        e.rule().toUpperCase(Locale.ROOT),
                        null));
    }

    @Bean
    EffectHandler<AppraisalSanctionRecorded> appraisalSanctionCases(
            CaseOpenings openings, CaseStore store, java.time.Clock clock) {
        return batches(
                "cases.appraisal-sanction",
                AppraisalSanctionRecorded.class,
                openings,
                e -> subjectOpening(
                        store,
                        CaseSources.APPRAISAL_EVENT,
                        e.eventId(),
                        e.kind() + " " + e.month(),
                        e.subjectId(),
                        at(e.actDate(), clock.getZone()),
                        e.kind()));
    }

    @Bean
    EffectHandler<WorstRankingPublished> worstRankingCases(
            CaseOpenings openings, CaseStore store, java.time.Clock clock) {
        return batches(
                "cases.worst-ranking",
                WorstRankingPublished.class,
                openings,
                e -> subjectOpening(
                        store,
                        CaseSources.CITIZEN_RANKING,
                        e.rankingId() + ":" + e.unitId(),
                        e.period() + " #" + e.rank(),
                        e.unitId(),
                        at(e.actDate(), clock.getZone()),
                        WORST_RANKED));
    }

    /**
     * A handler opening the cases of the effects delivered together at once (one number allocation, a few
     * statements); {@code opening} answers null for an event that opens no case.
     */
    private static <E> EffectHandler<E> batches(
            String name, Class<E> type, CaseOpenings openings, Function<E, CaseOpenings.SourceOpening> opening) {
        return EffectHandler.ofBatches(
                name,
                type,
                deliveries -> openings.openFromSources(deliveries.stream()
                        .map(d -> opening.apply(d.event()))
                        .filter(Objects::nonNull)
                        .toList()));
    }

    /** The appraisal event kind a published worst-ranking records; a situation lists it to be evidenced by rankings. */
    static final String WORST_RANKED = "CITIZEN_WORST_RANKED";

    /**
     * A subject is a unit (the case is against its principal leader's post, or its head's) or a person (their post on
     * the day of the act, resolved by the opening like a badge).
     */
    private static CaseOpenings.SourceOpening subjectOpening(
            CaseStore store,
            String kind,
            String sourceId,
            String reference,
            String subjectId,
            java.time.Instant at,
            String evidenceCode) {
        boolean unit = store.unitName(subjectId).isPresent();
        return new CaseOpenings.SourceOpening(
                kind,
                sourceId,
                reference,
                unit ? subjectId : null,
                unit ? store.leaderPost(subjectId).orElse(null) : null,
                unit ? null : subjectId,
                at,
                evidenceCode,
                null);
    }

    private static java.time.Instant at(LocalDate day, ZoneId zone) {
        return day.atTime(12, 0).atZone(zone).toInstant();
    }
}
