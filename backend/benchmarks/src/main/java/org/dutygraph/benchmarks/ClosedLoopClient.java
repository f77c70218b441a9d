package org.dutygraph.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.json.JsonMapper;

/**
 * A closed-loop GraphQL client over keep-alive connections: each connection is worked by one thread sending the
 * next request when the previous one has answered. Blocking I/O on the sending thread keeps all of the client's
 * work on those threads, whose CPU time each run reports, so that it can be told apart from the server's.
 */
final class ClosedLoopClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Latencies in ms, sorted, the run's length in seconds and the CPU-ms the client's own threads used. */
    record Run(double[] sortedMs, double seconds, double clientCpuMs) {
        double at(double quantile) {
            return sortedMs.length == 0
                    ? Double.NaN
                    : sortedMs[Math.min(sortedMs.length - 1, (int) (sortedMs.length * quantile))];
        }

        double throughput() {
            return sortedMs.length / seconds;
        }
    }

    private final String url;
    private final Map<String, String> headers;
    private final CloseableHttpClient client;

    ClosedLoopClient(String url, Map<String, String> headers, int connections) {
        this.url = url;
        this.headers = headers;
        var timeout = Timeout.ofSeconds(60);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .build())
                        .build())
                .disableAutomaticRetries()
                .build();
    }

    static String body(String query, Map<String, Object> variables) {
        return JSON.writeValueAsString(Map.of("query", query, "variables", variables));
    }

    /** Sends one request and returns the body; a transport error, a status other than 200 or errors fail. */
    String post(String json) {
        var post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        try {
            var body = client.execute(post, response -> {
                var text = EntityUtils.toString(response.getEntity());
                if (response.getCode() != 200) {
                    throw new IOException("HTTP " + response.getCode() + ": " + text);
                }
                return text;
            });
            if (body.contains("\"errors\"")) {
                throw new IllegalStateException("GraphQL errors from " + url + ": " + body);
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + url + " failed", e);
        }
    }

    /** {@code requests} requests, one at a time, on the calling thread. */
    Run sequential(IntFunction<String> body, int requests) {
        var times = new double[requests];
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long sent = System.nanoTime();
            post(body.apply(i));
            times[i] = (System.nanoTime() - sent) / 1e6;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(times);
        return new Run(times, seconds, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
    }

    /** As many requests as {@code connections} threads complete in {@code seconds}, each waiting for its answer. */
    Run concurrent(IntFunction<String> body, int connections, double seconds) throws InterruptedException {
        var next = new AtomicInteger();
        var times = new ArrayList<List<Double>>();
        var failures = new ArrayList<RuntimeException>();
        var clientCpu = new AtomicLong();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        var workers = new ArrayList<Thread>();
        for (int w = 0; w < connections; w++) {
            var mine = new ArrayList<Double>();
            times.add(mine);
            var worker = new Thread(
                    () -> {
                        try {
                            while (System.nanoTime() < end) {
                                long sent = System.nanoTime();
                                post(body.apply(next.getAndIncrement()));
                                mine.add((System.nanoTime() - sent) / 1e6);
                            }
                        } catch (RuntimeException e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                        }
                        clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime());
                    },
                    "unitpage-client-" + w);
            worker.start();
            workers.add(worker);
        }
        for (var worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        var all = times.stream()
                .flatMap(List::stream)
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        return new Run(all, elapsed, clientCpu.get() / 1e6);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
