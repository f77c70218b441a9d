package org.dutygraph.platform.neo4j;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.neo4j.driver.Query;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For code not yet moved into stores that still takes a driver {@link TransactionContext}: hands it the
 * {@link GraphTransactions} transaction the caller runs in, so its queries commit or roll back with the caller's
 * (an effect handler's writes with the effect marked done). Outside a transaction each query would commit on its
 * own, so it refuses. Goes away with the last such caller.
 */
@Component
public class LegacyTransactionContext {

    private final Neo4jClient neo4j;

    LegacyTransactionContext(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public <T> T run(Function<TransactionContext, T> work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a TransactionContext outside a transaction commits each query alone; "
                    + "run it in GraphTransactions");
        }
        // In a Spring-managed transaction the runner is that transaction; closing it does not end it.
        return neo4j.delegateTo(runner -> Optional.ofNullable(work.apply(new Context(runner)))).run().orElse(null);
    }

    private record Context(QueryRunner runner) implements TransactionContext {

        @Override
        public Result run(String query, Value parameters) {
            return runner.run(query, parameters);
        }

        @Override
        public Result run(String query, Map<String, Object> parameters) {
            return runner.run(query, parameters);
        }

        @Override
        public Result run(String query, Record parameters) {
            return runner.run(query, parameters);
        }

        @Override
        public Result run(String query) {
            return runner.run(query);
        }

        @Override
        public Result run(Query query) {
            return runner.run(query);
        }
    }
}
