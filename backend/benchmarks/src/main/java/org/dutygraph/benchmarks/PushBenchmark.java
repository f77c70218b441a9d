package org.dutygraph.benchmarks;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.notifications.NotificationEvent;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.NotificationSettings;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.notifications.PushOutbox;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.notifications.push.FcmConfiguration;
import org.dutygraph.notifications.push.PushMessage;
import org.dutygraph.notifications.push.PushOutcome;
import org.dutygraph.notifications.push.PushPayload;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.support.FakeFcmServer;
import org.neo4j.driver.Driver;

/**
 * The push benchmark. Baseline: the same number of messages sent straight through the Firebase Admin
 * SDK to a local fake FCM, no outbox. Then the real path: notifications enqueued in domain-sized write
 * transactions, delivered by the running dispatcher through the SDK to the same fake. Prints both
 * times, their ratio, and checks that every message arrived exactly once and every intent is marked sent.
 */
final class PushBenchmark implements Benchmark {

    static final double TARGET_SECONDS = 60;

    private final PrintStream out;

    PushBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public int run(Map<String, String> options) throws Exception {
        int count = Integer.parseInt(options.getOrDefault("notifications", "10000"));
        int perTransaction = Integer.parseInt(options.getOrDefault("per-transaction", "100"));
        long latency = Long.parseLong(options.getOrDefault("fcm-latency-ms", "0"));
        try (var fcm = new FakeFcmServer()) {
            fcm.script((token, nth) -> FakeFcmServer.Answer.ok().after(latency));
            double direct = direct(fcm, count);
            fcm.reset();
            fcm.script((token, nth) -> FakeFcmServer.Answer.ok().after(latency));
            out.printf("BASELINE %d messages straight through the SDK: %.2f s%n", count, direct);

            var store = BenchmarkSupport.tempDirectory("dutygraph-push-bench");
            try (var context = BenchmarkSupport.start(
                    store,
                    "256m",
                    "--dutygraph.notifications.fcm.project-id=benchmark",
                    "--dutygraph.notifications.fcm.endpoint=" + fcm.endpoint())) {
                var driver = context.getBean(Driver.class);
                BenchmarkSupport.registerDevices(driver, "bench", count);
                var notifications = context.getBean(Notifications.class);
                var outbox = context.getBean(PushOutbox.class);
                var started = System.nanoTime();
                enqueue(context.getBean(GraphTransactions.class), notifications, count, perTransaction);
                double enqueued = (System.nanoTime() - started) / 1e9;
                var deadline = Instant.now().plus(Duration.ofMinutes(10));
                while (outbox.countByState().getOrDefault("sent", 0L) < count
                        && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }
                double total = (System.nanoTime() - started) / 1e9;
                var ids = new HashSet<String>();
                fcm.received().forEach(r -> ids.add(r.messageId()));
                var states = outbox.countByState();
                out.printf(
                        "OUTBOX %d notifications (%d per transaction): enqueued in %.2f s, all delivered after %.2f s "
                                + "(target %.0f s, ratio to target %.2f)%n",
                        count, perTransaction, enqueued, total, TARGET_SECONDS, total / TARGET_SECONDS);
                out.printf(
                        "RATIO outbox/direct %.2f (durable intents, claims and state writes on top of the same sends)%n",
                        total / direct);
                int repeats = fcm.received().size() - ids.size();
                out.printf(
                        "CHECK distinct message ids at FCM %d of %d, requests %d, repeats %d, intents by state %s%n",
                        ids.size(), count, fcm.received().size(), repeats, states);
                boolean ok = ids.size() == count
                        && repeats == 0
                        && states.getOrDefault("sent", 0L) == count
                        && total <= TARGET_SECONDS;
                out.println(ok ? "PASS" : "FAIL");
                return ok ? 0 : 1;
            }
        }
    }

    private static double direct(FakeFcmServer fcm, int count) {
        var app = FcmConfiguration.app(new NotificationSettings.Fcm("benchmark", null, fcm.endpoint()));
        try {
            var provider = FcmConfiguration.provider(app);
            var messages = new ArrayList<PushMessage>(count);
            for (int i = 0; i < count; i++) {
                var id = UUID.randomUUID().toString();
                messages.add(new PushMessage(
                        "bench-token-" + i, PushPayload.visible(id, id, "BENCHMARK", null, null, "通知 " + i, "基准测试消息")));
            }
            var started = System.nanoTime();
            var outcomes = provider.send(messages);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (outcomes.stream().anyMatch(o -> o.status() != PushOutcome.Status.DELIVERED)) {
                throw new IllegalStateException("The baseline lost messages");
            }
            return seconds;
        } finally {
            app.delete();
        }
    }

    /** As features enqueue: in their own write transaction (GraphTransactions), perTransaction at a time. */
    private static void enqueue(GraphTransactions graph, Notifications notifications, int count, int perTransaction) {
        for (int from = 0; from < count; from += perTransaction) {
            var requests = new ArrayList<NotificationRequest>();
            for (int i = from; i < Math.min(count, from + perTransaction); i++) {
                requests.add(NotificationRequest.plain(
                        Recipient.opaque("bench", String.valueOf(i)),
                        NotificationEvent.ANNOUNCEMENT,
                        "通知 " + i,
                        "基准测试消息"));
            }
            graph.write(() -> notifications.enqueue(List.copyOf(requests)));
        }
    }
}
