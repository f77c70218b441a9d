package org.dutygraph.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap in use right after each collection, from the collectors' notifications: live objects and what the
 * collector chose to keep, not garbage awaiting collection. Told to a listener until closed ({@link HeapGauge},
 * {@link SoakGauges}).
 */
final class HeapAfterCollections implements AutoCloseable {

    /** One collection: the heap in use after it (bytes) and its cause ("System.gc()", "G1 Evacuation Pause"...). */
    interface Listener {
        void collected(long usedBytes, String cause);
    }

    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(pool -> pool.getName())
            .collect(Collectors.toUnmodifiableSet());

    private final List<NotificationEmitter> emitters;
    private final NotificationListener notifications;

    HeapAfterCollections(Listener listener) {
        notifications = (Notification notification, Object handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                listener.collected(usedAfter(info.getGcInfo()), info.getGcCause());
            }
        };
        emitters = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(NotificationEmitter.class::isInstance)
                .map(NotificationEmitter.class::cast)
                .toList();
        emitters.forEach(emitter -> emitter.addNotificationListener(notifications, null, null));
    }

    /** The heap pools' use after a collection, summed (bytes). */
    static long usedAfter(GcInfo info) {
        return info.getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
    }

    /** The heap in use after the latest collection of any collector, in bytes; -1 before the first. */
    static long afterLatest() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(com.sun.management.GarbageCollectorMXBean.class::isInstance)
                .map(bean -> ((com.sun.management.GarbageCollectorMXBean) bean).getLastGcInfo())
                .filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.comparingLong(GcInfo::getEndTime))
                .map(HeapAfterCollections::usedAfter)
                .orElse(-1L);
    }

    @Override
    public void close() {
        for (var emitter : emitters) {
            try {
                emitter.removeNotificationListener(notifications);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
