package org.dutygraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 9: query root fields are nullable, so a failure on one (FORBIDDEN, bad input) nulls that field
 * only and its siblings answer; before, one failing non-null root nulled the whole response.
 */
class PartialDataApiTest extends ApiTest {

    /** The app's Inbox document: a refused page of the inbox keeps the unread count on the badge. */
    private static final String INBOX = """
            query Inbox($unreadOnly: Boolean, $first: Int, $after: String) {
              unreadNotificationCount
              inbox(unreadOnly: $unreadOnly, first: $first, after: $after) {
                edges { cursor node { id kind title body sensitive subjectKind subjectId createdAt readAt } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    @Test
    void aRefusedInboxPageLeavesTheUnreadCountStanding() {
        var response = as("staff").post(INBOX, Map.of("first", 10, "after", "not-a-cursor-of-ours"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().path("unreadNotificationCount").isInt()).isTrue();
        assertThat(response.data().has("inbox")).isTrue();
        assertThat(response.data().path("inbox").isNull()).isTrue();
        assertThat(response.errors()).hasSize(1);
        assertThat(response.errors().get(0).path("path").path(0).asString()).isEqualTo("inbox");
        assertThat(response.firstErrorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void aForbiddenRootFieldNullsOnlyItself() {
        var response = as("staff").post("{ unreadNotificationCount analysisJob(id: \"any\") { id } }");
        assertThat(response.data().path("unreadNotificationCount").isInt()).isTrue();
        assertThat(response.data().path("analysisJob").isNull()).isTrue();
        assertThat(response.errors()).hasSize(1);
        assertThat(response.firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(response.errors().get(0).path("path").path(0).asString()).isEqualTo("analysisJob");
    }
}
