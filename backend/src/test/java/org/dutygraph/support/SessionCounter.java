package org.dutygraph.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * Counts the round trips the application makes to its database, to prove nested fields are batch loaded: sessions
 * it opens on the driver, and transactions it begins in the embedded database through its Java API (the read API's
 * in-process path). Also counts the sessions a thread opens while it holds one open already: a second session
 * inside a transaction is a second transaction, which neither sees the first's writes nor commits with it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SessionCounter implements BeanPostProcessor {

    private static final AtomicLong OPENED = new AtomicLong();
    private static final AtomicLong IN_PROCESS = new AtomicLong();
    private static final ThreadLocal<int[]> OPEN_ON_THIS_THREAD = ThreadLocal.withInitial(() -> new int[1]);
    private static final ThreadLocal<long[]> NESTED_ON_THIS_THREAD = ThreadLocal.withInitial(() -> new long[1]);

    public static long opened() {
        return OPENED.get();
    }

    /** Transactions begun in the embedded database through its Java API so far. */
    public static long inProcess() {
        return IN_PROCESS.get();
    }

    /** Round trips to the database so far: driver sessions and in-process transactions. */
    public static long roundTrips() {
        return opened() + inProcess();
    }

    /** Sessions this thread opened so far while it had another one open. */
    public static long nestedOnThisThread() {
        return NESTED_ON_THIS_THREAD.get()[0];
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DatabaseManagementService embedded) {
            return counting(embedded);
        }
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

    /** The embedded service, handing out databases that count the transactions begun in them. */
    private static DatabaseManagementService counting(DatabaseManagementService embedded) {
        return (DatabaseManagementService) Proxy.newProxyInstance(
                DatabaseManagementService.class.getClassLoader(),
                new Class<?>[] {DatabaseManagementService.class},
                (proxy, method, args) -> {
                    var result = invoke(embedded, method, args);
                    return result instanceof GraphDatabaseAPI database ? counting(database) : result;
                });
    }

    private static GraphDatabaseAPI counting(GraphDatabaseAPI database) {
        return (GraphDatabaseAPI) Proxy.newProxyInstance(
                GraphDatabaseAPI.class.getClassLoader(),
                new Class<?>[] {GraphDatabaseAPI.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("beginTx") || method.getName().equals("executeTransactionally")) {
                        IN_PROCESS.incrementAndGet();
                    }
                    return invoke(database, method, args);
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
