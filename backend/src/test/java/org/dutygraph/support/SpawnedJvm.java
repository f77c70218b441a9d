package org.dutygraph.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The java command for a service or command the tests start in a process of its own. Such a process lives for
 * seconds to a minute, mostly starting up, on a machine whose two cores the test JVM also uses: the optimising
 * compiler would spend more CPU than it saves there, so the client compiler alone runs (about a third less CPU
 * per start, measured on the analyze command). The flags change how fast the jar starts, not what it does: the
 * complaint start-up rehearsal, which stores nothing, is off as well (20 s of every service start).
 */
public final class SpawnedJvm {

    private SpawnedJvm() {}

    /** {@code java} of the running JDK, the start-up flags and the given heap limit, e.g. {@code "512m"}. */
    public static List<String> java(String maxHeap) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Ddutygraph.complaints.rehearsal=0s");
        return command;
    }
}
