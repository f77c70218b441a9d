package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo city gets a catalogue and three cases, once; the demo clerk sees the one decided against them. */
class CaseDemoDataApiTest extends ApiTest {

    @Autowired
    SituationCatalogues catalogues;

    @Autowired
    CaseOpenings openings;

    @Autowired
    CaseProcedure procedure;

    @Autowired
    CaseReads reads;

    @Autowired
    Clock appClock;

    @Test
    void theDemoCityHasACatalogueAndAFewCases_loadedOnce() {
        wipeGraph();
        var imported = importBundle(resource("demo/qingshan-city.bundle.json"));
        assertThat(imported.path("problems").isEmpty()).isTrue();
        var demo = new CaseDemoData(catalogues, openings, procedure, reads, appClock);

        demo.load();
        demo.load();

        var cases = as("inspector")
                .post("{ accountabilityCases(first: 50) { edges { node { status person { id } } } } }")
                .ok()
                .path("accountabilityCases")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node").path("status").asString())
                .toList();
        assertThat(cases).containsExactlyInAnyOrder("REGISTERED", "INVESTIGATING", "NOTIFIED");
        var mine = as("staff")
                .post("{ myAccountabilityCases(first: 50) { edges { node { status post { id } appealDueAt } } } }")
                .ok()
                .path("myAccountabilityCases")
                .path("edges");
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.path(0).path("node").path("status").asString()).isEqualTo("NOTIFIED");
        assertThat(mine.path(0).path("node").path("post").path("id").asString()).isEqualTo("fgw-bgs-1");
        var items = as("inspector")
                .post("{ unitAccountabilityItems(unitId: \"fgw-jg\") { edges { node { items { because } } } } }")
                .ok()
                .path("unitAccountabilityItems")
                .path("edges");
        assertThat(items.valueStream()
                        .mapToInt(e -> e.path("node").path("items").size())
                        .sum())
                .as("demo duties bind")
                .isPositive();
    }
}
