package org.dutygraph.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap actually in use while a benchmark step runs: the largest heap occupancy right after a collection (from the
 * collectors' notifications, so it counts live objects and what the collector chose to keep, not garbage awaiting
 * collection), and, for comparison, the largest used heap sampled every 20 ms. The sum of each pool's own peak, which
 * the JVM reports per pool at different moments, can exceed {@code -Xmx} and measures nothing.
 */
final class HeapGauge implements AutoCloseable {

    private final Set<String> heapPools = new HashSet<>();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong maxSampled = new AtomicLong();
    private final List<NotificationEmitter> emitters;
    private final NotificationListener listener = this::collected;
    private final Thread sampler;

    private HeapGauge() {
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .forEach(pool -> heapPools.add(pool.getName()));
        emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(NotificationEmitter.class::isInstance)
                .map(NotificationEmitter.class::cast)
                .toList();
        emitters.forEach(emitter -> emitter.addNotificationListener(listener, null, null));
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

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
        collections.incrementAndGet();
        maxAfterGc.accumulateAndGet(used, Math::max);
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
        for (var emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
