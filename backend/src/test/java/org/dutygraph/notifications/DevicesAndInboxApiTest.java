package org.dutygraph.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.dutygraph.platform.i18n.Text;
import org.junit.jupiter.api.Test;

/** Device registration, announcements, the inbox and what a push carries, through GraphQL over HTTP. */
class DevicesAndInboxApiTest extends PushTestSupport {

    @Test
    void registeringRefreshesAToken_andATokenMovesToTheAccountThatRegisteredItLast() {
        var token = newToken("phone");
        registerDevice("inspector", token);
        registerDevice("inspector", token);
        var devices = as("inspector")
                .post("{ myDevices { edges { node { tokenSuffix platform channel locale } } } }")
                .ok()
                .path("myDevices")
                .path("edges");
        assertThat(devices.size()).isEqualTo(1);
        assertThat(devices.path(0).path("node").path("tokenSuffix").asString())
                .isEqualTo(token.substring(token.length() - 8));
        assertThat(devices.path(0).path("node").path("channel").asString()).isEqualTo("FCM");

        registerDevice("staff", token);
        assertThat(as("inspector")
                        .post("{ myDevices { edges { cursor } } }")
                        .ok()
                        .path("myDevices")
                        .path("edges")
                        .size())
                .isZero();
        assertThat(as("staff")
                        .post("{ myDevices { edges { cursor } } }")
                        .ok()
                        .path("myDevices")
                        .path("edges")
                        .size())
                .isOne();

        var notMine = as("inspector")
                .post("mutation($t: String!) { unregisterDevice(input: {token: $t}) { removed } }", Map.of("t", token))
                .ok()
                .path("unregisterDevice")
                .path("removed")
                .asBoolean();
        assertThat(notMine).isFalse();
        assertThat(deviceExists(token)).isTrue();
        var mine = as("staff")
                .post("mutation($t: String!) { unregisterDevice(input: {token: $t}) { removed } }", Map.of("t", token))
                .ok()
                .path("unregisterDevice")
                .path("removed")
                .asBoolean();
        assertThat(mine).isTrue();
        assertThat(deviceExists(token)).isFalse();
    }

    @Test
    void badDeviceInputIsRefusedNamingTheField() {
        var badToken = as("staff").post("""
                mutation { registerDevice(input: {token: "has spaces and <html>", platform: IOS}) {
                  device { tokenSuffix } errors { field code } } }""").ok().path("registerDevice");
        assertThat(badToken.path("device").isNull()).isTrue();
        assertThat(badToken.path("errors").path(0).path("field").toString()).isEqualTo("[\"input\",\"token\"]");
        assertThat(badToken.path("errors").path(0).path("code").asString()).isEqualTo("INVALID_TOKEN");

        var badLocale = as("staff").post("""
                mutation { registerDevice(input: {token: "abc", platform: IOS, locale: "not a locale!"}) {
                  errors { field code } } }""").ok().path("registerDevice");
        assertThat(badLocale.path("errors").path(0).path("field").toString()).isEqualTo("[\"input\",\"locale\"]");
        assertThat(deviceExists("abc")).isFalse();
    }

    @Test
    void anAnnouncementReachesTheInboxAndThePhone_withItsMessageIdForDeDuplication() {
        var token = registerDevice("staff", newToken("staff-phone"));
        assertThat(announce("系统维护通知", "今晚22:00至23:00系统维护。", "staff", "inspector"))
                .isEqualTo(2);

        var inbox = as("staff").post("""
                { unreadNotificationCount
                  inbox { edges { node { id kind event title body sensitive readAt } } } }""").ok();
        assertThat(inbox.path("unreadNotificationCount").asInt()).isEqualTo(1);
        var entry = inbox.path("inbox").path("edges").path(0).path("node");
        assertThat(entry.path("kind").asString()).isEqualTo("ANNOUNCEMENT");
        assertThat(entry.path("event").asString()).isEqualTo("ANNOUNCEMENT");
        assertThat(entry.path("title").asString()).isEqualTo("系统维护通知");
        assertThat(entry.path("sensitive").asBoolean()).isFalse();

        dispatchAt(Instant.now());
        var received = FCM.received();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).token()).isEqualTo(token);
        assertThat(received.get(0).title()).isEqualTo("系统维护通知");
        assertThat(received.get(0).data())
                .containsEntry("notificationId", entry.path("id").asString())
                .containsEntry("kind", "ANNOUNCEMENT");
        var intent = intent(entry.path("id").asString());
        assertThat(received.get(0).messageId()).isEqualTo(intent.get("id"));
        assertThat(intent.get("state")).isEqualTo("sent");
        // The inspector has no device: the notification waits in the inbox only.
        assertThat(as("inspector")
                        .post("{ unreadNotificationCount }")
                        .ok()
                        .path("unreadNotificationCount")
                        .asInt())
                .isOne();
    }

    @Test
    void marksReadOnlyTheCallersNotifications() {
        announce("一", "第一条", "staff");
        announce("二", "第二条", "staff");
        announce("三", "第三条", "inspector");
        var staffIds = as("staff")
                .post("{ inbox { edges { node { id } } } }")
                .ok()
                .path("inbox")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node").path("id").asString())
                .toList();
        var inspectorId = as("inspector")
                .post("{ inbox { edges { node { id } } } }")
                .ok()
                .path("inbox")
                .path("edges")
                .path(0)
                .path("node")
                .path("id")
                .asString();

        var afterOne = as("staff")
                .post("""
                mutation($ids: [ID!]) { markNotificationsRead(input: {ids: $ids}) { unreadCount errors { code } } }""", Map.of("ids", java.util.List.of(staffIds.get(0), inspectorId)))
                .ok()
                .path("markNotificationsRead");
        assertThat(afterOne.path("unreadCount").asInt()).isOne();
        assertThat(as("inspector")
                        .post("{ unreadNotificationCount }")
                        .ok()
                        .path("unreadNotificationCount")
                        .asInt())
                .isOne();
        assertThat(as("inspector")
                        .post("query($id: ID!) { notification(id: $id) { id } }", Map.of("id", staffIds.get(1)))
                        .ok()
                        .path("notification")
                        .isNull())
                .isTrue();

        var all = as("staff")
                .post("mutation { markNotificationsRead(input: {all: true}) { unreadCount } }")
                .ok();
        assertThat(all.path("markNotificationsRead").path("unreadCount").asInt())
                .isZero();
        var unread = as("staff")
                .post("{ inbox(unreadOnly: true) { edges { cursor } } }")
                .ok()
                .path("inbox")
                .path("edges");
        assertThat(unread.size()).isZero();
    }

    @Test
    void theInboxPagesNewestFirst() {
        for (int i = 1; i <= 5; i++) {
            announce("通知" + i, "内容" + i, "appraiser");
        }
        var first = as("appraiser")
                .post("{ inbox(first: 3) { edges { node { title } } pageInfo { hasNextPage endCursor } } }")
                .ok()
                .path("inbox");
        assertThat(first.path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("title").asString()))
                .containsExactly("通知5", "通知4", "通知3");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        var second = as("appraiser")
                .post(
                        "query($a: String) { inbox(first: 3, after: $a) { edges { node { title } } pageInfo { hasNextPage } } }",
                        Map.of("a", first.path("pageInfo").path("endCursor").asString()))
                .ok()
                .path("inbox");
        assertThat(second.path("edges")
                        .valueStream()
                        .map(e -> e.path("node").path("title").asString()))
                .containsExactly("通知2", "通知1");
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void announcementsNameTheirFaultyFields() {
        var result = as("admin").post("""
                mutation { sendAnnouncement(input: {usernames: ["staff", "nobody-here"], title: " ", body: "x"}) {
                  recipients errors { field code } } }""").ok().path("sendAnnouncement");
        assertThat(result.path("recipients").asInt()).isZero();
        assertThat(result.path("errors")
                        .valueStream()
                        .map(e -> e.path("field").toString() + e.path("code").asString()))
                .containsExactlyInAnyOrder("[\"input\",\"title\"]REQUIRED", "[\"input\",\"usernames\",\"1\"]NOT_FOUND");
        assertThat(count("Notification")).isZero();
    }

    @Test
    void aSensitiveNotificationIsPushedAsAnOpaqueIdOnly_theContentIsFetchedSignedIn() {
        registerDevice("inspector", newToken("inspector-phone"));
        String id;
        try (var session = driver.session()) {
            id = session.executeWrite(tx -> notifications.enqueue(
                    tx,
                    NotificationRequest.sensitive(
                            Recipient.account("inspector"),
                            NotificationEvent.INSPECTION_ASSIGNED,
                            Text.verbatim("暗访任务"),
                            Text.verbatim("明天上午暗访市政务服务中心3号窗口"),
                            "INSPECTION_ASSIGNMENT",
                            "assignment-17")));
        }
        dispatchAt(Instant.now());
        var pushed = FCM.received().get(0);
        assertThat(pushed.title()).isNull();
        assertThat(pushed.body()).isNull();
        assertThat(pushed.data()).containsOnlyKeys("messageId", "type", "ref").containsEntry("ref", id);
        assertThat(pushed.data().toString()).doesNotContain("暗访", "assignment-17", "INSPECTION");

        var fetched = as("inspector")
                .post("query($id: ID!) { notification(id: $id) { body subjectId sensitive } }", Map.of("id", id))
                .ok()
                .path("notification");
        assertThat(fetched.path("body").asString()).contains("3号窗口");
        assertThat(fetched.path("subjectId").asString()).isEqualTo("assignment-17");
        assertThat(fetched.path("sensitive").asBoolean()).isTrue();
    }

    @Test
    void aNotificationRollsBackWithTheChangeThatCausedIt() {
        try (var session = driver.session()) {
            assertThatThrownBy(() -> session.executeWriteWithoutResult(tx -> {
                        notifications.enqueue(
                                tx,
                                NotificationRequest.plain(
                                        Recipient.account("staff"), NotificationEvent.ANNOUNCEMENT, "t", "b"));
                        throw new IllegalStateException("the domain change fails after the notification was written");
                    }))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(count("Notification")).isZero();
        assertThat(count("PushIntent")).isZero();
    }
}
