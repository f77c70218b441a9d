package org.dutygraph.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.dutygraph.support.ApiTest;
import org.dutygraph.support.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Callers without an account are limited per address, counting GraphQL root fields: 600 a minute in
 * tests. Aliases do not get around it. Each test client below has a loopback address of its own.
 */
class AnonymousRateLimitApiTest extends ApiTest {

    @Test
    void rootFieldsAreCountedPerAddress_notRequests() {
        var aliases = IntStream.rangeClosed(1, 650).mapToObj(i -> "f" + i + ": complaintByReceipt(receipt: \"x\") { number }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        long started = System.nanoTime();
        var burst = RawHttp.graphql("127.0.0.3", port, aliases);
        double seconds = (System.nanoTime() - started) / 1e9;
        var limited = burst.path("errors").valueStream().filter(e -> e.path("extensions").path("code").asString().equals("RATE_LIMITED")).toList();
        // 600 pass, the other 50 are refused, less the tokens refilled (10 a second) while the request ran
        int refilled = (int) Math.ceil(seconds * 10);
        assertThat(limited).hasSizeBetween(Math.max(1, 50 - refilled), 50);
        assertThat(limited.get(0).path("extensions").path("retryAfterSeconds").asInt()).isPositive();

        var someoneElse = RawHttp.graphql("127.0.0.4", port, "{ complaintByReceipt(receipt: \"x\") { number } }");
        assertThat(someoneElse.path("errors").isMissingNode() || someoneElse.path("errors").isEmpty()).isTrue();
    }

    @Test
    void signedInCallersAreNotCountedAsAnonymous() {
        var aliases = IntStream.rangeClosed(1, 700).mapToObj(i -> "f" + i + ": me { username }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        assertThat(as("inspector").post(aliases).errors()).isEmpty();
    }
}
