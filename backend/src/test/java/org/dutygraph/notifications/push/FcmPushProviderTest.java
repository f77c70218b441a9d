package org.dutygraph.notifications.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dutygraph.notifications.NotificationSettings;
import org.junit.jupiter.api.Test;

/** The real SDK against endpoints that refuse connections; the answers of a live fake are covered by the API tests. */
class FcmPushProviderTest {

    @Test
    void aRefusedConnectionIsRetriedLater() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var app = FcmConfiguration.app(
                new NotificationSettings.Fcm("dutygraph-test", null, "http://127.0.0.1:" + closedPort));
        try {
            var outcomes = FcmConfiguration.provider(app)
                    .send(List.of(new PushMessage("token-1", PushPayload.sensitive("m-1", "n-1"))));
            assertThat(outcomes).hasSize(1);
            assertThat(outcomes.get(0).status()).isEqualTo(PushOutcome.Status.RETRY);
            assertThat(outcomes.get(0).error()).startsWith("network");
        } finally {
            app.delete();
        }
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADate() {
        var now = Instant.parse("2026-03-02T01:00:00Z");
        assertThat(FcmPushProvider.retryAfter(List.of("30"), now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(FcmPushProvider.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now))
                .isEqualTo(Duration.ZERO);
        assertThat(FcmPushProvider.retryAfter("Mon, 02 Mar 2026 01:01:30 GMT", now))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(FcmPushProvider.retryAfter(null, now)).isNull();
        assertThat(FcmPushProvider.retryAfter("soon", now)).isNull();
    }
}
