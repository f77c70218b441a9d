package org.dutygraph.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap actually in use while a benchmark step runs: the largest heap occupancy right after a collection
 * ({@link HeapAfterCollections}: live objects and what the collector chose to keep), and, for comparison, the largest used heap sampled every 20 ms. The sum of each pool's own peak, which
 * the JVM reports per pool at different moments, can exceed {@code -Xmx} and measures nothing.
 */
final class HeapGauge implements AutoCloseable {

    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong maxSampled = new AtomicLong();
    private final HeapAfterCollections afterCollections;
    private final Thread sampler;

    private HeapGauge() {
        afterCollections = new HeapAfterCollections((used, cause) -> {
            collections.incrementAndGet();
            maxAfterGc.accumulateAndGet(used, Math::max);
        });
        var memory = ManagementFactory.getMemoryMXBean();
        sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        maxSampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-gauge");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Collects once (so that earlier garbage does not count), then watches until closed. */
    static HeapGauge start() {
        System.gc();
        return new HeapGauge();
    }

    /** The largest heap in use after a collection, in MiB; 0 when nothing was collected. */
    long liveMiB() {
        return maxAfterGc.get() >> 20;
    }

    /** The largest used heap sampled (garbage included), in MiB. */
    long sampledMiB() {
        return maxSampled.get() >> 20;
    }

    long collections() {
        return collections.get();
    }

    static long maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    /** "live after GC 812 MiB (34 collections), sampled peak 1,630 MiB, of 4,096 MiB". */
    String summary() {
        return String.format(
                "heap live after GC %,d MiB (%d collections), sampled peak used %,d MiB, of %,d MiB",
                liveMiB(), collections(), sampledMiB(), maxHeapMiB());
    }

    @Override
    public void close() {
        sampler.interrupt();
        afterCollections.close();
    }
}
