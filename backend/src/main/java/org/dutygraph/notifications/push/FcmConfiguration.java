package org.dutygraph.notifications.push;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import org.dutygraph.notifications.NotificationSettings;

/** Builds the Firebase app behind {@link FcmPushProvider} from {@code dutygraph.notifications.fcm.*}. */
public final class FcmConfiguration {

    private FcmConfiguration() {}

    /** A named app of its own, so several application contexts in one JVM never share or clash. */
    public static FirebaseApp app(NotificationSettings.Fcm fcm) {
        var options = FirebaseOptions.builder()
                .setProjectId(fcm.projectId())
                .setCredentials(credentials(fcm))
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000);
        if (fcm.endpoint() != null && !fcm.endpoint().isBlank()) {
            options.setHttpTransport(redirectedTo(fcm.endpoint()));
        }
        return FirebaseApp.initializeApp(options.build(), "dutygraph-" + UUID.randomUUID());
    }

    public static FcmPushProvider provider(FirebaseApp app, Clock clock) {
        return new FcmPushProvider(FirebaseMessaging.getInstance(app), clock);
    }

    /** For tools outside the application context, on the system clock. */
    public static FcmPushProvider provider(FirebaseApp app) {
        return provider(app, Clock.systemUTC());
    }

    private static GoogleCredentials credentials(NotificationSettings.Fcm fcm) {
        try {
            if (fcm.credentialsFile() != null && !fcm.credentialsFile().isBlank()) {
                try (var in = new FileInputStream(fcm.credentialsFile())) {
                    return GoogleCredentials.fromStream(in);
                }
            }
            if (fcm.endpoint() != null && !fcm.endpoint().isBlank()) {
                return new EndpointCredentials();
            }
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read FCM credentials", e);
        }
    }

    /** The SDK's hard-coded https://fcm.googleapis.com, sent to the configured endpoint instead (path kept). */
    private static NetHttpTransport redirectedTo(String endpoint) {
        var base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return new NetHttpTransport.Builder()
                .setConnectionFactory(url -> (HttpURLConnection)
                        URI.create(base + url.getFile()).toURL().openConnection())
                .build();
    }

    /**
     * For an endpoint that needs no Google sign-in (a signing proxy, a local fake). A token that is
     * refreshed rather than fixed, because the SDK refreshes after a 401 and a fixed one fails there.
     */
    private static final class EndpointCredentials extends GoogleCredentials {

        @Override
        public AccessToken refreshAccessToken() {
            // the SDK judges the expiry on its own clock (the system's), not on the application's
            var expires = com.google.api.client.util.Clock.SYSTEM.currentTimeMillis() + 3_600_000;
            return new AccessToken("endpoint-" + UUID.randomUUID(), new Date(expires));
        }
    }
}
