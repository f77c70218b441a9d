package org.dutygraph.appraisal.engine;

import java.math.BigDecimal;
import java.util.List;

/** What a scheme reads for a subject in the period being computed; null where there is nothing. */
public interface Sources {

    BigDecimal input(String subjectId, String code);

    /** The final score, under {@code schemeId} in the same period, of the unit the source names for this subject. */
    default BigDecimal linked(String subjectId, String source, String schemeId) {
        return null;
    }

    /** The same for a LINKED indicator, which may name a level (its {@code classification}); null when that unit is not assessed. */
    default BigDecimal linked(String subjectId, Scheme.Node link) {
        return linked(subjectId, link.source(), link.scheme());
    }

    /** The group a forced distribution ranks the subject in ("" for the whole population). */
    default String distributionGroup(String subjectId, Scheme.Grouping grouping) {
        return "";
    }

    /** The subject's own final score under {@code schemeId} in a part of the period. */
    BigDecimal partScore(String subjectId, String schemeId, Period part);

    String partGrade(String subjectId, String schemeId, Period part);

    /** Another scheme in force for the period (for eligibility over its grades); null if none. */
    Scheme scheme(String schemeId);

    /** The subject's grades under the scheme in the {@code years} years before the period's year (none by default). */
    default List<String> pastGrades(String subjectId, String schemeId, int years) {
        return List.of();
    }

    /** Events whose effect spans the period (an event of month M with n months runs M to M+n-1); by default those of the period. */
    default List<String> eventsInEffect(String subjectId) {
        return events(subjectId);
    }

    /** Events recorded for the subject in the period (SERIOUS_COMPLAINT, DISCIPLINARY_CASE, VIOLATION, ...). */
    List<String> events(String subjectId);
}
