package org.dutygraph.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Other features write notifications and renew follows inside their own {@link GraphTransactions} transaction
 * (issue 15 items 3 and 5): what notifications writes commits or rolls back with their change.
 */
class CallersTransactionApiTest extends PushTestSupport {

    @Autowired
    GraphTransactions graph;

    @Autowired
    DeviceRegistry devices;

    @Test
    void aNotificationEnqueuedInTheCallersTransactionRollsBackWithIt_andCommitsWithIt() {
        assertThatThrownBy(() -> graph.write(() -> {
                    notifications.enqueue(NotificationRequest.plain(
                            Recipient.account("staff"), NotificationEvent.ANNOUNCEMENT, "rolled back", "b"));
                    throw new IllegalStateException("the domain change fails after the notification was written");
                }))
                .hasMessageContaining("the domain change fails");
        assertThat(count("Notification")).isZero();
        assertThat(count("PushIntent")).isZero();

        var ids = graph.write(() -> notifications.enqueue(List.of(
                NotificationRequest.plain(Recipient.account("staff"), NotificationEvent.ANNOUNCEMENT, "first", "b"),
                NotificationRequest.plain(Recipient.account("staff"), NotificationEvent.ANNOUNCEMENT, "second", "b"))));
        var inbox = as("staff")
                .post("{ inbox { edges { node { id title } } } }")
                .ok()
                .path("inbox")
                .path("edges");
        assertThat(inbox.valueStream()
                        .map(e -> e.path("node").path("id").asString() + " "
                                + e.path("node").path("title").asString()))
                .containsExactlyInAnyOrder(ids.get(0) + " first", ids.get(1) + " second");
        assertThat(intent(ids.get(0)).get("state")).isEqualTo("pending");
    }

    @Test
    void enqueueingOutsideATransactionIsRefused_andStoresNothing() {
        assertThatThrownBy(() -> notifications.enqueue(NotificationRequest.plain(
                        Recipient.account("staff"), NotificationEvent.ANNOUNCEMENT, "t", "b")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GraphTransactions.write");
        assertThat(count("Notification")).isZero();
        assertThat(count("PushIntent")).isZero();
    }

    @Test
    void aFollowRenewedInTheCallersTransactionRollsBackWithIt_andCommitsWithIt() {
        var follower = Recipient.opaque("test", "case-17");
        var token = newToken("follower");
        var registeredAt = clock.instant();
        devices.register(follower, token, "ANDROID", "fcm", null, registeredAt);
        var later = registeredAt.plus(Duration.ofDays(10));

        assertThatThrownBy(() -> graph.write(() -> {
                    devices.renew(List.of(follower), later);
                    throw new IllegalStateException("the case change fails after renewing its follows");
                }))
                .hasMessageContaining("the case change fails");
        assertThat(lastSeen(token)).isEqualTo(registeredAt.toEpochMilli());

        graph.write(() -> devices.renew(List.of(follower), later));
        assertThat(lastSeen(token)).isEqualTo(later.toEpochMilli());
    }

    private long lastSeen(String token) {
        try (var session = driver.session()) {
            return session.run("MATCH (d:Device {token: $t}) RETURN d.lastSeenAt AS at", Map.of("t", token))
                    .single()
                    .get("at")
                    .asLong();
        }
    }
}
