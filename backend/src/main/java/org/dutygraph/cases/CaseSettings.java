package org.dutygraph.cases;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dutygraph.cases.*}.
 *
 * @param officeUnitIds            the supervision office: inspectors of these units run cases and see all of them
 * @param appealUnitIds            the level above the office: inspectors of these units decide appeals
 * @param investigationWorkingDays default time allowed for an investigation
 * @param appealWorkingDays        how long after notification the person concerned may appeal
 * @param repeatedComplaints       joint responsibility: this many cases from complaints of one situation in one unit
 *                                 within {@code repeatedComplaintsDays} (counting the case decided) extend it to the leaders
 * @param repeatedComplaintsDays   the period of {@code repeatedComplaints}, in days up to the act
 */
@ConfigurationProperties("dutygraph.cases")
public record CaseSettings(
        @DefaultValue List<String> officeUnitIds,
        @DefaultValue List<String> appealUnitIds,
        @DefaultValue("20") int investigationWorkingDays,
        @DefaultValue("10") int appealWorkingDays,
        @DefaultValue("3") int repeatedComplaints,
        @DefaultValue("90") int repeatedComplaintsDays) {}
