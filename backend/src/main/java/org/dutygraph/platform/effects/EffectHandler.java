package org.dutygraph.platform.effects;

import java.util.List;

/**
 * What a feature does when another feature's change happened: a bean of this type receives, once, every event of
 * its {@link #type()} recorded through {@link Effects#record}. It runs in the delivery's transaction, which also
 * marks the effect done, so its writes and "done" commit together; when it throws, nothing of it is kept and the
 * effect is delivered again later. That transaction is a {@code GraphTransactions} one: the stores the handler
 * calls join it. Effects delivered together reach {@link #handleAll} in one transaction: a handler with set-based
 * writes overrides it (or is made with {@link #ofBatches}).
 */
public interface EffectHandler<E> {

    /** One effect's event and its id. */
    record Delivery<E>(E event, String effectId) {}

    /** Stored with every pending effect, so that it still reaches this handler after a restart: never rename it. */
    String name();

    Class<E> type();

    /** @param effectId the id of this delivery's effect, the same on every retry (a key for idempotent writes) */
    void handle(E event, String effectId);

    /** Several effects of this handler, in the order recorded, in one delivery transaction: one by one unless overridden. */
    default void handleAll(List<Delivery<E>> deliveries) {
        deliveries.forEach(d -> handle(d.event(), d.effectId()));
    }

    /** A handler from a function, for a feature declaring its handlers as beans: effects delivered together one by one. */
    static <E> EffectHandler<E> of(String name, Class<E> type, Handling<E> handling) {
        return ofBatches(name, type, handling::handleAll);
    }

    /** A handler that takes the effects delivered together at once (one effect alone is a batch of one). */
    static <E> EffectHandler<E> ofBatches(String name, Class<E> type, BatchHandling<E> handling) {
        return new EffectHandler<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Class<E> type() {
                return type;
            }

            @Override
            public void handle(E event, String effectId) {
                handling.handleAll(List.of(new Delivery<>(event, effectId)));
            }

            @Override
            public void handleAll(List<Delivery<E>> deliveries) {
                handling.handleAll(deliveries);
            }
        };
    }

    @FunctionalInterface
    interface BatchHandling<E> {
        void handleAll(List<Delivery<E>> deliveries);
    }

    @FunctionalInterface
    interface Handling<E> {
        void handle(E event, String effectId);

        /** Several effects, in the order recorded, one by one. */
        default void handleAll(List<Delivery<E>> deliveries) {
            deliveries.forEach(d -> handle(d.event(), d.effectId()));
        }
    }
}
