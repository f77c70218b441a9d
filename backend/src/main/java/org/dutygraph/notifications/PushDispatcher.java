package org.dutygraph.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.dutygraph.notifications.push.PushMessage;
import org.dutygraph.notifications.push.PushOutcome;
import org.dutygraph.platform.jobs.JobLeases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: claims due intents, sends one message per target device through its channel,
 * and records each message's outcome as soon as it is answered, while a heartbeat renews the claim. At
 * least once: a crash repeats only the messages sent and not yet recorded (at most one batch), and the
 * app drops a repeat by its message id. Several instances may each run a dispatcher; claims never overlap.
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
    private final LeaseHeartbeat heartbeat;
    private final Clock clock;
    private volatile JobLeases leases;
    private volatile Thread loop;
    private volatile boolean running;
    private volatile boolean sending;
    private Instant lastPurge = Instant.EPOCH;

    PushDispatcher(
            PushOutbox outbox,
            PushChannels channels,
            DeviceRegistry devices,
            NotificationSettings settings,
            MeterRegistry meters,
            Clock clock) {
        this.outbox = outbox;
        this.channels = channels;
        this.devices = devices;
        this.settings = settings;
        this.meters = meters;
        this.retry = new RetryPolicy(settings.retry(), ThreadLocalRandom.current());
        this.heartbeat =
                new LeaseHeartbeat(outbox, claimId, settings.dispatcher().lease());
        this.clock = clock;
    }

    /** One message of the batch: an intent and one of its "channel:token" targets. */
    private record Target(String intentId, String target) {}

    /** One answered message. */
    private record Answer(String intentId, String target, String channel, PushOutcome outcome, Instant at) {}

    /**
     * Sends one batch of the intents due at {@code now}; returns how many were claimed. Answers are timed
     * on a clock that starts at {@code now} and runs at real speed, so Retry-After counts from the answer.
     */
    public int dispatchDue(Instant now) {
        long started = System.nanoTime();
        LeaseHeartbeat.Clock clock = () -> now.plusNanos(System.nanoTime() - started);
        var claimed = outbox.claim(
                claimId,
                now,
                settings.dispatcher().lease(),
                settings.dispatcher().batchSize(),
                now.minus(settings.devices().staleAfter()));
        if (claimed.isEmpty()) {
            return 0;
        }
        var progress = new BatchProgress(claimed, retry, now);
        sending = true;
        try (var beat = heartbeat.keep(progress::unfinished, clock)) {
            deliver(claimed, progress, clock);
        } finally {
            sending = false;
        }
        return claimed.size();
    }

    /** Deletes devices not seen for {@code devices.delete-after}; returns how many. */
    public int purgeDevices(Instant now) {
        lastPurge = now;
        return devices.deleteUnseenSince(now.minus(settings.devices().deleteAfter()));
    }

    /**
     * Starts every message of the batch, then records answers as they come: whatever has been answered
     * while the previous write ran goes into the next one, so writes keep pace with a fast provider.
     */
    private void deliver(List<PushOutbox.ClaimedPush> claimed, BatchProgress progress, LeaseHeartbeat.Clock clock) {
        var answers = new LinkedBlockingQueue<Answer>();
        int expected = 0;
        var byChannel = new LinkedHashMap<String, List<Target>>();
        for (var push : claimed) {
            for (var target : push.targets()) {
                var channel = target.substring(0, target.indexOf(':'));
                byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(new Target(push.id(), target));
                expected++;
            }
        }
        var payloads = new HashMap<String, PushOutbox.ClaimedPush>();
        claimed.forEach(push -> payloads.put(push.id(), push));
        byChannel.forEach((channel, keys) -> {
            var provider = channels.provider(channel);
            if (provider.isEmpty()) {
                keys.forEach(k -> answers.add(new Answer(
                        k.intentId(),
                        k.target(),
                        channel,
                        PushOutcome.rejected("no provider for channel " + channel),
                        clock.now())));
                return;
            }
            var messages = keys.stream()
                    .map(k -> new PushMessage(
                            k.target().substring(channel.length() + 1),
                            payloads.get(k.intentId()).payloadFor(k.target())))
                    .toList();
            var futures = provider.get().sendEachAsync(messages);
            for (int i = 0; i < keys.size(); i++) {
                var key = keys.get(i);
                futures.get(i)
                        .whenComplete((outcome, failure) -> answers.add(new Answer(
                                key.intentId(),
                                key.target(),
                                channel,
                                outcome != null ? outcome : PushOutcome.retry(null, "send failed: " + failure),
                                clock.now())));
            }
        });
        record(progress);
        var drained = new ArrayList<Answer>();
        var goneTokens = new HashSet<String>();
        try {
            for (int open = expected; open > 0; open -= drained.size()) {
                drained.clear();
                drained.add(answers.take());
                answers.drainTo(drained);
                for (var answer : drained) {
                    progress.answered(answer.intentId(), answer.target(), answer.outcome(), answer.at(), goneTokens);
                    meters.counter(
                                    "dutygraph.push.messages",
                                    "channel",
                                    answer.channel(),
                                    "outcome",
                                    answer.outcome().status().name().toLowerCase())
                            .increment();
                }
                record(progress);
            }
        } catch (InterruptedException e) {
            // Stopping: the unanswered messages stay claimed and are sent again when the lease ends.
            Thread.currentThread().interrupt();
        } finally {
            devices.delete(goneTokens);
        }
    }

    private void record(BatchProgress progress) {
        var changes = progress.changes();
        if (changes.isEmpty()) {
            return;
        }
        int recorded = outbox.record(claimId, changes);
        if (recorded < changes.size()) {
            log.warn(
                    "{} pushes were claimed again by another dispatcher before their results were recorded",
                    changes.size() - recorded);
        }
        progress.recorded(changes);
    }

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void useLeases(JobLeases leases) {
        this.leases = leases;
    }

    /**
     * The latest batch that sent anything, for operators of every instance ({@code /actuator/jobs},
     * {@code push-dispatch}): one small write per batch, none while the outbox is empty.
     */
    private void recordBatch(long started, int claimed) {
        if (leases == null) return;
        try {
            leases.recordFinished(
                    "push-dispatch", leases.outcome(started, null, String.format("a batch of %,d pushes", claimed)));
        } catch (RuntimeException e) {
            log.debug("Could not record the push batch", e);
        }
    }

    private void runLoop() {
        var interval = settings.dispatcher().pollInterval();
        while (running) {
            try {
                var now = clock.instant();
                if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) > 0) {
                    purgeDevices(now);
                }
                long started = System.nanoTime();
                int claimed = dispatchDue(now);
                if (claimed > 0) recordBatch(started, claimed);
                if (claimed < settings.dispatcher().batchSize()) {
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
            try {
                // A batch in flight is let finish (for up to 10 s), so that its answers are recorded and
                // the next instance does not send it again; an idle loop is woken at once.
                if (!sending) {
                    thread.interrupt();
                }
                thread.join(10_000);
                thread.interrupt();
                thread.join(2_000);
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
