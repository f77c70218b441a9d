package org.dutygraph.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dutygraph.DutygraphApplication;
import org.dutygraph.support.FakeFcmServer;
import org.dutygraph.support.FakeFcmServer.Answer;
import org.dutygraph.support.GraphQl;
import org.dutygraph.support.SpawnedJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * The service is killed (SIGKILL) while its dispatcher has a batch in flight, part of it already answered
 * by FCM and part still waiting for an answer, and other intents committed but not yet claimed; a new
 * process on the same store delivers every intent to every device, and repeats are only of messages that
 * were unanswered at the kill (never of answered ones), with the same message id, so the app's
 * de-duplication hides them.
 */
class PushCrashTest {

    private static final int ANNOUNCEMENTS = 15;
    private static final String HANGING = "staff-phone-1:APA91b";
    private static final List<String> ACCOUNTS = List.of("admin", "analyst", "appraiser", "inspector", "staff");
    /** Given to both service processes (in their environment) so that the test can read their store over Bolt. */
    private static final String BOLT_PASSWORD = java.util.UUID.randomUUID().toString();

    @TempDir
    Path dir;

    @Test
    void afterAKillOnlyMessagesThatWereUnansweredAreRepeated() throws Exception {
        try (var fcm = new FakeFcmServer()) {
            // Before the kill one phone's requests hang: its batch stays in flight while the rest of the batch
            // is answered at once, and the intents after it wait in the outbox.
            fcm.script((token, nth) -> token.equals(HANGING) ? Answer.ok().after(60_000) : Answer.ok());
            int bolt = freePort();
            var devices = new HashMap<String, List<String>>();
            var first = Service.start(dir, bolt, fcm);
            Set<String> answered;
            Set<String> inFlight;
            try {
                for (var account : ACCOUNTS) {
                    var phones = account.equals("staff") ? 2 : 1;
                    for (int i = 0; i < phones; i++) {
                        var token = account + "-phone-" + i + ":APA91b";
                        first.as(account).post("""
                                mutation($t: String!) { registerDevice(input: {token: $t, platform: ANDROID}) { errors { code } } }""", Map.of("t", token)).ok();
                        devices.computeIfAbsent("account:" + account, k -> new ArrayList<>())
                                .add(token);
                    }
                }
                for (int i = 0; i < ANNOUNCEMENTS; i++) {
                    var sent = first.as("admin")
                            .post("""
                            mutation($t: String!, $u: [String!]) { sendAnnouncement(input: {usernames: $u,
                              title: $t, body: "body"}) { recipients } }""", Map.of("t", "announcement " + i, "u", ACCOUNTS))
                            .ok();
                    assertThat(sent.path("sendAnnouncement").path("recipients").asInt())
                            .isEqualTo(ACCOUNTS.size());
                }
                await(() -> fcm.received().stream().anyMatch(r -> r.token().equals(HANGING)), Duration.ofSeconds(30));
                // Kill once the answers given are recorded (today's code never records them before the whole
                // batch is answered: then kill after a while anyway, and let the assertions below tell).
                awaitSoftly(() -> recorded(bolt, fcm.answered()), Duration.ofSeconds(10));
                answered = fcm.answered().stream()
                        .map(a -> a.messageId() + " " + a.token())
                        .collect(Collectors.toSet());
            } finally {
                first.kill();
            }
            inFlight = new HashSet<>(pairs(fcm.received()));
            inFlight.removeAll(answered);
            assertThat(inFlight).isNotEmpty();
            assertThat(answered).isNotEmpty();

            fcm.script((token, nth) -> Answer.ok());
            var second = Service.start(dir, bolt, fcm);
            try {
                var expected = expectedPairs(bolt, devices);
                assertThat(expected).hasSize(ANNOUNCEMENTS * (ACCOUNTS.size() + 1));
                assertThat(answered.size() + inFlight.size()).isLessThan(expected.size());
                await(() -> pairs(fcm.received()).containsAll(expected) && allSent(bolt), Duration.ofSeconds(60));

                var received = fcm.received();
                assertThat(received)
                        .allMatch(r -> r.messageId() != null && !r.messageId().isBlank());
                assertThat(pairs(received)).isEqualTo(expected);
                var repeats = received.stream()
                        .collect(Collectors.groupingBy(r -> r.messageId() + " " + r.token(), Collectors.counting()));
                var repeated = repeats.entrySet().stream()
                        .filter(e -> e.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .toList();
                System.out.printf(
                        "PushCrashTest: %d messages, %d answered and %d unanswered at the kill, %d repeated%n",
                        expected.size(), answered.size(), inFlight.size(), repeated.size());
                repeats.forEach((pair, times) -> assertThat(times).as(pair).isLessThanOrEqualTo(2));
                assertThat(repeated)
                        .as("repeated messages that had been answered before the kill")
                        .allMatch(inFlight::contains);
                assertThat(repeated.size()).isLessThanOrEqualTo(inFlight.size());
            } finally {
                second.kill();
            }
        }
    }

    /** Whether every answered message is recorded: its intent no longer lists that device as still to reach. */
    private static boolean recorded(int bolt, List<FakeFcmServer.Answered> answers) {
        try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.basic("neo4j", BOLT_PASSWORD));
                var session = driver.session()) {
            for (var answer : answers) {
                var open = session.run("""
                        MATCH (i:PushIntent {id: $id}) RETURN i.state = 'claimed' AND ('fcm:' + $token) IN coalesce(i.targets, []) AS open""", Map.of("id", answer.messageId(), "token", answer.token()))
                        .single()
                        .get("open")
                        .asBoolean();
                if (open) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Set<String> pairs(List<FakeFcmServer.Received> received) {
        return received.stream().map(r -> r.messageId() + " " + r.token()).collect(Collectors.toSet());
    }

    private static Set<String> expectedPairs(int bolt, Map<String, List<String>> devices) {
        try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.basic("neo4j", BOLT_PASSWORD));
                var session = driver.session()) {
            var pairs = new HashSet<String>();
            session.run("MATCH (i:PushIntent) RETURN i.id AS id, i.recipient AS recipient")
                    .forEachRemaining(r -> devices.get(r.get("recipient").asString())
                            .forEach(token -> pairs.add(r.get("id").asString() + " " + token)));
            return pairs;
        }
    }

    private static boolean allSent(int bolt) {
        try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + bolt, AuthTokens.basic("neo4j", BOLT_PASSWORD));
                var session = driver.session()) {
            return session.run("MATCH (i:PushIntent) WHERE i.state <> 'sent' RETURN count(i) AS c")
                            .single()
                            .get("c")
                            .asLong()
                    == 0;
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        var deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    private static void awaitSoftly(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        var deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The backend in a process of its own, on a store that outlives it. */
    private record Service(Process process, int port, Path log) {

        static Service start(Path dir, int bolt, FakeFcmServer fcm) throws Exception {
            int port = freePort();
            var log = dir.resolve("service-" + port + ".log");
            var classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            var command = new ArrayList<>(SpawnedJvm.java("512m"));
            command.addAll(List.of(
                    "-cp",
                    classpath,
                    DutygraphApplication.class.getName(),
                    "--server.port=" + port,
                    "--dutygraph.embedded.data-directory=" + dir.resolve("store"),
                    "--dutygraph.embedded.bolt-port=" + bolt,
                    "--dutygraph.embedded.page-cache=64m",
                    "--dutygraph.notifications.fcm.project-id=crash-test",
                    "--dutygraph.notifications.fcm.endpoint=" + fcm.endpoint(),
                    "--dutygraph.notifications.dispatcher.batch-size=10",
                    "--dutygraph.notifications.dispatcher.poll-interval=100ms",
                    "--dutygraph.notifications.dispatcher.lease=5s",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=warn"));
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            process.environment().put("DUTYGRAPH_EMBEDDED_BOLTPASSWORD", BOLT_PASSWORD);
            var service = new Service(process.start(), port, log);
            service.awaitReady();
            return service;
        }

        GraphQl as(String username) {
            var token = new GraphQl(port, null)
                    .post("""
                    mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }""", Map.of("u", username, "p", username + "-demo"))
                    .ok()
                    .path("login")
                    .path("token")
                    .asString();
            return new GraphQl(port, token);
        }

        /** Ready when a seeded account can sign in (the port opens before the seed accounts exist). */
        void awaitReady() throws Exception {
            var deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("The service died on start:\n" + Files.readString(log));
                }
                try (var socket = new java.net.Socket("127.0.0.1", port)) {
                    var login = new GraphQl(port, null).post("""
                            mutation { login(input: {username: "admin", password: "admin-demo"}) { token } }""");
                    if (login.errors().isEmpty()
                            && !login.data().path("login").path("token").isNull()) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("The service did not start:\n" + Files.readString(log));
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
