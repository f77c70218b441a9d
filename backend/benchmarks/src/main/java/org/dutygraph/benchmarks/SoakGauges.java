package org.dutygraph.benchmarks;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per minute of a soak run: the live heap, the heap after the run's own collections and the process's open file
 * descriptors (sampled each second, highest in the minute). The server and the load generator share the JVM, as in
 * the other benchmarks.
 *
 * <p>The live heap is what a full collection leaves, forced two seconds before each minute ends. The heap after the
 * run's own (young and mixed) collections is shown too, lowest and highest in the minute, but it is no measure of a
 * leak: between G1's concurrent cycles the old generation keeps dead objects, so that floor climbs for minutes on a
 * service that leaks nothing and drops when a cycle runs. The forced collection pauses the service once a minute,
 * every minute alike, so it adds to each minute's p99 without making a drift.
 */
final class SoakGauges implements AutoCloseable {

    record Minute(long collections, long liveMiB, long heapFloorMiB, long heapPeakMiB, long openFiles) {}

    private record Heap(long collections, long floor, long peak) {
        Heap with(long used) {
            return new Heap(collections + 1, Math.min(floor, used), Math.max(peak, used));
        }
    }

    private final long start;
    private final Map<Integer, Heap> heap = new ConcurrentHashMap<>();
    private final Map<Integer, Long> live = new ConcurrentHashMap<>();
    private final Map<Integer, Long> openFiles = new ConcurrentHashMap<>();
    private final HeapAfterCollections afterCollections;
    private final Thread sampler;

    SoakGauges(long start) {
        this.start = start;
        afterCollections = new HeapAfterCollections((used, cause) -> {
            // the forced collections measure the live heap (the sampler reads them): not the run's own
            if (!"System.gc()".equals(cause)) {
                heap.merge(minute(System.nanoTime()), new Heap(1, used, used), (old, one) -> old.with(used));
            }
        });
        var os = ManagementFactory.getOperatingSystemMXBean();
        sampler = new Thread(
                () -> {
                    int forced = -1;
                    while (!Thread.currentThread().isInterrupted()) {
                        long now = System.nanoTime();
                        int minute = minute(now);
                        if (os instanceof UnixOperatingSystemMXBean unix) {
                            openFiles.merge(minute, unix.getOpenFileDescriptorCount(), Math::max);
                        }
                        if (minute > forced && now - start >= minute * 60_000_000_000L + 58_000_000_000L) {
                            forced = minute;
                            System.gc();
                            live.put(minute, HeapAfterCollections.afterLatest());
                        }
                        try {
                            Thread.sleep(250);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "soak-gauges");
        sampler.setDaemon(true);
        sampler.start();
    }

    private int minute(long nanoTime) {
        return (int) ((nanoTime - start) / 60_000_000_000L);
    }

    /**
     * The figures of minute {@code m} (0-based); live -1 before its forced collection, heap after GC -1 when the run
     * collected nothing in it, files -1 off Unix.
     */
    Minute of(int m) {
        var h = heap.get(m);
        var l = live.get(m);
        return new Minute(
                h == null ? 0 : h.collections(),
                l == null || l < 0 ? -1 : l >> 20,
                h == null ? -1 : h.floor() >> 20,
                h == null ? -1 : h.peak() >> 20,
                openFiles.getOrDefault(m, -1L));
    }

    @Override
    public void close() {
        sampler.interrupt();
        afterCollections.close();
    }
}
