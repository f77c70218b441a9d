package org.dutygraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.dutygraph.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Failed sign-ins are throttled per username and source address, and per source address across usernames.
 * Each test signs in from loopback addresses of its own (127.0.0.2x), so that throttling here touches no
 * other test. Unknown usernames, wrong passwords and throttled attempts answer alike and take alike long.
 */
class LoginThrottleApiTest extends ApiTest {

    @Autowired
    AccountStore accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    SecurityProperties properties;

    @Test
    void aStrangersFailuresElsewhereDoNotLockTheOwnerOut() {
        account("owner-20", "owners-password");
        for (int i = 0; i < LoginThrottle.ATTEMPTS; i++) {
            assertThat(code(login("127.0.0.20", "owner-20", "guess-" + i))).isEqualTo("INVALID_CREDENTIALS");
        }
        assertThat(code(login("127.0.0.20", "owner-20", "guess-again"))).isEqualTo("TOO_MANY_ATTEMPTS");
        // the stranger cannot go on guessing, even with the right password
        assertThat(code(login("127.0.0.20", "owner-20", "owners-password"))).isEqualTo("TOO_MANY_ATTEMPTS");

        var owner = login("127.0.0.21", "owner-20", "owners-password");
        assertThat(owner.path("errors").isEmpty()).as(owner.toString()).isTrue();
        assertThat(owner.path("token").asString()).isNotBlank();
    }

    @Test
    void unknownUsernamesAnswerExactlyAsExistingAccountsDo() {
        account("existing-22", "the-password");
        var existing = new ArrayList<JsonNode>();
        var unknown = new ArrayList<JsonNode>();
        for (int i = 0; i < LoginThrottle.ATTEMPTS + 2; i++) {
            existing.add(login("127.0.0.22", "existing-22", "guess-" + i));
            unknown.add(login("127.0.0.23", "nobody-23", "guess-" + i));
        }
        existing.add(login("127.0.0.22", "existing-22", "the-password"));
        unknown.add(login("127.0.0.23", "nobody-23", "the-password"));

        assertThat(existing).isEqualTo(unknown);
        assertThat(existing.stream().map(LoginThrottleApiTest::code).toList())
                .containsExactly(
                        "INVALID_CREDENTIALS",
                        "INVALID_CREDENTIALS",
                        "INVALID_CREDENTIALS",
                        "INVALID_CREDENTIALS",
                        "INVALID_CREDENTIALS",
                        "TOO_MANY_ATTEMPTS",
                        "TOO_MANY_ATTEMPTS",
                        "TOO_MANY_ATTEMPTS");
    }

    @Test
    void oneAddressTryingManyUsernamesIsCappedAcrossThem() {
        int cap = properties.loginFailuresPerSource();
        for (int i = 0; i < cap; i++) {
            assertThat(code(login("127.0.0.24", "sprayed-" + i, "Summer2026!")))
                    .as("attempt " + i)
                    .isEqualTo("INVALID_CREDENTIALS");
        }
        assertThat(code(login("127.0.0.24", "sprayed-" + cap, "Summer2026!"))).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(code(login("127.0.0.25", "sprayed-" + cap, "Summer2026!"))).isEqualTo("INVALID_CREDENTIALS");
    }

    /**
     * Loose on purpose: only a gap of a whole password-hash verification (today ~70 ms against a few ms) fails it,
     * not scheduling noise.
     */
    @Test
    void unknownUsersWrongPasswordsAndThrottledAttemptsTakeComparableTime() {
        account("timed-26", "the-password");
        account("locked-28", "the-password");
        for (int i = 0; i < LoginThrottle.ATTEMPTS; i++) {
            login("127.0.0.28", "locked-28", "guess-" + i);
        }
        login("127.0.0.26", "warm-up-only", "x");
        var wrong = new ArrayList<Long>();
        var unknown = new ArrayList<Long>();
        var throttled = new ArrayList<Long>();
        for (int i = 0; i < LoginThrottle.ATTEMPTS; i++) {
            wrong.add(timed("127.0.0.26", "timed-26", "guess-" + i, "INVALID_CREDENTIALS"));
            unknown.add(timed("127.0.0.27", "nobody-27", "guess-" + i, "INVALID_CREDENTIALS"));
            throttled.add(timed("127.0.0.28", "locked-28", "guess-" + i, "TOO_MANY_ATTEMPTS"));
        }
        long w = median(wrong);
        long u = median(unknown);
        long t = median(throttled);
        assertThat(u).as("unknown %s vs wrong password %s ns", unknown, wrong).isGreaterThanOrEqualTo(w / 3);
        assertThat(t)
                .as("throttled %s vs wrong password %s ns", throttled, wrong)
                .isGreaterThanOrEqualTo(w / 3);
        assertThat(w).as("wrong password %s vs unknown %s ns", wrong, unknown).isGreaterThanOrEqualTo(u / 3);
    }

    private long timed(String from, String username, String password, String expectedCode) {
        long started = System.nanoTime();
        var answer = login(from, username, password);
        long took = System.nanoTime() - started;
        assertThat(code(answer)).isEqualTo(expectedCode);
        return took;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private void account(String username, String password) {
        accounts.createIfMissing(username, passwords.encode(password), List.of(Role.ANALYST), null);
    }

    private JsonNode login(String from, String username, String password) {
        var response = RawHttp.graphql(
                from,
                port,
                "mutation { login(input: {username: " + GraphQl.JSON.writeValueAsString(username) + ", password: "
                        + GraphQl.JSON.writeValueAsString(password) + "}) { token errors { field code message } } }");
        assertThat(response.path("errors").isMissingNode())
                .as(response.toString())
                .isTrue();
        return response.path("data").path("login");
    }

    private static String code(JsonNode login) {
        return login.path("errors").path(0).path("code").asString(null);
    }
}
