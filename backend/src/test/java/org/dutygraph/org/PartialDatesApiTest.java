package org.dutygraph.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 18 item 8: the org graph's dates are PartialDate fields, at the precision the bundle gave (a year, a month
 * or a day), beside the deprecated String fields carrying the same values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartialDatesApiTest extends ApiTest {

    private static final String BUNDLE = """
            {"format": "org-bundle/1", "source": {"title": "partial dates", "date": "2026-11-30"},
             "organizations": [
               {"id": "pd-gov", "name": "日期测试政府", "classification": "government", "founding_date": "1949"},
               {"id": "pd-old", "name": "已撤销局", "classification": "department", "parent_id": "pd-gov",
                "status": "dissolved", "founding_date": "1983-06", "dissolution_date": "2018-03-21"}],
             "posts": [
               {"id": "pd-head", "label": "局长", "organization_id": "pd-gov", "role": "head",
                "start_date": "2001-07"}],
             "persons": [{"id": "pd-p1", "name": "张三"}],
             "memberships": [{"person_id": "pd-p1", "post_id": "pd-head", "start_date": "2015",
                              "end_date": "2020-01-15"}]}
            """;

    @BeforeAll
    void bundle() {
        wipeGraph();
        var imported = importBundle(BUNDLE);
        assertThat(imported.path("problems").isEmpty()).isTrue();
        assertThat(imported.path("errors").isEmpty())
                .as("a stored bundle answers no errors")
                .isTrue();
    }

    @Test
    void unitDatesKeepTheirPrecisionAndMatchTheDeprecatedStrings() {
        var old = as("analyst").post("""
                { unit(id: "pd-old") { foundingDate dissolutionDate foundedOn dissolvedOn } }""").ok().path("unit");
        assertThat(old.path("foundedOn").asString())
                .isEqualTo("1983-06")
                .isEqualTo(old.path("foundingDate").asString());
        assertThat(old.path("dissolvedOn").asString())
                .isEqualTo("2018-03-21")
                .isEqualTo(old.path("dissolutionDate").asString());
        var gov = as("analyst")
                .post("{ unit(id: \"pd-gov\") { foundedOn dissolvedOn } }")
                .ok()
                .path("unit");
        assertThat(gov.path("foundedOn").asString()).isEqualTo("1949");
        assertThat(gov.path("dissolvedOn").isNull()).isTrue();
    }

    @Test
    void postAndMembershipDatesKeepTheirPrecision() {
        var post = as("analyst").post("""
                { post(id: "pd-head") { startDate startsOn endsOn
                    memberships { startDate startsOn endDate endsOn } } }""").ok().path("post");
        assertThat(post.path("startsOn").asString())
                .isEqualTo("2001-07")
                .isEqualTo(post.path("startDate").asString());
        assertThat(post.path("endsOn").isNull()).isTrue();
        var membership = post.path("memberships").get(0);
        assertThat(membership.path("startsOn").asString()).isEqualTo("2015");
        assertThat(membership.path("endsOn").asString())
                .isEqualTo("2020-01-15")
                .isEqualTo(membership.path("endDate").asString());
    }
}
