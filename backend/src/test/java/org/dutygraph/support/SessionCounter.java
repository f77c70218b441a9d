package org.dutygraph.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;

/** Counts sessions the application opens on the driver, to prove nested fields are batch loaded. */
@TestConfiguration(proxyBeanMethods = false)
public class SessionCounter implements BeanPostProcessor {

    private static final AtomicLong OPENED = new AtomicLong();

    public static long opened() {
        return OPENED.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof Driver driver)) {
            return bean;
        }
        return Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] {Driver.class}, (proxy, method, args) -> {
            if (method.getName().equals("session")) {
                OPENED.incrementAndGet();
            }
            try {
                return method.invoke(driver, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
