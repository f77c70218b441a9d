package org.dutygraph.platform.effects;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
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
 * {@link #record} inside its own write transaction: an {@code Effect} node per {@link EffectHandler} of that event
 * commits or rolls back with the change. After the commit it calls {@link #deliver} with the ids; each effect is
 * handled in a transaction of its own that also marks it done. One that fails stays pending and
 * {@link EffectDelivery} delivers it again (with backoff), also after a restart: nothing is lost, nothing is done
 * twice.
 */
@Service
@EnableConfigurationProperties(EffectSettings.class)
public class Effects {

    private static final Logger log = LoggerFactory.getLogger(Effects.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ERROR_LENGTH = 1000;

    public enum Outcome { DELIVERED, NOT_PENDING, FAILED }

    private final Driver driver;
    private final EffectStore store;
    private final Clock clock;
    private final EffectSettings settings;
    private final Map<String, EffectHandler<?>> handlers = new LinkedHashMap<>();

    Effects(Driver driver, EffectStore store, Clock clock, EffectSettings settings,
            ObjectProvider<EffectHandler<?>> handlers) {
        this.driver = driver;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        handlers.orderedStream().forEach(h -> {
            if (this.handlers.putIfAbsent(h.name(), h) != null) {
                throw new IllegalStateException("Two effect handlers are named '" + h.name() + "'");
            }
        });
    }

    /**
     * Records the effects of {@code event} (one per handler of its type) in {@code tx}; returns their ids, for
     * {@link #deliver} after the commit.
     */
    public List<String> record(TransactionContext tx, Object event) {
        var rows = rows(event);
        if (!rows.isEmpty()) {
            store.create(tx, event.getClass().getSimpleName(), JSON.writeValueAsString(event), rows, clock.millis());
        }
        return ids(rows);
    }

    /**
     * As {@link #record(TransactionContext, Object)}, in the Spring-managed transaction of the caller
     * ({@code GraphTransactions}); refuses to run outside one, where the effects would commit without the change.
     */
    public List<String> record(Object event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("effects are recorded in the transaction of the change; run it in GraphTransactions");
        }
        var rows = rows(event);
        if (!rows.isEmpty()) {
            store.create(event.getClass().getSimpleName(), JSON.writeValueAsString(event), rows, clock.millis());
        }
        return ids(rows);
    }

    /** One row (new id, handler name) per handler of the event's type. */
    private List<Map<String, Object>> rows(Object event) {
        var rows = new ArrayList<Map<String, Object>>();
        for (var handler : handlers.values()) {
            if (handler.type().isInstance(event)) {
                rows.add(Map.of("id", UUID.randomUUID().toString(), "handler", handler.name()));
            }
        }
        return rows;
    }

    private static List<String> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("id")).toList();
    }

    /** Delivers these effects now, each in its own transaction; never throws (a failed one stays pending). */
    public Map<String, Outcome> deliver(Collection<String> ids) {
        var outcomes = new HashMap<String, Outcome>();
        ids.forEach(id -> outcomes.put(id, deliver(id)));
        return outcomes;
    }

    /** Delivers the pending effects that are due (at most a batch), and forgets old delivered ones. */
    public int deliverDue() {
        List<String> due;
        try (var session = driver.session()) {
            due = session.executeRead(tx -> store.due(tx, clock.millis(), settings.batchSize()));
            session.executeWriteWithoutResult(tx -> store.purgeDone(tx, clock.instant().minus(settings.keepDone()).toEpochMilli()));
        }
        return (int) deliver(due).values().stream().filter(o -> o == Outcome.DELIVERED).count();
    }

    private Outcome deliver(String id) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> {
                var effect = store.lockPending(tx, id);
                if (effect.isEmpty()) {
                    return Outcome.NOT_PENDING;
                }
                var handler = handlers.get(effect.get().handler());
                if (handler == null) {
                    throw new IllegalStateException("No effect handler is named '" + effect.get().handler() + "'");
                }
                handle(handler, tx, effect.get());
                store.done(tx, id, clock.millis());
                return Outcome.DELIVERED;
            });
        } catch (RuntimeException e) {
            failed(id, e);
            return Outcome.FAILED;
        }
    }

    private static <E> void handle(EffectHandler<E> handler, TransactionContext tx, EffectStore.PendingEffect effect) {
        handler.handle(tx, JSON.readValue(effect.payload(), handler.type()), effect.id());
    }

    private void failed(String id, RuntimeException failure) {
        var error = String.valueOf(failure);
        error = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        try (var session = driver.session()) {
            var message = error;
            var attempts = session.executeWrite(tx -> {
                int n = store.failed(tx, id, message);
                if (n > 0) {
                    store.dueAt(tx, id, clock.instant().plus(settings.backoff(n)).toEpochMilli());
                }
                return n;
            });
            if (attempts > 0) {
                log.warn("Effect {} failed (attempt {}); it stays pending and is delivered again in {}", id, attempts,
                        settings.backoff(attempts), failure);
            }
        } catch (RuntimeException e) {
            // The database itself failed: the effect is pending and due, the next run delivers it.
            log.warn("Effect {} failed and its failure could not be recorded", id, failure);
        }
    }
}
