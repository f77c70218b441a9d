package org.dutygraph.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code java -jar benchmarks.jar <name> [--option value ...]}: runs one benchmark against the backend on a
 * fresh store of its own (see README, Benchmarks) and exits with its status; 2 for an unknown name or option.
 */
public final class Benchmarks {

    private record Entry(String options, Function<PrintStream, Benchmark> create) {}

    private static final Map<String, Entry> ALL = new LinkedHashMap<>();

    static {
        ALL.put(
                "import",
                new Entry(
                        "[--units 5000 --posts 100000 --duties 1000000 --overlap-rate 0.01 --seed 42 --page-cache 1g]"
                                + "  import and unit page (-Xmx4g)",
                        ImportBenchmark::new));
        ALL.put(
                "unitpage",
                new Entry(
                        "[--units 16 --posts 1600 --duties 140000 --rounds 3 --requests 300 --seconds 8 --connections 8]"
                                + "  the shipped unit page against @neo4j/graphql on the same store (-Xmx2g)",
                        UnitPageBenchmark::new));
        ALL.put(
                "conflicts",
                new Entry(
                        "[--sizes 100000,1000000 --units 5000 --posts 100000 (per 1,000,000 duties) --overlap-rate 0.01 --seed 42 --page-cache 1g --naive-duties 2000]  conflict analysis against grouped Cypher (-Xmx4g)",
                        ConflictBenchmark::new));
        ALL.put(
                "push",
                new Entry(
                        "[--notifications 10000 --per-transaction 100 --fcm-latency-ms 0]  push outbox (-Xmx2g)",
                        PushBenchmark::new));
        ALL.put(
                "complaints",
                new Entry(
                        "[--rate --seconds --warmup-seconds --direct-seconds --connections --targets units|mixed --rehearsal 20s]"
                                + "  anonymous complaint submissions (-Xmx2g)",
                        ComplaintBenchmark::new));
        ALL.put(
                "inspections",
                new Entry(
                        "[--days --findings --warmup-days]  an inspector's day synced in one batch (-Xmx2g)",
                        InspectionBenchmark::new));
        ALL.put(
                "appraisal",
                new Entry(
                        "[--staff 100000 --units 500]  a year of appraisal recomputed (-Xmx4g)",
                        AppraisalBenchmark::new));
        ALL.put(
                "scenarios",
                new Entry(
                        "[--units 500 --posts 10000 --duties 100000 --seed 42]  scenario analysis against a full "
                                + "analysis (-Xmx4g)",
                        ScenarioBenchmark::new));
        ALL.put(
                "supervision",
                new Entry(
                        "[--cases 1000000 --units 200 --items 500 --service-cases 200000 --evaluate-every-days 7"
                                + " --backlog-cases 50000 --batch-lines 1000]  a year of case events ingested and evaluated, offline and"
                                + " in the service (-Xmx4g)",
                        SupervisionBenchmark::new));
        ALL.put(
                "soak",
                new Entry(
                        "[--minutes 10 --submissions 4 --unitpages 2 --syncs 0.2 --appraisals 2 --pushes 2 (per second)"
                                + " --findings 5 --drift-tolerance 0.25]  mixed traffic at a fixed rate; errors, p99, heap"
                                + " and open files per minute, drift after warm-up (-Xmx2g)",
                        SoakBenchmark::new));
    }

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(usage());
            return 0;
        }
        var entry = args.length == 0 ? null : ALL.get(args[0]);
        if (entry == null) {
            System.err.println(
                    (args.length == 0 ? "Name a benchmark." : "Unknown benchmark: " + args[0]) + "\n" + usage());
            return 2;
        }
        Map<String, String> options;
        try {
            options = options(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + usage());
            return 2;
        }
        return entry.create().apply(System.out).run(options);
    }

    /** {@code --name value} pairs. */
    static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException(
                        "Expected --option value, got: " + String.join(" ", Arrays.copyOfRange(args, i, args.length)));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String usage() {
        var usage = new StringBuilder(
                "Usage: java -Xmx4g -jar backend/benchmarks/target/benchmarks.jar <benchmark> [--option value ...]\n");
        ALL.forEach((name, entry) -> usage.append(String.format("  %-12s%s%n", name, entry.options())));
        return usage.append("Each works in a temporary directory of its own, deleted when it exits.")
                .toString();
    }
}
