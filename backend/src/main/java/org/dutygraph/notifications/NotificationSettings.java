package org.dutygraph.notifications;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dutygraph.notifications.*}.
 *
 * @param dispatcher when and how much the outbox dispatcher sends
 * @param retry      how failed pushes are retried before they become dead letters
 * @param devices    when unrefreshed tokens stop getting pushes and when they are deleted
 * @param fcm        Firebase Cloud Messaging; without a project id pushes go to a recording provider
 */
@ConfigurationProperties("dutygraph.notifications")
public record NotificationSettings(
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue Retry retry,
        @DefaultValue Devices devices,
        @DefaultValue Fcm fcm) {

    /**
     * @param enabled      run the dispatcher loop in this instance (several instances may run one each)
     * @param pollInterval pause between outbox polls when the last one found nothing due
     * @param batchSize    pushes claimed per poll
     * @param lease        how long a claim lasts; pushes of a dispatcher that died are claimed again after it
     */
    public record Dispatcher(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("2m") Duration lease) {}

    /**
     * Full-jitter exponential backoff: attempt n waits a random time below min(max, initial * 2^(n-1)).
     *
     * @param maxAttempts    attempts before a push becomes a dead letter
     * @param initialBackoff the wait bound of the first retry
     * @param maxBackoff     the largest wait bound of any retry
     */
    public record Retry(
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("1h") Duration maxBackoff) {}

    /**
     * @param staleAfter  a device token not refreshed for this long gets no more pushes
     * @param deleteAfter a device token not refreshed for this long is deleted
     */
    public record Devices(
            @DefaultValue("30d") Duration staleAfter,
            @DefaultValue("270d") Duration deleteAfter) {}

    /**
     * @param projectId       the Firebase project; FCM is used only when it is set
     * @param credentialsFile a service-account JSON file; without one, application default credentials
     * @param endpoint        base URL replacing https://fcm.googleapis.com (a proxy that signs requests
     *                        itself, or a local fake); requests to it carry no Google credentials
     */
    public record Fcm(String projectId, String credentialsFile, String endpoint) {

        public boolean configured() {
            return projectId != null && !projectId.isBlank();
        }
    }
}
