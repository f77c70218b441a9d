package org.dutygraph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.dutygraph.support.FakeFcmServer.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Delivery through the real Firebase Admin SDK to a fake FCM endpoint: which answers are retried, when,
 * which delete the token, and which end as dead letters (max attempts is 3 in tests).
 */
class PushDeliveryApiTest extends PushTestSupport {

    @Autowired
    PushOutbox outbox;

    @Autowired
    PushChannels channels;

    @Autowired
    DeviceRegistry devices;

    @Autowired
    NotificationSettings settings;

    @Test
    void unregisteredDeletesTheTokenAndIsNeverRetried() {
        var gone = registerDevice("staff", newToken("uninstalled"));
        var alive = registerDevice("staff", newToken("current"));
        FCM.script((token, nth) -> token.equals(gone) ? Answer.unregistered() : Answer.ok());
        announce("通知", "内容", "staff");

        dispatchAt(Instant.now());
        assertThat(deviceExists(gone)).isFalse();
        assertThat(deviceExists(alive)).isTrue();
        assertThat(onlyIntent().get("state")).isEqualTo("sent");
        dispatchAt(Instant.now().plus(Duration.ofDays(1)));
        assertThat(FCM.requests(gone)).isOne();
        assertThat(FCM.requests(alive)).isOne();
    }

    @Test
    void badRequestIsADeadLetterAtOnce_andReplayDeliversItOnceFixed() {
        var token = registerDevice("staff", newToken("phone"));
        FCM.script((t, nth) -> Answer.invalidArgument("Invalid JSON payload received. Unknown name \"bogus\""));
        announce("通知", "内容", "staff");

        dispatchAt(Instant.now());
        dispatchAt(Instant.now().plus(Duration.ofHours(2)));
        assertThat(FCM.requests(token)).isOne();
        assertThat(deviceExists(token)).isTrue();
        var dead = as("admin")
                .post("{ deadPushes { edges { node { id state attempts lastError } } } }")
                .ok()
                .path("deadPushes")
                .path("edges");
        assertThat(dead.size()).isOne();
        var push = dead.path(0).path("node");
        assertThat(push.path("state").asString()).isEqualTo("DEAD");
        assertThat(push.path("lastError").asString()).contains("INVALID_ARGUMENT");

        FCM.script((t, nth) -> Answer.ok());
        var replay = as("admin")
                .post(
                        "mutation($ids: [ID!]) { replayPushes(input: {ids: $ids}) { replayed errors { code } } }",
                        Map.of("ids", List.of(push.path("id").asString(), "no-such-push")))
                .ok()
                .path("replayPushes");
        assertThat(replay.path("replayed").asInt()).isOne();
        assertThat(replay.path("errors").path(0).path("code").asString()).isEqualTo("NOT_DEAD");
        dispatchAt(Instant.now());
        assertThat(onlyIntent().get("state")).isEqualTo("sent");
        assertThat(FCM.requests(token)).isEqualTo(2);
        assertThat(FCM.received())
                .extracting(r -> r.messageId())
                .containsOnly(push.path("id").asString());
    }

    @Test
    void anInvalidTokenIsDeleted() {
        var token = registerDevice("staff", newToken("garbled"));
        FCM.script((t, nth) -> Answer.invalidArgument("The registration token is not a valid FCM registration token"));
        announce("通知", "内容", "staff");
        dispatchAt(Instant.now());
        assertThat(deviceExists(token)).isFalse();
        assertThat(onlyIntent().get("state")).isEqualTo("skipped");
    }

    @Test
    void quotaExceededWaitsAtLeastRetryAfter() {
        var token = registerDevice("staff", newToken("phone"));
        FCM.script((t, nth) -> nth == 1 ? Answer.quotaExceeded(120) : Answer.ok());
        announce("通知", "内容", "staff");
        var start = Instant.now();

        dispatchAt(start);
        var intent = onlyIntent();
        assertThat(intent.get("state")).isEqualTo("pending");
        assertThat((Long) intent.get("dueAt"))
                .isGreaterThanOrEqualTo(start.plusSeconds(120).toEpochMilli());
        dispatchAt(start.plusSeconds(119));
        assertThat(FCM.requests(token)).isOne();
        dispatchAt(start.plusSeconds(121));
        assertThat(FCM.requests(token)).isEqualTo(2);
        assertThat(onlyIntent().get("state")).isEqualTo("sent");
    }

    @Test
    void retryAfterCountsFromFcmsAnswer_notFromTheClaim() {
        var token = registerDevice("staff", newToken("phone"));
        FCM.script((t, nth) -> nth == 1 ? Answer.quotaExceeded(5).after(2_000) : Answer.ok());
        announce("通知", "内容", "staff");

        dispatchAt(Instant.now());
        var answeredAt = FCM.answered().get(0).at();
        var intent = onlyIntent();
        assertThat(intent.get("state")).isEqualTo("pending");
        assertThat((Long) intent.get("dueAt"))
                .isGreaterThanOrEqualTo(answeredAt.plusSeconds(5).toEpochMilli());
        dispatchAt(answeredAt.plusSeconds(5).minusMillis(1));
        assertThat(FCM.requests(token)).isOne();
        dispatchAt(answeredAt.plusSeconds(6));
        assertThat(FCM.requests(token)).isEqualTo(2);
        assertThat(onlyIntent().get("state")).isEqualTo("sent");
    }

    @Test
    void unavailableIsRetriedByUs_afterTheSdksOwnRetries() {
        var token = registerDevice("staff", newToken("phone"));
        // The SDK retries 503 four times by itself; the fifth 503 reaches our policy.
        FCM.script((t, nth) -> nth <= 5 ? Answer.unavailable() : Answer.ok());
        announce("通知", "内容", "staff");
        var start = Instant.now();
        dispatchAt(start);
        assertThat(FCM.requests(token)).isEqualTo(5);
        assertThat(onlyIntent().get("state")).isEqualTo("pending");
        // The backoff counts from the last answer, which came after the SDK's own retries (about 7.5 s).
        var answeredAt = FCM.answered().get(FCM.answered().size() - 1).at();
        dispatchAt(answeredAt.plus(settings.retry().initialBackoff()).plusMillis(50));
        assertThat(FCM.requests(token)).isEqualTo(6);
        assertThat(onlyIntent().get("state")).isEqualTo("sent");
    }

    @Test
    void internalErrorsUntilTheLastAttemptMakeADeadLetter_otherDevicesStillGetIt() {
        var broken = registerDevice("staff", newToken("broken"));
        var fine = registerDevice("staff", newToken("fine"));
        FCM.script((t, nth) -> t.equals(broken) ? Answer.internal() : Answer.ok());
        announce("通知", "内容", "staff");
        var now = Instant.now();
        for (int attempt = 0; attempt < 5; attempt++) {
            dispatchAt(now);
            now = now.plus(settings.retry().maxBackoff());
        }
        var intent = onlyIntent();
        assertThat(intent.get("state")).isEqualTo("dead");
        assertThat(intent.get("attempts")).isEqualTo(3L);
        assertThat(FCM.requests(broken)).isEqualTo(3);
        assertThat(FCM.requests(fine)).isOne();
        assertThat(deviceExists(broken)).isTrue();
    }

    @Test
    void staleTokensGetNoPushes_andVeryOldOnesAreDeleted() {
        var fresh = registerDevice("staff", newToken("fresh"));
        var stale = registerDevice("staff", newToken("stale"));
        var ancient = registerDevice("staff", newToken("ancient"));
        var now = Instant.now();
        lastSeen(stale, now.minus(Duration.ofDays(31)));
        lastSeen(ancient, now.minus(Duration.ofDays(271)));
        announce("通知", "内容", "staff");

        dispatchAt(Instant.now());
        assertThat(FCM.received()).extracting(r -> r.token()).containsExactly(fresh);
        assertThat(dispatcher.purgeDevices(now)).isOne();
        assertThat(deviceExists(ancient)).isFalse();
        assertThat(deviceExists(stale)).isTrue();
    }

    @Test
    void twoDispatchersNeverSendTheSameIntentTwice() throws Exception {
        var token = registerDevice("analyst", newToken("phone"));
        FCM.script((t, nth) -> Answer.ok().after(2));
        for (int i = 0; i < 6; i++) {
            announce("通知" + i, "内容", "analyst", "analyst");
        }
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                var requests = new ArrayList<NotificationRequest>();
                for (int i = 0; i < 300; i++) {
                    requests.add(NotificationRequest.plain(
                            Recipient.account("analyst"), NotificationEvent.ANNOUNCEMENT, "t" + i, "b"));
                }
                notifications.enqueue(tx, requests);
            });
        }
        var other = new PushDispatcher(outbox, channels, devices, smallBatches(), new SimpleMeterRegistry(), clock);
        var mine = new PushDispatcher(outbox, channels, devices, smallBatches(), new SimpleMeterRegistry(), clock);
        var pool = Executors.newFixedThreadPool(2);
        var now = Instant.now();
        Callable<Integer> drainOther = () -> drain(other, now);
        Callable<Integer> drainMine = () -> drain(mine, now);
        var claimed = pool.invokeAll(List.of(drainOther, drainMine));
        pool.shutdown();
        assertThat(claimed.get(0).get()).isPositive();
        assertThat(claimed.get(1).get()).isPositive();

        var perMessage =
                FCM.received().stream().collect(Collectors.groupingBy(r -> r.messageId(), Collectors.counting()));
        assertThat(perMessage).hasSize(306);
        assertThat(perMessage.values()).containsOnly(1L);
        assertThat(outbox.countByState()).containsExactly(Map.entry("sent", 306L));
        assertThat(FCM.requests(token)).isEqualTo(306);
    }

    /**
     * Two instances on one store and FCM answering slower than the lease: the claim is renewed while its
     * batch is sent, so the idle instance never takes it over, and every message goes out once.
     */
    @Test
    void twoDispatchersAndFcmSlowerThanTheLeaseSendEachMessageOnce() throws Exception {
        var phones = List.of(
                registerDevice("inspector", newToken("phone")), registerDevice("inspector", newToken("tablet")));
        FCM.script((t, nth) -> Answer.ok().after(3_000));
        int intents = 15;
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                var requests = new ArrayList<NotificationRequest>();
                for (int i = 0; i < intents; i++) {
                    requests.add(NotificationRequest.plain(
                            Recipient.account("inspector"), NotificationEvent.ANNOUNCEMENT, "t" + i, "b"));
                }
                notifications.enqueue(tx, requests);
            });
        }
        var d = settings.dispatcher();
        var shortLease = new NotificationSettings(
                new NotificationSettings.Dispatcher(false, d.pollInterval(), 5, Duration.ofSeconds(2)),
                settings.retry(),
                settings.devices(),
                settings.fcm());
        var first = new PushDispatcher(outbox, channels, devices, shortLease, new SimpleMeterRegistry(), clock);
        var second = new PushDispatcher(outbox, channels, devices, shortLease, new SimpleMeterRegistry(), clock);
        var pool = Executors.newFixedThreadPool(2);
        var deadline = Instant.now().plusSeconds(40);
        Callable<Integer> pollFirst = () -> pollUntilSettled(first, deadline, 0);
        Callable<Integer> pollSecond = () -> pollUntilSettled(second, deadline, 500);
        var claimed = pool.invokeAll(List.of(pollFirst, pollSecond));
        pool.shutdown();

        var perMessage = FCM.received().stream()
                .collect(Collectors.groupingBy(r -> r.messageId() + " " + r.token(), Collectors.counting()));
        long duplicates = perMessage.values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf(
                "Two dispatchers, lease 2 s, FCM answering in 3 s: %d messages, %d claims, %d duplicates%n",
                perMessage.size(), claimed.get(0).get() + claimed.get(1).get(), duplicates);
        assertThat(perMessage).hasSize(intents * phones.size());
        assertThat(duplicates).isZero();
        assertThat(claimed.get(0).get() + claimed.get(1).get()).isEqualTo(intents);
        assertThat(outbox.countByState()).containsExactly(Map.entry("sent", (long) intents));
    }

    /** Dispatches whatever is due now, again and again, until no intent is pending or claimed. */
    private int pollUntilSettled(PushDispatcher dispatcher, Instant deadline, long startAfterMillis)
            throws InterruptedException {
        Thread.sleep(startAfterMillis);
        int total = 0;
        while (Instant.now().isBefore(deadline)) {
            int claimed = dispatcher.dispatchDue(Instant.now());
            total += claimed;
            if (claimed == 0) {
                var states = outbox.countByState();
                if (states.getOrDefault("pending", 0L) + states.getOrDefault("claimed", 0L) == 0) {
                    return total;
                }
                Thread.sleep(100);
            }
        }
        return total;
    }

    private NotificationSettings smallBatches() {
        var d = settings.dispatcher();
        return new NotificationSettings(
                new NotificationSettings.Dispatcher(false, d.pollInterval(), 20, d.lease()),
                settings.retry(),
                settings.devices(),
                settings.fcm());
    }

    private static int drain(PushDispatcher dispatcher, Instant now) {
        int total = 0;
        for (int claimed; (claimed = dispatcher.dispatchDue(now)) > 0; ) {
            total += claimed;
        }
        return total;
    }

    private void lastSeen(String token, Instant at) {
        try (var session = driver.session()) {
            session.run(
                            "MATCH (d:Device {token: $t}) SET d.lastSeenAt = $at",
                            Map.of("t", token, "at", at.toEpochMilli()))
                    .consume();
        }
    }
}
