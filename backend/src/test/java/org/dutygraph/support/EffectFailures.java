package org.dutygraph.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.dutygraph.platform.effects.EffectHandler;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/** Makes effect handlers fail on demand, after their writes, to prove a failed delivery loses nothing. */
@TestConfiguration(proxyBeanMethods = false)
public class EffectFailures implements BeanPostProcessor {

    private static final Map<String, AtomicInteger> PENDING = new ConcurrentHashMap<>();

    /** The next {@code times} deliveries to the handler of this name throw once it has written. */
    public static void failNext(String handlerName, int times) {
        PENDING.put(handlerName, new AtomicInteger(times));
    }

    public static void clear() {
        PENDING.clear();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof EffectHandler<?> handler ? failing(handler) : bean;
    }

    private static <E> EffectHandler<E> failing(EffectHandler<E> handler) {
        return new EffectHandler<>() {
            @Override
            public String name() {
                return handler.name();
            }

            @Override
            public Class<E> type() {
                return handler.type();
            }

            @Override
            public void handle(E event, String effectId) {
                handler.handle(event, effectId);
                failIfAsked();
            }

            /**
             * A batch with a failure to come fails without counting it: Effects then delivers the batch's effects
             * one by one, and that delivery fails and is counted, as when it was delivered alone.
             */
            @Override
            public void handleAll(List<Delivery<E>> deliveries) {
                handler.handleAll(deliveries);
                var left = PENDING.get(handler.name());
                if (left != null && left.get() > 0) {
                    throw new IllegalStateException("injected failure of " + handler.name() + " in a batch");
                }
            }

            private void failIfAsked() {
                var left = PENDING.get(handler.name());
                if (left != null && left.getAndDecrement() > 0) {
                    throw new IllegalStateException("injected failure of " + handler.name());
                }
            }
        };
    }
}
