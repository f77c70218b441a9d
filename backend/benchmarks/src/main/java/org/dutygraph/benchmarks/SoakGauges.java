package org.dutygraph.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

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
    private final Set<String> heapPools = new HashSet<>();
    private final Map<Integer, Heap> heap = new ConcurrentHashMap<>();
    private final Map<Integer, Long> live = new ConcurrentHashMap<>();
    private final Map<Integer, Long> openFiles = new ConcurrentHashMap<>();
    private final List<NotificationEmitter> emitters;
    private final NotificationListener listener = this::collected;
    private final Thread sampler;

    SoakGauges(long start) {
        this.start = start;
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .forEach(pool -> heapPools.add(pool.getName()));
        emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(NotificationEmitter.class::isInstance)
                .map(NotificationEmitter.class::cast)
                .toList();
        emitters.forEach(emitter -> emitter.addNotificationListener(listener, null, null));
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
                            live.put(minute, lastCollection());
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

    /** The heap in use after the latest collection of any collector (System.gc() returns once it is over). */
    private long lastCollection() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(com.sun.management.GarbageCollectorMXBean.class::isInstance)
                .map(bean -> ((com.sun.management.GarbageCollectorMXBean) bean).getLastGcInfo())
                .filter(Objects::nonNull)
                .max(Comparator.comparingLong(GcInfo::getEndTime))
                .map(this::usedAfter)
                .orElse(-1L);
    }

    private long usedAfter(GcInfo info) {
        return info.getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if ("System.gc()".equals(info.getGcCause())) return;
        long used = usedAfter(info.getGcInfo());
        heap.merge(minute(System.nanoTime()), new Heap(1, used, used), (old, one) -> old.with(used));
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
        for (var emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
