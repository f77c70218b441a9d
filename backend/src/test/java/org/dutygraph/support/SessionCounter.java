package org.dutygraph.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts sessions the application opens on the driver, to prove nested fields are batch loaded, and the sessions a
 * thread opens while it holds one open already: a second session inside a transaction is a second transaction,
 * which neither sees the first's writes nor commits with it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SessionCounter implements BeanPostProcessor {

    private static final AtomicLong OPENED = new AtomicLong();
    private static final ThreadLocal<int[]> OPEN_ON_THIS_THREAD = ThreadLocal.withInitial(() -> new int[1]);
    private static final ThreadLocal<long[]> NESTED_ON_THIS_THREAD = ThreadLocal.withInitial(() -> new long[1]);

    public static long opened() {
        return OPENED.get();
    }

    /** Sessions this thread opened so far while it had another one open. */
    public static long nestedOnThisThread() {
        return NESTED_ON_THIS_THREAD.get()[0];
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof Driver driver)) {
            return bean;
        }
        return Proxy.newProxyInstance(
                Driver.class.getClassLoader(), new Class<?>[] {Driver.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("session")) {
                        return invoke(driver, method, args);
                    }
                    OPENED.incrementAndGet();
                    if (OPEN_ON_THIS_THREAD.get()[0] > 0) {
                        NESTED_ON_THIS_THREAD.get()[0]++;
                    }
                    var session = invoke(driver, method, args);
                    return session instanceof Session opened ? tracked(opened) : session;
                });
    }

    private static Session tracked(Session session) {
        var open = OPEN_ON_THIS_THREAD.get();
        open[0]++;
        var closed = new AtomicBoolean();
        return (Session) Proxy.newProxyInstance(
                Session.class.getClassLoader(), new Class<?>[] {Session.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
                        open[0]--;
                    }
                    return invoke(session, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
