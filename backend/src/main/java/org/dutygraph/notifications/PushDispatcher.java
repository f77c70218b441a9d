package org.dutygraph.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.micrometer.core.instrument.MeterRegistry;
import org.dutygraph.notifications.push.PushMessage;
import org.dutygraph.notifications.push.PushOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: claims due intents, sends one message per target device through its channel,
 * and records what happened. At least once: a crash after a send and before the record makes the
 * intent due again when its lease ends, and the app drops the repeat by its message id. Several
 * instances may each run a dispatcher; claims never overlap.
 */
@Component
public class PushDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PushDispatcher.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final PushOutbox outbox;
    private final PushChannels channels;
    private final DeviceRegistry devices;
    private final NotificationSettings settings;
    private final RetryPolicy retry;
    private final MeterRegistry meters;
    private final String claimId = "dispatcher-" + UUID.randomUUID();
    private volatile Thread loop;
    private volatile boolean running;
    private Instant lastPurge = Instant.EPOCH;

    PushDispatcher(PushOutbox outbox, PushChannels channels, DeviceRegistry devices, NotificationSettings settings,
                   MeterRegistry meters) {
        this.outbox = outbox;
        this.channels = channels;
        this.devices = devices;
        this.settings = settings;
        this.meters = meters;
        this.retry = new RetryPolicy(settings.retry(), ThreadLocalRandom.current());
    }

    /** Sends one batch of the intents due at {@code now}; returns how many were claimed. */
    public int dispatchDue(Instant now) {
        var claimed = outbox.claim(claimId, now, settings.dispatcher().lease(), settings.dispatcher().batchSize(),
                now.minus(settings.devices().staleAfter()));
        if (claimed.isEmpty()) {
            return 0;
        }
        var outcomes = send(claimed);
        var results = new ArrayList<PushOutbox.Result>(claimed.size());
        var goneTokens = new HashSet<String>();
        for (var push : claimed) {
            results.add(result(push, outcomes, goneTokens, now));
        }
        int recorded = outbox.record(claimId, results, now);
        if (recorded < results.size()) {
            log.warn("{} pushes were claimed again by another dispatcher before their results were recorded",
                    results.size() - recorded);
        }
        devices.delete(goneTokens);
        return claimed.size();
    }

    /** Deletes devices not seen for {@code devices.delete-after}; returns how many. */
    public int purgeDevices(Instant now) {
        lastPurge = now;
        return devices.deleteUnseenSince(now.minus(settings.devices().deleteAfter()));
    }

    /** One outcome per (intent, target), keyed "intentId target". */
    private Map<String, PushOutcome> send(List<PushOutbox.ClaimedPush> claimed) {
        var byChannel = new LinkedHashMap<String, List<String>>();
        var messages = new HashMap<String, List<PushMessage>>();
        for (var push : claimed) {
            for (var target : push.targets()) {
                var channel = target.substring(0, target.indexOf(':'));
                byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(push.id() + " " + target);
                messages.computeIfAbsent(channel, c -> new ArrayList<>())
                        .add(new PushMessage(target.substring(channel.length() + 1), push.payload()));
            }
        }
        var outcomes = new HashMap<String, PushOutcome>();
        byChannel.forEach((channel, keys) -> {
            var provider = channels.provider(channel);
            var sent = provider.isPresent() ? provider.get().send(messages.get(channel))
                    : keys.stream().map(k -> PushOutcome.rejected("no provider for channel " + channel)).toList();
            for (int i = 0; i < keys.size(); i++) {
                outcomes.put(keys.get(i), sent.get(i));
                meters.counter("dutygraph.push.messages", "channel", channel, "outcome",
                        sent.get(i).status().name().toLowerCase()).increment();
            }
        });
        return outcomes;
    }

    private PushOutbox.Result result(PushOutbox.ClaimedPush push, Map<String, PushOutcome> outcomes,
                                     HashSet<String> goneTokens, Instant now) {
        var again = new ArrayList<String>();
        int delivered = 0;
        String error = null;
        Duration retryAfter = null;
        boolean rejected = false;
        for (var target : push.targets()) {
            var outcome = outcomes.get(push.id() + " " + target);
            switch (outcome.status()) {
                case DELIVERED -> delivered++;
                case TOKEN_GONE -> goneTokens.add(target.substring(target.indexOf(':') + 1));
                case REJECTED -> rejected = true;
                case RETRY -> {
                    again.add(target);
                    if (outcome.retryAfter() != null && (retryAfter == null || outcome.retryAfter().compareTo(retryAfter) > 0)) {
                        retryAfter = outcome.retryAfter();
                    }
                }
            }
            if (outcome.error() != null) {
                error = outcome.error();
            }
        }
        long due = now.toEpochMilli();
        if (!again.isEmpty()) {
            if (retry.exhausted(push.attempts())) {
                log.warn("Push {} is a dead letter after {} attempts: {}", push.id(), push.attempts(), error);
                return new PushOutbox.Result(push.id(), "dead", due, again, error);
            }
            return new PushOutbox.Result(push.id(), "pending", now.plus(retry.delay(push.attempts(), retryAfter)).toEpochMilli(),
                    again, error);
        }
        if (delivered > 0) {
            return new PushOutbox.Result(push.id(), "sent", due, List.of(), error);
        }
        if (rejected) {
            log.warn("Push {} is a dead letter, refused by the provider: {}", push.id(), error);
            return new PushOutbox.Result(push.id(), "dead", due, List.of(), error);
        }
        return new PushOutbox.Result(push.id(), "skipped", due, List.of(), push.targets().isEmpty() ? "no current device" : error);
    }

    private void runLoop() {
        var interval = settings.dispatcher().pollInterval();
        while (running) {
            try {
                var now = Instant.now();
                if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) > 0) {
                    purgeDevices(now);
                }
                if (dispatchDue(now) < settings.dispatcher().batchSize()) {
                    Thread.sleep(interval.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database may be briefly unavailable (restart, leader switch): keep polling.
                log.warn("Push dispatch failed; retrying in {}", interval, e);
                try {
                    Thread.sleep(Math.max(1000, interval.toMillis()));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        if (!settings.dispatcher().enabled() || running) {
            return;
        }
        running = true;
        loop = new Thread(this::runLoop, "push-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        var thread = loop;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the database and web server, stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
