package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.notifications.PushDispatcher;
import org.dutygraph.support.FakeFcmForTests;
import org.dutygraph.support.FakeFcmServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A citizen's phone following cases, through the real Firebase Admin SDK to the fake FCM: per (device, case), next
 * to a staff account on the same phone; visible, generic, collapsing per case; at every step; for as long as the case
 * is open.
 */
class CitizenFollowApiTest extends ComplaintTestSupport {

    private static final FakeFcmServer FCM = FakeFcmForTests.SERVER;

    @Autowired
    PushDispatcher dispatcher;

    @BeforeEach
    void drainEarlierPushes() {
        drain();
        FCM.reset();
    }

    @Test
    void onePhoneFollowsSeveralCases_andStaysAStaffDevice_withoutTheGraphLinkingThem() {
        var a = file(Map.of("unitId", "cmkt"));
        var c = file(Map.of("unitId", "chlth"));
        var token = "phone-" + UUID.randomUUID() + ":APA91b";
        var tagA = follow(a[1], token);
        var tagC = follow(c[1], token);
        assertThat(tagA).isNotBlank().isNotEqualTo(tagC);
        assertThat(follow(a[1], token)).as("following again changes nothing").isEqualTo(tagA);
        // a staff member signs in on the same phone
        assertThat(as("staff")
                        .post("""
                mutation($t: String!) { registerDevice(input: {token: $t, platform: ANDROID}) { errors { code } } }""", Map.of("t", token))
                        .ok()
                        .path("registerDevice")
                        .path("errors")
                        .isEmpty())
                .isTrue();

        message("inspector", a[0], "请补充办理时间。");
        message("inspector", c[0], "请补充窗口号。");
        as("admin")
                .post(
                        "mutation { sendAnnouncement(input: {usernames: [\"staff\"], title: \"通知\", body: \"内容\"}) { recipients } }")
                .ok();
        drain();

        var toPhone =
                FCM.received().stream().filter(r -> r.token().equals(token)).toList();
        assertThat(toPhone).extracting(r -> r.data().get("tag")).containsExactlyInAnyOrder(tagA, tagC, null);
        assertThat(toPhone)
                .filteredOn(r -> r.data().get("tag") == null)
                .singleElement()
                .satisfies(r -> assertThat(r.title()).isEqualTo("通知"));
        try (var session = driver.session()) {
            // the follows keep the token sealed: nothing in the graph ties the cases to the staff account's device
            var follows = session.run(
                            "MATCH (d:Device) WHERE d.recipient STARTS WITH 'complaint:' AND d.token CONTAINS $t RETURN count(d) AS n",
                            Map.of("t", token.substring(0, 20)))
                    .single()
                    .get("n")
                    .asLong();
            assertThat(follows).isZero();
            assertThat(session.run("MATCH (d:Device {token: $t}) RETURN d.recipient AS r", Map.of("t", token))
                            .single()
                            .get("r")
                            .asString())
                    .isEqualTo("account:staff");
        }
    }

    @Test
    void everyVisibleStepIsAGenericAlertThatCollapsesPerCase() {
        var filed = file(Map.of("unitId", "cmkt"));
        var id = filed[0];
        var token = "phone-" + UUID.randomUUID() + ":APA91b";
        var tag = follow(filed[1], token);

        advance("inspector", id, "REGISTER", Map.of());
        advance("inspector", id, "ASSIGN", Map.of("unitId", "cmkt"));
        advance("cmkt-staff", id, "START_INVESTIGATION", Map.of());
        message("cmkt-staff", id, "请问办理时是否出示了身份证？");
        advance("cmkt-staff", id, "CONCLUDE", Map.of("conclusion", "SUBSTANTIATED"));
        advance("cmkt-staff", id, "ANSWER", Map.of("answer", "经查属实，已整改。"));
        advance("inspector", id, "PUBLISH", Map.of());
        drain();

        var sent = FCM.messages().stream()
                .filter(m -> m.path("token").asString().equals(token))
                .toList();
        assertThat(sent).hasSize(7);
        var number = citizen()
                .post("query($r: String!) { complaintByReceipt(receipt: $r) { number } }", Map.of("r", filed[1]))
                .ok()
                .path("complaintByReceipt")
                .path("number")
                .asString();
        for (JsonNode m : sent) {
            assertThat(m.path("notification").path("body").asString()).isEqualTo("您的投诉有新进展，请打开应用查看。");
            assertThat(m.path("notification").path("title").asString()).isEqualTo("投诉进展");
            assertThat(m.path("data").propertyNames()).containsExactlyInAnyOrder("messageId", "type", "tag");
            assertThat(m.path("data").path("type").asString()).isEqualTo("complaint");
            assertThat(m.path("data").path("tag").asString()).isEqualTo(tag);
            assertThat(m.path("android").path("collapse_key").asString()).isEqualTo(tag);
            assertThat(m.path("android").path("notification").path("tag").asString())
                    .isEqualTo(tag);
            assertThat(m.path("apns").path("headers").path("apns-collapse-id").asString())
                    .isEqualTo(tag);
            assertThat(m.path("apns").path("payload").path("aps").has("content-available"))
                    .isFalse();
            // nothing of the case goes to the push provider
            assertThat(m.toString())
                    .doesNotContain(number)
                    .doesNotContain(id)
                    .doesNotContain("市场监督")
                    .doesNotContain("整改");
        }
    }

    @Test
    void aFollowLastsWhileTheCaseIsOpen_notThirtyDaysFromTheLastAppStart() {
        var filed = file(Map.of("unitId", "cmkt"));
        var token = "phone-" + UUID.randomUUID() + ":APA91b";
        var tag = follow(filed[1], token);
        try (var session = driver.session()) {
            // followed 40 days ago and the app not opened since
            session.run(
                            "MATCH (d:Device) WHERE d.recipient STARTS WITH 'complaint:' SET d.lastSeenAt = $t",
                            Map.of("t", Instant.now().minus(Duration.ofDays(40)).toEpochMilli()))
                    .consume();
        }
        message("inspector", filed[0], "请补充办理时间。");
        drain();
        assertThat(FCM.received())
                .filteredOn(r -> r.token().equals(token))
                .extracting(r -> r.data().get("tag"))
                .containsExactly(tag);
    }

    private String follow(String receipt, String token) {
        var payload = citizen().post("""
                mutation($r: String!, $t: String!) { followComplaintPush(input: {receipt: $r, token: $t, platform: IOS,
                  acceptLinkRisk: true}) { following pushTag errors { code } } }""", Map.of("r", receipt, "t", token)).ok().path("followComplaintPush");
        assertThat(payload.path("following").asBoolean()).isTrue();
        return payload.path("pushTag").asString();
    }

    private void message(String username, String id, String body) {
        assertThat(as(username)
                        .post("""
                mutation($id: ID!, $b: String!) { sendComplaintMessage(input: {id: $id, body: $b}) { errors { code } } }""", Map.of("id", id, "b", body))
                        .ok()
                        .path("sendComplaintMessage")
                        .path("errors")
                        .isEmpty())
                .isTrue();
    }

    private void drain() {
        while (dispatcher.dispatchDue(Instant.now()) > 0) {
            // until nothing is due
        }
    }

    static List<String> statuses(JsonNode steps) {
        return steps.valueStream().map(s -> s.path("status").asString()).toList();
    }
}
