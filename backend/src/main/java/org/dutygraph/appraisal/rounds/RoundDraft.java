package org.dutygraph.appraisal.rounds;

import java.time.OffsetDateTime;
import java.util.List;

/** A round as an appraiser asks to open it (OpenRatingRoundInput), before any check. */
public record RoundDraft(
        String title,
        String schemeId,
        String period,
        String indicatorCode,
        Subjects subjects,
        List<Group> groups,
        List<String> questions,
        List<ScaleOption> scale,
        OffsetDateTime opensAt,
        OffsetDateTime closesAt) {

    /** Exactly one of them: the scheme's population, or explicit ids. */
    public record Subjects(Boolean fromScheme, List<String> ids) {}

    public record Group(
            String name,
            String label,
            String weight,
            RaterRelation relation,
            List<String> unitIds,
            List<String> personIds) {}

    public record ScaleOption(String label, String points) {}
}
