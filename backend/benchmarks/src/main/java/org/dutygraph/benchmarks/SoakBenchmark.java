package org.dutygraph.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dutygraph.appraisal.AppraisalComputation;
import org.dutygraph.appraisal.AppraisalSchemes;
import org.dutygraph.notifications.NotificationEvent;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.support.FakeFcmServer;
import org.neo4j.driver.Driver;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The soak benchmark: the demo city on a fresh embedded store under mixed traffic at a fixed rate for a configurable
 * time (default 10 minutes): anonymous complaint submissions, unit pages, inspector day syncs and appraisal reads over
 * GraphQL/HTTP with the app's shipped operations (mobile-contracts), and push notifications enqueued as features do
 * and delivered by the running dispatcher to the fake FCM the tests use. Per minute and kind: requests, p50/p99
 * (from the planned send time; a push from its planned enqueueing until the fake FCM receives it) and failures; per
 * minute: the live heap after a forced full collection, the heap after the run's own collections and the open file
 * descriptors ({@link SoakGauges}). At the end, the failures by code and the drift of each p99, of the live heap and
 * of the open files after warm-up ({@link Drift}: one noisy minute can neither make nor hide a drift); exit status 1
 * when anything failed or drifted, 3 (INCONCLUSIVE) when the only drifts rest on single minutes (runs under 6
 * minutes).
 */
final class SoakBenchmark implements Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private URI graphql;

    SoakBenchmark(PrintStream out) {
        this.out = out;
    }

    @Override
    public int run(Map<String, String> options) throws Exception {
        int minutes = Integer.parseInt(options.getOrDefault("minutes", "10"));
        double tolerance = Double.parseDouble(options.getOrDefault("drift-tolerance", "0.25"));
        int findings = Integer.parseInt(options.getOrDefault("findings", "5"));
        var rates = new LinkedHashMap<String, Double>();
        for (var kind : List.of("submissions:4", "unitpages:2", "syncs:0.2", "appraisals:2", "pushes:2")) {
            var name = kind.substring(0, kind.indexOf(':'));
            rates.put(name, Double.parseDouble(options.getOrDefault(name, kind.substring(kind.indexOf(':') + 1))));
        }
        try (var fcm = new FakeFcmServer()) {
            var store = BenchmarkSupport.tempDirectory("dutygraph-soak-bench");
            // One client address sends every anonymous submission here, so the per-address limit is lifted.
            try (var context = BenchmarkSupport.start(
                    store,
                    "256m",
                    "--dutygraph.demo.load=true",
                    "--dutygraph.rate-limits.fields-per-minute=100000000",
                    "--dutygraph.rate-limits.fields-per-hour=100000000",
                    "--dutygraph.notifications.fcm.project-id=soak",
                    "--dutygraph.notifications.fcm.endpoint=" + fcm.endpoint())) {
                graphql = URI.create("http://127.0.0.1:"
                        + ((WebServerApplicationContext) context).getWebServer().getPort() + "/graphql");
                var driver = context.getBean(Driver.class);
                var units = BenchmarkSupport.ids(driver, "MATCH (o:Organization) RETURN o.id AS id ORDER BY id");
                if (units.isEmpty()) throw new IllegalStateException("The demo city did not load");
                var analyst = login("analyst", "analyst-demo");
                var staff = login("staff", "staff-demo");
                int year = Year.now().getValue();
                appraisalResults(
                        context.getBean(AppraisalSchemes.class), context.getBean(AppraisalComputation.class), year);
                var inspectors = inspectors(driver, context.getBean(PasswordEncoder.class));
                int pushes = (int) Math.ceil(rates.get("pushes") * minutes * 60) + 1;
                BenchmarkSupport.registerDevices(driver, "soak", pushes);

                var submit = operation("citizen/SubmitComplaint");
                var unitPage = operation("analyst/UnitPage");
                var sync = operation("inspector/SyncInspectorDay");
                var myAppraisal = operation("common/MyAppraisal");
                var graph = context.getBean(GraphTransactions.class);
                var notifications = context.getBean(Notifications.class);
                var pushPlanned = new ConcurrentHashMap<Integer, Long>();
                var inspectorNames = new ArrayList<>(inspectors.keySet());
                var push = new SoakTraffic(
                        "pushes",
                        rates.get("pushes"),
                        (n, planned) -> {
                            pushPlanned.put(n, planned);
                            graph.write(() -> notifications.enqueue(NotificationRequest.plain(
                                    Recipient.opaque("soak", String.valueOf(n)),
                                    NotificationEvent.ANNOUNCEMENT,
                                    "通知 " + n,
                                    "长稳测试消息")));
                            return List.of();
                        },
                        true);
                FakeFcmServer.Script received = (token, nth) -> {
                    // the first receipt of each push counts (nth counts from 1; a retry finds nothing planned)
                    if (token.startsWith("soak-token-")) {
                        var planned = pushPlanned.remove(Integer.parseInt(token.substring("soak-token-".length())));
                        if (planned != null) push.record(planned, System.nanoTime(), List.of());
                    }
                    return FakeFcmServer.Answer.ok();
                };
                fcm.script(received);
                var traffic = List.of(
                        new SoakTraffic(
                                "submissions",
                                rates.get("submissions"),
                                (n, planned) -> post(null, submit, Map.of("input", complaint(n, units)))),
                        new SoakTraffic(
                                "unitpages",
                                rates.get("unitpages"),
                                (n, planned) -> post(analyst, unitPage, Map.of("id", units.get(n % units.size())))),
                        new SoakTraffic("syncs", rates.get("syncs"), (n, planned) -> {
                            var inspector = inspectors.get(inspectorNames.get(n % inspectorNames.size()));
                            return post(
                                    inspector.token(),
                                    sync,
                                    Map.of("input", InspectionBenchmark.day(inspector.assignments(), findings)));
                        }),
                        new SoakTraffic(
                                "appraisals",
                                rates.get("appraisals"),
                                (n, planned) -> post(staff, myAppraisal, Map.of("year", year, "first", 12))),
                        push);
                return soak(traffic, push, pushPlanned, fcm, minutes, tolerance);
            }
        }
    }

    private int soak(
            List<SoakTraffic> traffic,
            SoakTraffic push,
            Map<Integer, Long> pushPlanned,
            FakeFcmServer fcm,
            int minutes,
            double tolerance)
            throws InterruptedException {
        var os = ManagementFactory.getOperatingSystemMXBean();
        out.printf(
                "SOAK %d min at fixed rates; %d cores, load average %.1f at start (other processes' builds count)%n",
                minutes, os.getAvailableProcessors(), os.getSystemLoadAverage());
        long start = System.nanoTime() + 1_000_000_000L;
        long end = start + minutes * 60_000_000_000L;
        var pool = Executors.newFixedThreadPool(32, r -> {
            var thread = new Thread(r, "soak-request");
            thread.setDaemon(true);
            return thread;
        });
        try (var gauges = new SoakGauges(start)) {
            var pacers = traffic.stream().map(t -> t.offer(pool, start, end)).toList();
            for (int m = 0; m < minutes; m++) {
                // a minute's line once its requests have had 20 s to finish
                sleepUntil(start + (m + 1) * 60_000_000_000L + 20_000_000_000L);
                if (m < minutes - 1) print(m, traffic, gauges);
                // the fake FCM keeps what it received: emptied each minute so that it does not grow the heap
                fcm.forget();
            }
            for (var pacer : pacers) pacer.join();
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);
            long pushDeadline = System.nanoTime() + 60_000_000_000L;
            while (!pushPlanned.isEmpty() && System.nanoTime() < pushDeadline) Thread.sleep(200);
            pushPlanned.forEach((n, planned) -> push.fail(planned, "PUSH_NOT_DELIVERED"));
            print(minutes - 1, traffic, gauges);
            return verdict(traffic, gauges, minutes, tolerance, os.getSystemLoadAverage());
        } finally {
            pool.shutdownNow();
        }
    }

    private void print(int m, List<SoakTraffic> traffic, SoakGauges gauges) {
        var line = new StringBuilder(String.format("MINUTE %2d", m + 1));
        for (var t : traffic) {
            line.append(String.format(
                    " | %s %d p50 %.0f p99 %.0f ms failed %d",
                    t.name, t.count(m), t.latency(m, 0.5), t.latency(m, 0.99), t.failed(m)));
        }
        var g = gauges.of(m);
        line.append(String.format(
                " | live heap %d MiB, after the run's %d GCs %d-%d MiB | open files %d",
                g.liveMiB(), g.collections(), g.heapFloorMiB(), g.heapPeakMiB(), g.openFiles()));
        out.println(line);
    }

    private int verdict(List<SoakTraffic> traffic, SoakGauges gauges, int minutes, double tolerance, double load) {
        boolean failed = false;
        for (var t : traffic) {
            var errors = t.errors();
            out.printf("ERRORS %s: %s%n", t.name, errors.isEmpty() ? "none" : errors);
            failed |= !errors.isEmpty();
        }
        var drifts = new ArrayList<Drift>();
        for (var t : traffic) {
            var p99 = new ArrayList<Double>();
            for (int m = 0; m < minutes; m++) p99.add(t.latency(m, 0.99));
            drifts.add(Drift.of(t.name + " p99 ms", p99, tolerance, 10));
        }
        var heap = new ArrayList<Double>();
        var files = new ArrayList<Double>();
        for (int m = 0; m < minutes; m++) {
            heap.add((double) gauges.of(m).liveMiB());
            files.add((double) gauges.of(m).openFiles());
        }
        drifts.add(Drift.of("live heap MiB", heap, tolerance, 32));
        drifts.add(Drift.of("open files", files, tolerance, 16));
        out.printf(
                "DRIFT (first third warm-up; the later half of the rest against its earlier half, each without its "
                        + "highest minute when it has two or more; tolerance %.0f%%):%n",
                tolerance * 100);
        var unsure = new ArrayList<String>();
        for (var drift : drifts) {
            out.println("  " + drift);
            if (drift.drifted() && drift.robust()) failed = true;
            if (drift.drifted() && !drift.robust()) unsure.add(drift.series());
        }
        if (minutes < 3) out.println("  (fewer than 3 minutes: no minute after warm-up to compare, no drift judged)");
        out.printf("Load average at the end %.1f%n", load);
        return verdict(failed, unsure);
    }

    /**
     * FAIL (1) on any failure or a drift that one noisy minute cannot explain; INCONCLUSIVE (3) when the only
     * drifts seen rest on single minutes (a run under 6 minutes), which a longer run must settle; else PASS.
     */
    private int verdict(boolean failed, List<String> unsure) {
        if (failed) {
            out.println("FAIL");
            return 1;
        }
        if (!unsure.isEmpty()) {
            out.println("INCONCLUSIVE: no failure; " + String.join(", ", unsure)
                    + " rose, each judged on one minute a side, which one noisy minute can decide (run 6 minutes"
                    + " or more)");
            return 3;
        }
        out.println("PASS");
        return 0;
    }

    private record Inspector(String token, List<String> assignments) {}

    /** Four inspectors of the demo's public security bureau, drawn for a plan of the efficiency office. */
    private Map<String, Inspector> inspectors(Driver driver, PasswordEncoder passwords) throws Exception {
        var inspectors = new HashMap<String, Inspector>();
        for (var drawn : InspectionBenchmark.drawnPlan(driver, passwords, "soak", "效能暗访长稳测试", this::data)
                .entrySet()) {
            inspectors.put(
                    drawn.getKey(), new Inspector(login(drawn.getKey(), drawn.getKey() + "-bench"), drawn.getValue()));
        }
        return inspectors;
    }

    /** The shipped unit and staff schemes for this year, computed once, so that the demo clerk's appraisal has results. */
    private void appraisalResults(AppraisalSchemes schemes, AppraisalComputation computation, int year)
            throws IOException {
        // the staff scheme links the unit scheme: saved first
        for (var id : List.of("unit-monthly", "staff-monthly")) {
            try (var in = new ClassPathResource("appraisal/templates/" + id + ".json").getInputStream()) {
                var saved = schemes.save(id, JSON.readValue(in, Object.class), year + "-01", "inForceFrom", "soak");
                if (!saved.errors().isEmpty())
                    throw new IllegalStateException(saved.errors().toString());
            }
        }
        var summary = computation.recompute(year);
        out.printf("SETUP appraisal of %d recomputed: %s%n", year, summary);
    }

    private static Map<String, Object> complaint(int n, List<String> units) {
        return Map.of(
                "submissionId",
                UUID.randomUUID().toString(),
                "target",
                Map.of("unitId", units.get(n % units.size())),
                "category",
                "BUCK_PASSING",
                "description",
                "长稳测试投诉 " + n + "：窗口工作人员推诿，要求多次补交材料。");
    }

    /** Sends one operation; its failure codes (none when it succeeded). */
    private List<String> post(String token, String document, Map<String, Object> variables) throws Exception {
        var response = send(token, document, variables);
        var failures = new ArrayList<String>();
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return List.of("HTTP " + response.statusCode());
        }
        for (var error : body.path("errors")) {
            failures.add(error.path("extensions").path("code").asString("NO_CODE"));
        }
        body.path("data").forEach(payload -> {
            for (var error : payload.path("errors"))
                failures.add("payload " + error.path("code").asString());
        });
        if (failures.isEmpty() && response.statusCode() != 200) failures.add("HTTP " + response.statusCode());
        return failures;
    }

    private HttpResponse<String> send(String token, String document, Map<String, Object> variables) throws Exception {
        var request = HttpRequest.newBuilder(graphql)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", document, "variables", variables))));
        if (token != null) request.header("Authorization", "Bearer " + token);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The data of an answer that must succeed (set-up). */
    private JsonNode data(String token, String document, Map<String, Object> variables) throws Exception {
        var body = JSON.readTree(send(token, document, variables).body());
        if (!body.path("errors").isMissingNode()) throw new IllegalStateException("GraphQL errors: " + body);
        return body.path("data");
    }

    private String login(String username, String password) throws Exception {
        return data(
                        null,
                        "mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }",
                        Map.of("u", username, "p", password))
                .path("login")
                .path("token")
                .asString();
    }

    private static String operation(String name) throws IOException {
        try (var in = SoakBenchmark.class.getResourceAsStream("/operations/" + name + ".graphql")) {
            if (in == null) throw new IllegalStateException("operations/" + name + ".graphql is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long wait = nanoTime - System.nanoTime(); wait > 0; wait = nanoTime - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
