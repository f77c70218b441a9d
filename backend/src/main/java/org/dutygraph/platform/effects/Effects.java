package org.dutygraph.platform.effects;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Effects of one feature's change on another, kept in the graph until they are done (an outbox, as Spring
 * Modulith's event publication registry keeps publications). The feature that changes something calls
 * {@link #record(Object)} inside its own write transaction ({@code GraphTransactions.write}): an {@code Effect} node
 * per {@link EffectHandler} of that event commits or rolls back with the change. After the commit it calls
 * {@link #deliver} with the ids; each effect is handled in a transaction of its own that also marks it done. One that
 * fails stays pending and {@link EffectDelivery} delivers it again (with backoff), also after a restart: nothing is
 * lost, nothing is done twice.
 */
@Service
@EnableConfigurationProperties(EffectSettings.class)
public class Effects {

    private static final Logger log = LoggerFactory.getLogger(Effects.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ERROR_LENGTH = 1000;

    public enum Outcome {
        DELIVERED,
        NOT_PENDING,
        FAILED
    }

    private final EffectStore store;
    private final GraphTransactions graph;
    private final LockStore locks;
    private final Clock clock;
    private final EffectSettings settings;
    private final Map<String, EffectHandler<?>> handlers = new LinkedHashMap<>();

    Effects(
            EffectStore store,
            GraphTransactions graph,
            LockStore locks,
            Clock clock,
            EffectSettings settings,
            ObjectProvider<EffectHandler<?>> handlers) {
        this.store = store;
        this.graph = graph;
        this.locks = locks;
        this.clock = clock;
        this.settings = settings;
        handlers.orderedStream().forEach(h -> {
            if (this.handlers.putIfAbsent(h.name(), h) != null) {
                throw new IllegalStateException("Two effect handlers are named '" + h.name() + "'");
            }
        });
    }

    /**
     * Records the effects of {@code event} (one per handler of its type) in the caller's {@code GraphTransactions}
     * transaction; returns their ids, for {@link #deliver} after the commit. Refuses outside a transaction: an effect
     * commits with the change that caused it, or not at all.
     */
    public List<String> record(Object event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("effects are recorded in the transaction of the change that causes them: "
                    + "call record inside GraphTransactions.write");
        }
        var effects = effectsOf(event);
        if (!effects.isEmpty()) {
            store.create(event.getClass().getSimpleName(), JSON.writeValueAsString(event), effects, clock.millis());
        }
        return ids(effects);
    }

    /**
     * Delivers these effects now, {@code perTransaction} of them in one transaction (each handler gets its share at
     * once); when a batch fails, its effects are delivered again one by one, so only a failing one stays pending.
     * Never throws. Call it after the transaction that recorded them has committed, not inside a transaction.
     */
    public Map<String, Outcome> deliver(Collection<String> ids) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("effects are delivered after the commit of the change that recorded them, "
                    + "in transactions of their own: call deliver outside GraphTransactions");
        }
        var outcomes = new HashMap<String, Outcome>();
        var all = List.copyOf(ids);
        int size = Math.max(1, settings.perTransaction());
        for (int from = 0; from < all.size(); from += size) {
            var batch = all.subList(from, Math.min(all.size(), from + size));
            if (batch.size() == 1) {
                outcomes.put(batch.get(0), deliver(batch.get(0)));
                continue;
            }
            try {
                outcomes.putAll(graph.write(() -> deliverTogether(batch)));
            } catch (RuntimeException e) {
                log.debug("A batch of {} effects failed; delivering them one by one", batch.size(), e);
                batch.forEach(id -> outcomes.put(id, deliver(id)));
            }
        }
        return outcomes;
    }

    /** Delivers the pending effects that are due (at most a batch), and forgets old delivered ones. */
    public int deliverDue() {
        var due = graph.read(() -> store.due(clock.millis(), settings.batchSize()));
        graph.write(
                () -> store.purgeDone(clock.instant().minus(settings.keepDone()).toEpochMilli()));
        return (int) deliver(due).values().stream()
                .filter(o -> o == Outcome.DELIVERED)
                .count();
    }

    /**
     * {@link #record(Object)} for many events at once, in one statement (an evaluation raising thousands of red cards
     * records them in its page's transaction, not a statement each); returns the ids of all their effects.
     */
    public List<String> recordAll(List<?> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("effects are recorded in the transaction of the change that causes them: "
                    + "call recordAll inside GraphTransactions.write");
        }
        var rows = new ArrayList<EffectStore.NewEventEffect>();
        for (var event : events) {
            var payload = JSON.writeValueAsString(event);
            for (var effect : effectsOf(event)) {
                rows.add(new EffectStore.NewEventEffect(
                        effect.id(), effect.handler(), event.getClass().getSimpleName(), payload));
            }
        }
        if (!rows.isEmpty()) {
            store.createAll(rows, clock.millis());
        }
        return rows.stream().map(EffectStore.NewEventEffect::id).toList();
    }

    private List<EffectStore.NewEffect> effectsOf(Object event) {
        var effects = new ArrayList<EffectStore.NewEffect>();
        for (var handler : handlers.values()) {
            if (handler.type().isInstance(event)) {
                effects.add(new EffectStore.NewEffect(UUID.randomUUID().toString(), handler.name()));
            }
        }
        return effects;
    }

    private static List<String> ids(List<EffectStore.NewEffect> effects) {
        return effects.stream().map(EffectStore.NewEffect::id).toList();
    }

    private Outcome deliver(String id) {
        try {
            return graph.write(() -> {
                // A concurrent delivery of the same effect waits here, then finds it done.
                locks.node("Effect", id);
                var effect = store.pending(id);
                if (effect.isEmpty()) {
                    return Outcome.NOT_PENDING;
                }
                var handler = handlers.get(effect.get().handler());
                if (handler == null) {
                    throw new IllegalStateException(
                            "No effect handler is named '" + effect.get().handler() + "'");
                }
                handle(handler, effect.get());
                store.done(id, clock.millis());
                return Outcome.DELIVERED;
            });
        } catch (RuntimeException e) {
            failed(id, e);
            return Outcome.FAILED;
        }
    }

    /** In one transaction: each handler gets its pending effects of the batch at once, then all are marked done. */
    private Map<String, Outcome> deliverTogether(List<String> ids) {
        var outcomes = new HashMap<String, Outcome>();
        ids.forEach(id -> outcomes.put(id, Outcome.NOT_PENDING));
        var pending = store.lockPending(ids);
        var byHandler = new LinkedHashMap<String, List<EffectStore.PendingEffect>>();
        pending.forEach(e ->
                byHandler.computeIfAbsent(e.handler(), k -> new ArrayList<>()).add(e));
        byHandler.forEach((name, effects) -> {
            var handler = handlers.get(name);
            if (handler == null) {
                throw new IllegalStateException("No effect handler is named '" + name + "'");
            }
            handleAll(handler, effects);
        });
        var delivered = pending.stream().map(EffectStore.PendingEffect::id).toList();
        if (!delivered.isEmpty()) {
            store.done(delivered, clock.millis());
        }
        delivered.forEach(id -> outcomes.put(id, Outcome.DELIVERED));
        return outcomes;
    }

    private static <E> void handleAll(EffectHandler<E> handler, List<EffectStore.PendingEffect> effects) {
        handler.handleAll(effects.stream()
                .map(e -> new EffectHandler.Delivery<>(JSON.readValue(e.payload(), handler.type()), e.id()))
                .toList());
    }

    /** In the delivery's transaction, which the handler's stores join. */
    private static <E> void handle(EffectHandler<E> handler, EffectStore.PendingEffect effect) {
        handler.handle(JSON.readValue(effect.payload(), handler.type()), effect.id());
    }

    private void failed(String id, RuntimeException failure) {
        var error = String.valueOf(failure);
        var message = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        try {
            int attempts = graph.write(() -> {
                locks.node("Effect", id);
                int n = store.failed(id, message);
                if (n > 0) {
                    store.dueAt(id, clock.instant().plus(settings.backoff(n)).toEpochMilli());
                }
                return n;
            });
            if (attempts > 0) {
                log.warn(
                        "Effect {} failed (attempt {}); it stays pending and is delivered again in {}",
                        id,
                        attempts,
                        settings.backoff(attempts),
                        failure);
            }
        } catch (RuntimeException e) {
            // The database itself failed: the effect is pending and due, the next run delivers it.
            log.warn("Effect {} failed and its failure could not be recorded", id, failure);
        }
    }
}
