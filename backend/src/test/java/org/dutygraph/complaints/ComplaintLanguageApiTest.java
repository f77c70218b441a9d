package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.notifications.PushDispatcher;
import org.dutygraph.support.EnglishTexts;
import org.dutygraph.support.FakeFcmForTests;
import org.dutygraph.support.FakeFcmServer;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21 item 8, the citizen's and the handlers' side: the app's own operations (mobile-contracts operations/) run
 * under Accept-Language zh-CN answer no bare English sentence in any field, errors included; English comes when the
 * request asks for it; visible pushes go in the language of each device.
 */
class ComplaintLanguageApiTest extends ComplaintTestSupport {

    private static final FakeFcmServer FCM = FakeFcmForTests.SERVER;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    PushDispatcher dispatcher;

    private final List<String> english = new ArrayList<>();

    @BeforeEach
    void noPushesYet() {
        drain();
        FCM.reset();
    }

    @Test
    void theCitizensAndHandlersOperationsAnswerInChinese_errorsIncluded() {
        var citizen = anonymous().inLanguage("zh-CN");
        run(citizen, "citizen/Matters", Map.of("filter", "单车"));
        run(citizen, "citizen/Matters", Map.of("filter", "超过二十个字的过滤条件超过二十个字的过滤条件"));
        var byWords = complaint(Map.of("matterText", "共享单车乱停放占用盲道"));
        byWords.put("areaId", "ct-d1-cy");
        var words = run(citizen, "citizen/SubmitComplaint", Map.of("input", byWords))
                .path("data")
                .path("submitComplaint");
        var byItem = run(
                        citizen,
                        "citizen/SubmitComplaint",
                        Map.of("input", complaint(Map.of("powerItemId", "cpi-taxi"))))
                .path("data")
                .path("submitComplaint");
        var bad = complaint(Map.of("matterId", "cobj.none"));
        bad.put("submissionId", "not-a-uuid");
        bad.put("description", "太短");
        bad.put("contact", Map.of("name", "张三", "phone", "call me maybe"));
        bad.put("occurredAt", "2999-01-01T00:00:00Z");
        var refused = run(citizen, "citizen/SubmitComplaint", Map.of("input", bad))
                .path("data")
                .path("submitComplaint");
        assertThat(refused.path("errors").size()).isGreaterThanOrEqualTo(4);
        var receipt = words.path("receipt").asString();
        run(citizen, "citizen/ComplaintByReceipt", Map.of("receipt", receipt));
        run(citizen, "citizen/ReplyToComplaint", Map.of("receipt", receipt, "body", " "));
        run(citizen, "citizen/ReplyToComplaint", Map.of("receipt", "no-such-receipt", "body", "补充说明"));
        run(
                citizen,
                "citizen/FollowComplaintPush",
                Map.of(
                        "receipt",
                        receipt,
                        "token",
                        "t-" + UUID.randomUUID(),
                        "platform",
                        "IOS",
                        "acceptLinkRisk",
                        false));
        run(
                citizen,
                "citizen/FollowComplaintPush",
                Map.of("receipt", receipt, "token", "not a token!", "platform", "IOS", "acceptLinkRisk", true));
        run(
                citizen,
                "citizen/RateService",
                Map.of("input", Map.of("serviceCaseNumber", "", "unitId", "nowhere", "level", "DISSATISFIED")));
        run(citizen, "citizen/CitizenRankings", Map.of());
        run(citizen, "common/Inbox", Map.of());

        var office = as("inspector").inLanguage("zh-CN");
        var wordsId = idOf(words);
        var itemId = idOf(byItem);
        run(office, "handler/Complaints", Map.of("first", 20));
        run(office, "handler/Complaint", Map.of("id", wordsId));
        run(office, "handler/Complaint", Map.of("id", itemId));
        var suggestions = run(office, null, Map.of("id", wordsId), """
                query($id: ID!) { complaint(id: $id) { suggestions { unit { id } reason } } }""");
        assertThat(suggestions
                        .path("data")
                        .path("complaint")
                        .path("suggestions")
                        .size())
                .isPositive();
        run(office, "handler/AdvanceComplaint", Map.of("input", Map.of("id", wordsId, "action", "CONCLUDE")));
        run(office, "handler/AdvanceComplaint", Map.of("input", Map.of("id", wordsId, "action", "ASSIGN")));
        run(office, "handler/AdvanceComplaint", Map.of("input", Map.of("id", "nothing-here", "action", "REGISTER")));
        run(office, "handler/SendComplaintMessage", Map.of("id", wordsId, "body", ""));
        run(office, "handler/ComplaintAudit", Map.of("id", wordsId));
        run(office, "common/Inbox", Map.of());
        var staff = as("cmkt-staff").inLanguage("zh-CN");
        run(staff, "handler/ComplaintStats", Map.of("unitId", "chlth"));
        run(staff, "handler/AdvanceComplaint", Map.of("input", Map.of("id", itemId, "action", "PUBLISH")));
        run(staff, "common/RegisterDevice", Map.of("token", "bad token", "platform", "ANDROID"));
        run(
                staff,
                "common/RegisterDevice",
                Map.of("token", "t-" + UUID.randomUUID(), "platform", "ANDROID", "locale", "no locale!"));
        run(staff, "common/MarkNotificationsRead", Map.of());
        run(citizen, null, Map.of(), "{ me { username } }");
        run(staff, null, Map.of(), "{ nosuchfield }");
        run(citizen, "common/Login", Map.of("username", "inspector", "password", "wrong"));

        assertThat(english).as("English in answers to zh-CN").isEmpty();
    }

    @Test
    void httpEndpointsBesideGraphqlAnswerInTheRequestsLanguage() throws Exception {
        var photo = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/complaints/photos"))
                        .header("Accept-Language", "zh-CN")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(photo.statusCode()).isEqualTo(400);
        assertThat(GraphQl.JSON.readTree(photo.body()).path("message").asString())
                .isEqualTo("请把照片作为请求体发送");
        var services = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open311/v2/services.json"))
                        .header("Accept-Language", "en")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(GraphQl.JSON
                        .readTree(services.body())
                        .path(0)
                        .path("service_name")
                        .asString())
                .isEqualTo("Cold: hard to get in, " + "cold faces, harsh words");
        var notJson = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(GraphQl.JSON
                        .readTree(notJson.body())
                        .path("errors")
                        .path(0)
                        .path("message")
                        .asString())
                .as("no Accept-Language: Chinese")
                .isEqualTo("请求体不是 JSON");
        var badToken = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer not.a.token")
                        .header("Accept-Language", "en-US,en;q=0.9")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { username } }\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(GraphQl.JSON
                        .readTree(badToken.body())
                        .path("errors")
                        .path(0)
                        .path("message")
                        .asString())
                .startsWith("Sign in again");
    }

    @Test
    void englishWhenTheRequestAsksForIt_withTheSameCodes() {
        var citizen = anonymous().inLanguage("en-US,en;q=0.9");
        var bad = complaint(Map.of("unitId", "cmkt"));
        bad.put("description", "short");
        var answer = citizen.post(op("citizen/SubmitComplaint"), Map.of("input", bad));
        assertThat(EnglishTexts.in(answer.body()))
                .as("the check the Chinese journey passes finds English here")
                .isNotEmpty();
        var refused = answer.ok().path("submitComplaint").path("errors");
        assertThat(refused.path(0).path("code").asString()).isEqualTo("INVALID_LENGTH");
        assertThat(refused.path(0).path("message").asString()).isEqualTo("'description' must be 10 to 5000 characters");
        var chinese = anonymous()
                .post(op("citizen/SubmitComplaint"), Map.of("input", bad))
                .ok()
                .path("submitComplaint")
                .path("errors");
        assertThat(chinese.path(0).path("code").asString())
                .as("the same code in every language")
                .isEqualTo("INVALID_LENGTH");
        assertThat(chinese.path(0).path("message").asString()).isEqualTo("投诉内容须为 10 至 5000 个字");

        var id = idOf(submit(complaint(Map.of("powerItemId", "cpi-taxi"))));
        var query = "query($id: ID!) { complaint(id: $id) { routing history { note } } }";
        var inEnglish = as("inspector")
                .inLanguage("en")
                .post(query, Map.of("id", id))
                .ok()
                .path("complaint");
        assertThat(inEnglish.path("routing").asString())
                .isEqualTo("the only unit holding a duty that exercises this matter there");
        assertThat(inEnglish.path("history").path(0).path("note").asString())
                .as("the step keeps the reason as a text")
                .isEqualTo("the only unit holding a duty that exercises this matter there");
        assertThat(as("inspector")
                        .post(query, Map.of("id", id))
                        .ok()
                        .path("complaint")
                        .path("routing")
                        .asString())
                .isEqualTo("在事发地只有该单位承担行使该权力事项的职责");

        var denied = anonymous().inLanguage("en").post("{ unreadNotificationCount }");
        assertThat(denied.firstErrorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(denied.errors().get(0).path("message").asString())
                .isEqualTo("Sign in to call 'unreadNotificationCount'");
        var invalid = as("inspector").inLanguage("en").post("{ nosuchfield }");
        assertThat(invalid.firstErrorCode()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(invalid.errors().get(0).path("message").asString())
                .doesNotMatch(".*\\p{IsHan}.*")
                .contains("nosuchfield");
        assertThat(as("inspector")
                        .post("{ nosuchfield }")
                        .errors()
                        .get(0)
                        .path("message")
                        .asString())
                .startsWith("请求未通过校验：")
                .contains("nosuchfield");
    }

    @Test
    void visiblePushesGoInTheLanguageOfEachDevice_chineseWhenTheDeviceGaveNone() {
        var filed = file(Map.of("unitId", "cmkt"));
        var englishPhone = "phone-en-" + UUID.randomUUID() + ":APA91b";
        var chinesePhone = "phone-zh-" + UUID.randomUUID() + ":APA91b";
        follow(filed[1], englishPhone, "en-GB");
        follow(filed[1], chinesePhone, null);
        assertThat(anonymous()
                        .post(
                                op("citizen/FollowComplaintPush"),
                                Map.of(
                                        "receipt",
                                        filed[1],
                                        "token",
                                        "p-" + UUID.randomUUID(),
                                        "platform",
                                        "IOS",
                                        "acceptLinkRisk",
                                        true,
                                        "locale",
                                        "not a tag"))
                        .ok()
                        .path("followComplaintPush")
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("INVALID_LOCALE");
        as("inspector").post("""
                mutation($id: ID!) { sendComplaintMessage(input: {id: $id, body: "请补充办理时间。"}) { errors { code } } }""", Map.of("id", filed[0])).ok();
        drain();
        var toEnglish = FCM.received().stream()
                .filter(r -> r.token().equals(englishPhone))
                .toList();
        var toChinese = FCM.received().stream()
                .filter(r -> r.token().equals(chinesePhone))
                .toList();
        assertThat(toEnglish).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Complaint update");
            assertThat(r.body()).isEqualTo("There is news about your complaint; open the app to see it.");
        });
        assertThat(toChinese).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("投诉进展");
            assertThat(r.body()).isEqualTo("您的投诉有新进展，请打开应用查看。");
        });
        assertThat(toEnglish.get(0).messageId())
                .as("one message, two languages")
                .isEqualTo(toChinese.get(0).messageId());
    }

    @Test
    void inboxEntriesAreReadInTheReadersLanguage_andOldEntriesAsTheyWereWritten() {
        var filed = file(Map.of("unitId", "cmkt"));
        advance("inspector", filed[0], "REGISTER", Map.of());
        advance("inspector", filed[0], "ASSIGN", Map.of("unitId", "cmkt"));
        try (var session = driver.session()) {
            session.run("""
                    CREATE (:Notification {id: $id, recipient: 'account:cmkt-staff', kind: 'OLD', title: 'Written in English',
                            body: 'before texts were kept as keys', sensitive: false, createdAt: 0, key: '0000000000000:' + $id})""", Map.of("id", UUID.randomUUID().toString())).consume();
        }
        var inbox = "{ inbox(first: 100) { edges { node { kind title body } } } }";
        var chinese = titles(as("cmkt-staff").post(inbox).ok());
        var inEnglish = titles(as("cmkt-staff").inLanguage("en").post(inbox).ok());
        var number = as("inspector")
                .post("query($id: ID!) { complaint(id: $id) { number } }", Map.of("id", filed[0]))
                .ok()
                .path("complaint")
                .path("number")
                .asString();
        assertThat(chinese)
                .contains(
                        "COMPLAINT_ASSIGNED 投诉交办 " + number + " / 请在期限内调查处理。",
                        "OLD Written in English / before texts were kept as keys");
        assertThat(inEnglish)
                .contains(
                        "COMPLAINT_ASSIGNED Complaint assigned " + number
                                + " / Please investigate and handle it before the deadline.",
                        "OLD Written in English / before texts were kept as keys");
    }

    private List<String> titles(JsonNode data) {
        return data.path("inbox")
                .path("edges")
                .valueStream()
                .map(e -> e.path("node").path("kind").asString() + " "
                        + e.path("node").path("title").asString() + " / "
                        + e.path("node").path("body").asString())
                .toList();
    }

    private void follow(String receipt, String token, String locale) {
        var variables = new HashMap<String, Object>(
                Map.of("receipt", receipt, "token", token, "platform", "IOS", "acceptLinkRisk", true));
        if (locale != null) {
            variables.put("locale", locale);
        }
        assertThat(anonymous()
                        .post(op("citizen/FollowComplaintPush"), variables)
                        .ok()
                        .path("followComplaintPush")
                        .path("following")
                        .asBoolean())
                .isTrue();
    }

    private JsonNode run(GraphQl client, String operation, Map<String, Object> variables) {
        return run(client, operation, variables, op(operation));
    }

    /** Posts an app operation (or another document) and notes every English sentence of the answer. */
    private JsonNode run(GraphQl client, String operation, Map<String, Object> variables, String document) {
        var body = client.post(document, variables).body();
        EnglishTexts.in(body).forEach(found -> english.add((operation == null ? document : operation) + " " + found));
        return body;
    }

    private static String op(String name) {
        return resource("operations/" + name + ".graphql");
    }

    private String idOf(JsonNode submitted) {
        var number = submitted.path("complaint").path("number").asString();
        try (var session = driver.session()) {
            return session.run("MATCH (c:Complaint {number: $n}) RETURN c.id AS id", Map.of("n", number))
                    .single()
                    .get("id")
                    .asString();
        }
    }

    private void drain() {
        while (dispatcher.dispatchDue(Instant.now()) > 0) {
            // until nothing is due
        }
    }
}
