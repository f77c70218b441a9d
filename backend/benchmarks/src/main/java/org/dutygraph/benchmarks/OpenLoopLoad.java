package org.dutygraph.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * A load generator in the manner of wrk2: a fixed set of keep-alive connections, each worked by one thread,
 * sending request n at its planned time start + n / rate. When every connection is busy a request leaves
 * late, and its latency still counts from its planned time, so a server that falls behind shows its queue
 * instead of slowing the client down (no coordinated omission). Blocking I/O on a few threads keeps the
 * client's own CPU small: on a two-core machine it shares the cores with the server it measures.
 */
final class OpenLoopLoad implements AutoCloseable {

    /**
     * @param cpuMs      CPU time of the whole process (server and this client) per request
     * @param cpuThreads the part of it per group of threads (names without digits), largest first
     */
    record Result(
            int sent,
            int failed,
            double seconds,
            double p50,
            double p95,
            double p99,
            double cpuMs,
            Map<String, Double> cpuThreads) {

        double throughput() {
            return sent / seconds;
        }
    }

    private final String url;
    private final int connections;
    private final CloseableHttpClient client;

    OpenLoopLoad(String url, int connections) {
        this.url = url;
        this.connections = connections;
        var timeout = Timeout.ofSeconds(30);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .build())
                        .build())
                .setDefaultRequestConfig(
                        RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableAutomaticRetries()
                .build();
    }

    /**
     * Sends rate x seconds requests with the given JSON bodies; a request fails on a transport error, a status
     * other than 200 or a body the predicate calls failed.
     */
    Result offer(IntFunction<String> body, double rate, int seconds, Predicate<String> failedBody)
            throws InterruptedException {
        int total = (int) (rate * seconds);
        long interval = (long) (1e9 / rate);
        var latencies = new double[total];
        Arrays.fill(latencies, Double.POSITIVE_INFINITY);
        var failed = new AtomicInteger();
        var completed = new AtomicInteger();
        var next = new AtomicInteger();
        var cpuBefore = CpuReading.now();
        long start = System.nanoTime();
        var workers = new ArrayList<Thread>();
        for (int w = 0; w < connections; w++) {
            var worker = new Thread(
                    () -> {
                        for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                            long planned = start + n * interval;
                            for (long wait = planned - System.nanoTime();
                                    wait > 0;
                                    wait = planned - System.nanoTime()) {
                                LockSupport.parkNanos(wait);
                            }
                            if (!send(body.apply(n), failedBody)) {
                                failed.incrementAndGet();
                            }
                            latencies[n] = (System.nanoTime() - planned) / 1e6;
                            completed.incrementAndGet();
                        }
                    },
                    "load-" + w);
            worker.start();
            workers.add(worker);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 120L);
        for (var worker : workers) {
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        next.set(total); // whatever is still unsent stays so, and counts as failed
        double elapsed = (System.nanoTime() - start) / 1e9;
        var cpuAfter = CpuReading.now();
        Arrays.sort(latencies);
        return new Result(
                total,
                failed.get() + total - completed.get(),
                elapsed,
                at(latencies, 0.5),
                at(latencies, 0.95),
                at(latencies, 0.99),
                cpuBefore.msPerRequest(cpuAfter, total),
                cpuBefore.byThreadGroup(cpuAfter, total));
    }

    private boolean send(String json, Predicate<String> failedBody) {
        var post = new HttpPost(url);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        try {
            return client.execute(
                    post,
                    response ->
                            response.getCode() == 200 && !failedBody.test(EntityUtils.toString(response.getEntity())));
        } catch (IOException e) {
            return false;
        }
    }

    private static double at(double[] sorted, double quantile) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))];
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
