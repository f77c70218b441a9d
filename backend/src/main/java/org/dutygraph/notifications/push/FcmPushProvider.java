package org.dutygraph.notifications.push;

import com.google.api.core.ApiFuture;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.AndroidNotification;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.SendResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Firebase Cloud Messaging (HTTP v1) through the Admin SDK. The SDK itself retries only 503; this
 * provider only classifies each result and leaves retrying to the dispatcher's policy.
 */
public final class FcmPushProvider implements PushProvider {

    /** sendEach accepts at most this many messages per call. */
    static final int BATCH = 500;

    private final FirebaseMessaging messaging;
    private final Clock clock;

    public FcmPushProvider(FirebaseMessaging messaging, Clock clock) {
        this.messaging = messaging;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "fcm";
    }

    @Override
    public List<PushOutcome> send(List<PushMessage> messages) {
        var outcomes = new ArrayList<PushOutcome>(messages.size());
        for (int from = 0; from < messages.size(); from += BATCH) {
            var chunk = messages.subList(from, Math.min(messages.size(), from + BATCH));
            try {
                messaging
                        .sendEach(chunk.stream().map(FcmPushProvider::message).toList())
                        .getResponses()
                        .forEach(response -> outcomes.add(outcome(response)));
            } catch (FirebaseMessagingException e) {
                var outcome = failure(e);
                chunk.forEach(m -> outcomes.add(outcome));
            }
        }
        return outcomes;
    }

    /** One request per message, as sendEach makes them (same SDK executor), each reported as it is answered. */
    @Override
    public List<CompletableFuture<PushOutcome>> sendEachAsync(List<PushMessage> messages) {
        return messages.stream().map(this::sendAsync).toList();
    }

    private CompletableFuture<PushOutcome> sendAsync(PushMessage push) {
        var outcome = new CompletableFuture<PushOutcome>();
        ApiFuture<String> sent;
        try {
            sent = messaging.sendAsync(message(push));
        } catch (RuntimeException unsendable) {
            return CompletableFuture.completedFuture(PushOutcome.rejected("unsendable: " + unsendable.getMessage()));
        }
        sent.addListener(() -> outcome.complete(answered(sent)), Runnable::run);
        return outcome;
    }

    private PushOutcome answered(ApiFuture<String> sent) {
        try {
            sent.get();
            return PushOutcome.delivered();
        } catch (ExecutionException e) {
            return e.getCause() instanceof FirebaseMessagingException f
                    ? failure(f)
                    : PushOutcome.retry(null, "network: " + e.getCause());
        } catch (InterruptedException | RuntimeException e) {
            return PushOutcome.retry(null, "network: " + e);
        }
    }

    static Message message(PushMessage push) {
        var payload = push.payload();
        var builder = Message.builder().setToken(push.token()).putAllData(payload.data());
        if (payload.dataOnly()) {
            // Data-only messages are delivered to a backgrounded app only with high priority / content-available.
            builder.setAndroidConfig(AndroidConfig.builder()
                            .setPriority(AndroidConfig.Priority.HIGH)
                            .build())
                    .setApnsConfig(ApnsConfig.builder()
                            .putHeader("apns-priority", "5")
                            .setAps(Aps.builder().setContentAvailable(true).build())
                            .build());
        } else {
            builder.setNotification(com.google.firebase.messaging.Notification.builder()
                    .setTitle(payload.title())
                    .setBody(payload.body())
                    .build());
            if (payload.collapseKey() != null) {
                // a newer message of the same key replaces the older one in the tray and on the lock screen
                builder.setAndroidConfig(AndroidConfig.builder()
                                .setCollapseKey(payload.collapseKey())
                                .setPriority(AndroidConfig.Priority.HIGH)
                                .setNotification(AndroidNotification.builder()
                                        .setTag(payload.collapseKey())
                                        .build())
                                .build())
                        .setApnsConfig(ApnsConfig.builder()
                                .putHeader("apns-collapse-id", payload.collapseKey())
                                .putHeader("apns-priority", "10")
                                .setAps(Aps.builder().build())
                                .build());
            }
        }
        return builder.build();
    }

    PushOutcome outcome(SendResponse response) {
        return response.isSuccessful() ? PushOutcome.delivered() : failure(response.getException());
    }

    PushOutcome failure(FirebaseMessagingException e) {
        var code = e.getMessagingErrorCode();
        var http = e.getHttpResponse();
        var reason = (code != null ? code.name() : e.getErrorCode().name()) + ": " + e.getMessage();
        if (code == MessagingErrorCode.UNREGISTERED || code == MessagingErrorCode.SENDER_ID_MISMATCH) {
            return PushOutcome.tokenGone(reason);
        }
        if (http == null) {
            return PushOutcome.retry(null, "network: " + e.getMessage());
        }
        int status = http.getStatusCode();
        if (status == 429 || status >= 500) {
            return PushOutcome.retry(retryAfter(http.getHeaders().get("retry-after"), clock.instant()), reason);
        }
        if (status == 400 && invalidToken(e)) {
            return PushOutcome.tokenGone(reason);
        }
        return PushOutcome.rejected(reason);
    }

    /** FCM answers 400 INVALID_ARGUMENT both for a malformed token and a malformed message; only the text tells. */
    private static boolean invalidToken(FirebaseMessagingException e) {
        var message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("registration token");
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(Object header, Instant now) {
        if (header instanceof List<?> values) {
            header = values.isEmpty() ? null : values.get(0);
        }
        if (header == null) {
            return null;
        }
        var value = header.toString().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                var wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
    }
}
