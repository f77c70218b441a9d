package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14 item 4: events that run past the year end act in the next year too. */
class AppraisalAcrossYearsApiTest extends AppraisalCityCalls {

    @Test
    void
            aTwelveMonthPenaltyFromMarchWithholdsJanuaryAndFebruaryOfTheNextYear_andAWorstRankingFromNovemberBlocksJanuary() {
        var scheme = simple(
                "跨年捆绑",
                Map.of("subjects", List.of("AW-1", "AW-2")),
                List.of(Map.of("code", "y-post", "weight", "100", "input", Map.of())));
        scheme.put("bundledPenaltyEvent", "VIOLATION");
        save("across-bundled", "2037-01", scheme);
        save(
                "across-blocks",
                "2037-01",
                Map.of(
                        "name",
                        "跨年限制提拔",
                        "subject",
                        "UNIT",
                        "period",
                        "MONTH",
                        "population",
                        Map.of("subjects", List.of("adept")),
                        "indicators",
                        List.of(Map.of("code", "y-unit", "weight", "100", "input", Map.of())),
                        "grades",
                        List.of(Map.of("grade", "GOOD", "min", "60"), Map.of("grade", "POOR")),
                        "promotionBlocks",
                        List.of(Map.of("event", "CITIZEN_WORST_RANKED"))));
        for (var month : List.of("2037-12", "2038-01", "2038-02", "2038-03")) {
            enter(month, List.of(List.of("AW-2", "y-post", "95"), List.of("adept", "y-unit", "80")));
        }
        record("AW-1", "2037-03", "VIOLATION", 12);
        record("adept", "2037-11", "CITIZEN_WORST_RANKED", 3);
        recompute(2037);
        recompute(2038);

        var bundled = results("across-bundled", 2037);
        assertThat(bundled.get("AW-2 2037-12").path("payoutMultiplier").asString())
                .isEqualTo("0");
        bundled.putAll(results("across-bundled", 2038));
        for (var month : List.of("2038-01", "2038-02")) {
            var result = bundled.get("AW-2 " + month);
            assertThat(result.path("payoutMultiplier").asString()).as(month).isEqualTo("0");
            assertThat(flags(result)).as(month).contains("BUNDLED_PENALTY:AW-1@2037-03");
        }
        var march = bundled.get("AW-2 2038-03");
        assertThat(march.path("payoutMultiplier").asString()).isEqualTo("1.2");
        assertThat(flags(march)).noneMatch(f -> f.startsWith("BUNDLED_PENALTY"));

        var blocks = results("across-blocks", 2038);
        assertThat(flags(blocks.get("adept 2038-01"))).contains("PROMOTION_BLOCKED:CITIZEN_WORST_RANKED");
        assertThat(flags(blocks.get("adept 2038-02"))).noneMatch(f -> f.startsWith("PROMOTION_BLOCKED"));
    }
}
