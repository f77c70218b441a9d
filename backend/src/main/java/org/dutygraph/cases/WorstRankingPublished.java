package org.dutygraph.cases;

import java.time.LocalDate;

/**
 * Recorded by appraisal for each unit on a citizens' worst-ranking (最难办事科室) when the ranking is published, in the
 * publication's transaction. Declared here for the same reason as {@link AppraisalSanctionRecorded}. Links the ranking
 * by id; copies none of its ballots.
 *
 * @param actDate the ranked period's last day, at the latest the publication day
 */
public record WorstRankingPublished(String rankingId, String period, String unitId, int rank, LocalDate actDate) {}
