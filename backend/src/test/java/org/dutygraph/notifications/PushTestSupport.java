package org.dutygraph.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.FakeFcmForTests;
import org.dutygraph.support.FakeFcmServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Push tests: a clean outbox, inbox and device registry, the fake FCM answering 200 until told otherwise. */
abstract class PushTestSupport extends ApiTest {

    static final FakeFcmServer FCM = FakeFcmForTests.SERVER;

    @Autowired
    PushDispatcher dispatcher;

    @Autowired
    Notifications notifications;

    @BeforeEach
    void cleanPushState() {
        try (var session = driver.session()) {
            session.run("MATCH (n) WHERE n:PushIntent OR n:Notification OR n:Device DETACH DELETE n")
                    .consume();
        }
        FCM.reset();
    }

    static String newToken(String name) {
        return name + "-" + UUID.randomUUID() + ":APA91b";
    }

    String registerDevice(String username, String token) {
        as(username).post("""
                mutation($t: String!) { registerDevice(input: {token: $t, platform: ANDROID, locale: "zh-CN"}) {
                  errors { code } } }""", Map.of("t", token)).ok();
        return token;
    }

    int announce(String title, String body, String... usernames) {
        return as("admin")
                .post("""
                mutation($u: [String!], $t: String!, $b: String!) {
                  sendAnnouncement(input: {usernames: $u, title: $t, body: $b}) { recipients errors { code } } }""", Map.of("u", java.util.List.of(usernames), "t", title, "b", body))
                .ok()
                .path("sendAnnouncement")
                .path("recipients")
                .asInt();
    }

    /** Dispatches everything due at {@code now}, batch after batch. */
    int dispatchAt(Instant now) {
        int total = 0;
        for (int claimed; (claimed = dispatcher.dispatchDue(now)) > 0; ) {
            total += claimed;
        }
        return total;
    }

    Map<String, Object> intent(String notificationId) {
        try (var session = driver.session()) {
            return session.run(
                            "MATCH (i:PushIntent {notificationId: $id}) RETURN i {.*} AS i",
                            Map.of("id", notificationId))
                    .single()
                    .get("i")
                    .asMap();
        }
    }

    Map<String, Object> onlyIntent() {
        try (var session = driver.session()) {
            return session.run("MATCH (i:PushIntent) RETURN i {.*} AS i")
                    .single()
                    .get("i")
                    .asMap();
        }
    }

    boolean deviceExists(String token) {
        try (var session = driver.session()) {
            return session.run("MATCH (d:Device {token: $t}) RETURN count(d) > 0 AS e", Map.of("t", token))
                    .single()
                    .get("e")
                    .asBoolean();
        }
    }
}
