package org.dutygraph.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Per minute of a soak run: the heap in use right after each collection (from the collectors' notifications: live
 * objects and what the collector kept, not garbage awaiting collection), its lowest and highest value in the minute,
 * and the process's open file descriptors (sampled each second, highest in the minute). The server and the load
 * generator share the JVM, as in the other benchmarks.
 */
final class SoakGauges implements AutoCloseable {

    record Minute(long collections, long heapFloorMiB, long heapPeakMiB, long openFiles) {}

    private record Heap(long collections, long floor, long peak) {
        Heap with(long used) {
            return new Heap(collections + 1, Math.min(floor, used), Math.max(peak, used));
        }
    }

    private final long start;
    private final Set<String> heapPools = new HashSet<>();
    private final Map<Integer, Heap> heap = new ConcurrentHashMap<>();
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
                    while (!Thread.currentThread().isInterrupted()) {
                        if (os instanceof UnixOperatingSystemMXBean unix) {
                            openFiles.merge(minute(), unix.getOpenFileDescriptorCount(), Math::max);
                        }
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "soak-gauges");
        sampler.setDaemon(true);
        sampler.start();
    }

    private int minute() {
        return (int) ((System.nanoTime() - start) / 60_000_000_000L);
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
        heap.merge(minute(), new Heap(1, used, used), (old, one) -> old.with(used));
    }

    /** The figures of minute {@code m} (0-based); heap -1 when nothing was collected in it, files -1 off Unix. */
    Minute of(int m) {
        var h = heap.get(m);
        return new Minute(
                h == null ? 0 : h.collections(),
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
