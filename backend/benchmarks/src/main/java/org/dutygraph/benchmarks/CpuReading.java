package org.dutygraph.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time this process and each of its Java threads have used so far, read once, so that what is used after
 * it can be charged to the requests served since.
 *
 * @param process CPU nanoseconds of the whole process
 * @param threads CPU nanoseconds of every live Java thread, by thread id, with its name
 */
record CpuReading(long process, Map<Long, Map.Entry<String, Long>> threads) {

    static CpuReading now() {
        var mx = ManagementFactory.getThreadMXBean();
        var threads = new HashMap<Long, Map.Entry<String, Long>>();
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null) {
                long cpu = mx.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    threads.put(info.getThreadId(), Map.entry(info.getThreadName(), cpu));
                }
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuReading(os.getProcessCpuTime(), threads);
    }

    /** CPU-ms of the whole process per request since this reading. */
    double msPerRequest(CpuReading later, int requests) {
        return (later.process - process) / 1e6 / requests;
    }

    /**
     * CPU-ms per request of each group of threads (names without digits) since this reading, largest first; what
     * the process used beyond its Java threads (the JIT compilers, the garbage collector) as "JVM (JIT, GC)".
     */
    Map<String, Double> byThreadGroup(CpuReading later, int requests) {
        var groups = new HashMap<String, Double>();
        later.threads.forEach((id, now) -> {
            var then = threads.get(id);
            long used = now.getValue() - (then == null ? 0 : then.getValue());
            groups.merge(now.getKey().replaceAll("[0-9]+", "N"), used / 1e6 / requests, Double::sum);
        });
        groups.put(
                "JVM (JIT, GC)",
                msPerRequest(later, requests)
                        - groups.values().stream()
                                .mapToDouble(Double::doubleValue)
                                .sum());
        var sorted = new LinkedHashMap<String, Double>();
        groups.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
