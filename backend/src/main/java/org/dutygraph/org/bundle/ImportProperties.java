package org.dutygraph.org.bundle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param singleTransactionLimit bundles up to this many entries are written in one transaction;
 *                               larger ones batch by batch, each batch idempotent
 * @param batchSize              entries per write statement
 * @param waitFor                 how long the import mutation waits before answering with a job to poll
 */
@ConfigurationProperties("dutygraph.import")
public record ImportProperties(Integer singleTransactionLimit, Integer batchSize, Duration waitFor) {

    public ImportProperties {
        singleTransactionLimit = singleTransactionLimit == null ? 50_000 : singleTransactionLimit;
        batchSize = batchSize == null ? 5_000 : batchSize;
        waitFor = waitFor == null ? Duration.ofSeconds(20) : waitFor;
    }
}
