package org.dutygraph.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 18 item 10: nested lists that can grow without bound take {@code first} (0 to 500; without it up to 500, and
 * a TRUNCATED error at the list's path when more were left out, never a silent cut); a larger
 * value is refused naming the argument, whether the list is a record's property or batch loaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedListsApiTest extends ApiTest {

    private static final String BUNDLE = """
            {"format": "org-bundle/1", "source": {"title": "bounded lists", "date": "2026-11-30"},
             "organizations": [{"id": "bl-gov", "name": "列表测试政府", "classification": "government"}],
             "posts": [{"id": "bl-window", "label": "窗口岗", "organization_id": "bl-gov", "role": "staff"}],
             "persons": [{"id": "bl-p1", "name": "甲"}, {"id": "bl-p2", "name": "乙"}, {"id": "bl-p3", "name": "丙"}],
             "memberships": [
               {"person_id": "bl-p1", "post_id": "bl-window", "start_date": "2019-01-01"},
               {"person_id": "bl-p2", "post_id": "bl-window", "start_date": "2020-01-01"},
               {"person_id": "bl-p3", "post_id": "bl-window", "start_date": "2021-01-01"}]}
            """;

    @BeforeAll
    void bundle() {
        wipeGraph();
        assertThat(importBundle(BUNDLE).path("problems").isEmpty()).isTrue();
    }

    @Test
    void withoutFirstEveryItemUpToTheDefaultBound() {
        var post = as("analyst")
                .post("{ post(id: \"bl-window\") { memberships { startsOn } holders { id } } }")
                .ok()
                .path("post");
        assertThat(post.path("memberships")).hasSize(3);
        assertThat(post.path("holders")).hasSize(3);
    }

    @Test
    void firstBoundsAPropertyListAndABatchLoadedOne() {
        var post = as("analyst")
                .post(
                        "query($n: Int) { post(id: \"bl-window\") { memberships(first: $n) { startsOn } "
                                + "holders(first: $n) { id } } }",
                        Map.of("n", 2))
                .ok()
                .path("post");
        assertThat(post.path("memberships")).hasSize(2);
        assertThat(post.path("holders")).hasSize(2);
        assertThat(as("analyst")
                        .post("{ post(id: \"bl-window\") { memberships(first: 0) { startsOn } } }")
                        .ok()
                        .path("post")
                        .path("memberships"))
                .isEmpty();
    }

    @Test
    void withoutFirstALongerListIsCutAt500WithAnErrorNeverSilently() {
        var people = new StringBuilder();
        var memberships = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            people.append(i == 0 ? "" : ",")
                    .append("{\"id\": \"bl-many-p")
                    .append(i)
                    .append("\", \"name\": \"人")
                    .append(i)
                    .append("\"}");
            memberships
                    .append(i == 0 ? "" : ",")
                    .append("{\"person_id\": \"bl-many-p")
                    .append(i)
                    .append("\", \"post_id\": \"bl-many\", \"start_date\": \"2020-01-01\"}");
        }
        var bundle = """
                {"format": "org-bundle/1", "source": {"title": "a long list", "date": "2026-11-30"},
                 "organizations": [{"id": "bl-many-gov", "name": "长列表测试政府", "classification": "government"}],
                 "posts": [{"id": "bl-many", "label": "大厅岗", "organization_id": "bl-many-gov", "role": "staff"}],
                 "persons": [%s], "memberships": [%s]}
                """.formatted(people, memberships);
        assertThat(importBundle(bundle).path("problems").isEmpty()).isTrue();

        var cut = as("analyst").post("{ post(id: \"bl-many\") { memberships { startsOn } } }");
        assertThat(cut.data().path("post").path("memberships")).hasSize(500);
        assertThat(cut.errors()).hasSize(1);
        var error = cut.errors().get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("TRUNCATED");
        assertThat(error.path("path").toString()).isEqualTo("[\"post\",\"memberships\"]");
        assertThat(error.path("message").asString()).contains("500");

        var asked = as("analyst").post("{ post(id: \"bl-many\") { memberships(first: 500) { startsOn } } }");
        assertThat(asked.errors()).isEmpty();
        assertThat(asked.data().path("post").path("memberships")).hasSize(500);
    }

    @Test
    void moreThan500OrLessThan0IsRefusedNamingTheArgumentAndWhere() {
        for (int first : new int[] {501, -1}) {
            var errors = as("analyst")
                    .post(
                            "query($n: Int) { post(id: \"bl-window\") { memberships(first: $n) { startsOn } } }",
                            Map.of("n", first))
                    .errors();
            assertThat(errors).hasSize(1);
            var error = errors.get(0);
            assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
            assertThat(error.path("extensions").path("field").asString()).isEqualTo("first");
            assertThat(error.path("path").toString()).isEqualTo("[\"post\",\"memberships\"]");
            assertThat(error.path("message").asString()).contains("500");
        }
    }
}
