package org.dutygraph.platform.neo4j;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.neo4j.driver.exceptions.RetryableException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Spring-managed Neo4j transaction around a unit of work: stores reach it through {@code Neo4jClient}, so
 * a call into another feature joins the caller's transaction instead of opening its own. The outermost call
 * retries transient failures (deadlocks, a leader switch) the way the driver's {@code executeWrite} does; a
 * call inside a running transaction does not retry, since only the whole transaction can be run again.
 */
@org.springframework.modulith.NamedInterface("neo4j")
@Component
public class GraphTransactions {

    private static final Duration RETRY_FOR = Duration.ofSeconds(30);

    private final TransactionTemplate writes;
    private final TransactionTemplate reads;

    GraphTransactions(PlatformTransactionManager transactions) {
        this.writes = new TransactionTemplate(transactions);
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    public <T> T write(Supplier<T> work) {
        return run(writes, work);
    }

    public void write(Runnable work) {
        run(writes, () -> {
            work.run();
            return null;
        });
    }

    /** A read-only transaction (routed to a follower in a cluster); joins a running write transaction. */
    public <T> T read(Supplier<T> work) {
        return run(reads, work);
    }

    private static <T> T run(TransactionTemplate template, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return template.execute(status -> work.get());
        }
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        long backoffMillis = 20;
        while (true) {
            try {
                return template.execute(status -> work.get());
            } catch (RuntimeException e) {
                if (!retryable(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis));
                backoffMillis = Math.min(backoffMillis * 2, 1_000);
            }
        }
    }

    private static boolean retryable(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetryableException || cause instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", interrupted);
        }
    }
}
