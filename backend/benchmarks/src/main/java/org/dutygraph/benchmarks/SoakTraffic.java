package org.dutygraph.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One kind of traffic in a soak run, offered at a fixed rate: request n is due at start + n / rate and handed to the
 * shared pool then; its latency counts from that planned time (a server falling behind shows its queue), and is
 * filed under the minute it was planned in. Failures are counted by code ({@code extensions.code} of a GraphQL
 * error, the {@code code} of a payload's user error, or the transport's failure).
 */
final class SoakTraffic {

    /** Request n, planned at {@code planned} (nanoTime): returns the failure codes of its answer (none: success). */
    interface Request {
        List<String> send(int n, long planned) throws Exception;
    }

    final String name;
    private final double rate;
    private final Request request;
    /** Whether the request's completion is recorded by someone else (a push, when the fake FCM receives it). */
    private final boolean completedElsewhere;

    private final Map<Integer, List<Double>> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> errorsPerMinute = new ConcurrentHashMap<>();
    private long start;

    SoakTraffic(String name, double rate, Request request) {
        this(name, rate, request, false);
    }

    SoakTraffic(String name, double rate, Request request, boolean completedElsewhere) {
        this.name = name;
        this.rate = rate;
        this.request = request;
        this.completedElsewhere = completedElsewhere;
    }

    /** A pacing thread handing the requests due until {@code end} to the pool. */
    Thread offer(ExecutorService pool, long start, long end) {
        this.start = start;
        var pacer = new Thread(
                () -> {
                    if (rate <= 0) return;
                    long interval = (long) (1e9 / rate);
                    for (int n = 0; ; n++) {
                        long planned = start + n * interval;
                        if (planned >= end) return;
                        for (long wait = planned - System.nanoTime(); wait > 0; wait = planned - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        int nth = n;
                        pool.execute(() -> run(nth, planned));
                    }
                },
                "soak-" + name);
        pacer.start();
        return pacer;
    }

    private void run(int n, long planned) {
        List<String> failures;
        try {
            failures = request.send(n, planned);
        } catch (java.net.http.HttpTimeoutException e) {
            failures = List.of("TIMEOUT");
        } catch (Exception e) {
            failures = List.of("EXCEPTION " + e.getClass().getSimpleName());
        }
        if (!completedElsewhere) {
            record(planned, System.nanoTime(), failures);
        } else {
            failures.forEach(code -> fail(planned, code));
        }
    }

    /** Files a request planned at {@code planned} (nanoTime) and finished at {@code done}. */
    void record(long planned, long done, List<String> failures) {
        int minute = minuteOf(planned);
        latencies
                .computeIfAbsent(minute, m -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add((done - planned) / 1e6);
        for (var code : failures) {
            errors.computeIfAbsent(code, c -> new LongAdder()).increment();
        }
        if (!failures.isEmpty()) {
            errorsPerMinute.computeIfAbsent(minute, m -> new LongAdder()).increment();
        }
    }

    /** A failure not tied to one request's answer (a push never delivered), filed under its planned minute. */
    void fail(long planned, String code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
        errorsPerMinute.computeIfAbsent(minuteOf(planned), m -> new LongAdder()).increment();
    }

    int minuteOf(long nanoTime) {
        return (int) ((nanoTime - start) / 60_000_000_000L);
    }

    int count(int minute) {
        return latencies.getOrDefault(minute, List.of()).size();
    }

    long failed(int minute) {
        var failed = errorsPerMinute.get(minute);
        return failed == null ? 0 : failed.sum();
    }

    /** The latency at {@code quantile} of the requests planned in {@code minute}, in ms; NaN without any. */
    double latency(int minute, double quantile) {
        var list = latencies.get(minute);
        if (list == null) return Double.NaN;
        double[] sorted;
        synchronized (list) {
            sorted = list.stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (sorted.length == 0) return Double.NaN;
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))];
    }

    Map<String, Long> errors() {
        var all = new TreeMap<String, Long>();
        errors.forEach((code, count) -> all.put(code, count.sum()));
        return all;
    }
}
