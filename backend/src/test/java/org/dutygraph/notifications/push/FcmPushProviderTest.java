package org.dutygraph.notifications.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
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
        var app = FcmConfiguration.app(new NotificationSettings.Fcm("dutygraph-test", null, "http://127.0.0.1:" + closedPort));
        try {
            var outcomes = FcmConfiguration.provider(app).send(List.of(
                    new PushMessage("token-1", PushPayload.sensitive("m-1", "n-1"))));
            assertThat(outcomes).hasSize(1);
            assertThat(outcomes.get(0).status()).isEqualTo(PushOutcome.Status.RETRY);
            assertThat(outcomes.get(0).error()).startsWith("network");
        } finally {
            app.delete();
        }
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADate() {
        assertThat(FcmPushProvider.retryAfter(List.of("30"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(FcmPushProvider.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(FcmPushProvider.retryAfter(null)).isNull();
        assertThat(FcmPushProvider.retryAfter("soon")).isNull();
    }
}
