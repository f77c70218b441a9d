/**
 * The shared bottom every feature stands on: GraphQL plumbing, jobs, locks, the effect outbox, seeded randomness,
 * rate limits, full-text queries, the embedded database and the migrations. It knows no feature.
 * <p>
 * A closed module whose sub-packages are its named interfaces (rather than an open module), so that it stays in
 * the cycle check and keeps its internals to itself: features may use {@code platform::effects},
 * {@code ::graphql}, {@code ::i18n} (the message catalogue), {@code ::jobs}, {@code ::neo4j} (GraphTransactions,
 * LockStore), {@code ::random}, {@code ::ratelimit} and {@code ::search}; the embedded database, the migrations and
 * the GraphQL limits are the platform's own.
 */
@ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {})
package org.dutygraph.platform;

import org.springframework.modulith.ApplicationModule;
