package org.dutygraph.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One fake FCM endpoint for the shared test application: the real Firebase Admin SDK sends to it. The
 * dispatcher loop is off in tests; they dispatch explicitly, at the instants they choose.
 */
public final class FakeFcmForTests {

    public static final FakeFcmServer SERVER = new FakeFcmServer();

    private FakeFcmForTests() {}

    static void register(DynamicPropertyRegistry registry) {
        registry.add("dutygraph.notifications.fcm.project-id", () -> "dutygraph-test");
        registry.add("dutygraph.notifications.fcm.endpoint", SERVER::endpoint);
        registry.add("dutygraph.notifications.dispatcher.enabled", () -> "false");
        registry.add("dutygraph.notifications.retry.max-attempts", () -> "3");
    }
}
