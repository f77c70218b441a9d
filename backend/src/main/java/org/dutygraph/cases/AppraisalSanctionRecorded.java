package org.dutygraph.cases;

import java.time.LocalDate;

/**
 * Recorded by appraisal when it records an event whose kind a scheme in force vetoes (effect LOWEST, one-vote veto)
 * or downgrades (DOWN_ONE) on, and which no other source already brings to a case (complaints, spot checks, cases
 * themselves, rankings). Declared here rather than in appraisal because appraisal depends on cases (decided cases
 * become appraisal events): both modules see this type without a cycle. Links the event by id; copies nothing.
 *
 * @param subjectId a unit's or a person's id (the appraisal subject)
 * @param month     the month the event is recorded in, e.g. 2026-06
 * @param effect    LOWEST or DOWN_ONE
 * @param actDate   the day taken as the day of the act (the recording day, at the latest the month's last day)
 */
public record AppraisalSanctionRecorded(
        String eventId, String subjectId, String month, String kind, String effect, LocalDate actDate) {}
