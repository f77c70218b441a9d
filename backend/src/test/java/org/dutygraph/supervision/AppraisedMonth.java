package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dutygraph.support.GraphQl;

/** The appraisal of 2026 recomputed, then a scheme's assessed subjects in one month as "subject score grade". */
final class AppraisedMonth {

    private AppraisedMonth() {}

    static List<String> recomputedAndRead(GraphQl appraiser, String schemeId, String period) {
        var job = appraiser
                .post("mutation { recomputeAppraisal(input: {year: 2026, waitSeconds: 60}) { job { status } } }")
                .ok()
                .path("recomputeAppraisal")
                .path("job");
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        return appraiser
                .post("{ appraisalResults(schemeId: \"" + schemeId + "\", year: 2026, first: 10) { edges { node {"
                        + " subjectId periods(period: \"" + period + "\") { assessed publishedScore grade } } } } }")
                .ok()
                .path("appraisalResults")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node"))
                .filter(n -> n.path("periods").path(0).path("assessed").asBoolean())
                .map(n -> n.path("subjectId").asString() + " "
                        + n.path("periods").path(0).path("publishedScore").asString() + " "
                        + n.path("periods").path(0).path("grade").asString())
                .toList();
    }
}
