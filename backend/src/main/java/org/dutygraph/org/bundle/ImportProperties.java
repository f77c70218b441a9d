package org.dutygraph.org.bundle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param singleTransactionLimit bundles up to this many entries are written in one transaction;
 *                               larger ones batch by batch, each batch idempotent
 * @param batchSize              entries per write statement
 * @param waitFor                how long the import mutation waits before answering with a job to poll
 * @param instanceName           names this instance in import job records (default: the host name); must differ
 *                               between instances running at the same time. At start-up, jobs this instance left
 *                               running in an earlier life are marked INTERRUPTED at once
 * @param heartbeat              how often a running job's record is refreshed (besides once per committed batch)
 * @param staleAfter             a running job whose record has not been refreshed for this long is marked
 *                               INTERRUPTED by any instance; well above the heartbeat, so that a slow instance is
 *                               not taken for a dead one
 * @param keepFinished           finished job records older than this are deleted
 */
@ConfigurationProperties("dutygraph.import")
public record ImportProperties(
        Integer singleTransactionLimit,
        Integer batchSize,
        Duration waitFor,
        String instanceName,
        Duration heartbeat,
        Duration staleAfter,
        Duration keepFinished) {

    public ImportProperties {
        singleTransactionLimit = singleTransactionLimit == null ? 50_000 : singleTransactionLimit;
        batchSize = batchSize == null ? 5_000 : batchSize;
        waitFor = waitFor == null ? Duration.ofSeconds(20) : waitFor;
        instanceName = instanceName == null || instanceName.isBlank() ? hostName() : instanceName;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        staleAfter = staleAfter == null ? Duration.ofMinutes(2) : staleAfter;
        keepFinished = keepFinished == null ? Duration.ofDays(30) : keepFinished;
        if (staleAfter.compareTo(heartbeat.multipliedBy(4)) < 0) {
            throw new IllegalArgumentException("dutygraph.import.stale-after must be at least 4 heartbeats");
        }
    }

    private static String hostName() {
        var env = System.getenv("HOSTNAME"); // set in containers (the pod name); saves a lookup
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
