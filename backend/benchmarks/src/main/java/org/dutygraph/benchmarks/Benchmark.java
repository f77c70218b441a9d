package org.dutygraph.benchmarks;

import java.util.Map;

/** One benchmark: runs with its {@code --name value} options, prints to its output, returns the exit status. */
interface Benchmark {

    int run(Map<String, String> options) throws Exception;
}
