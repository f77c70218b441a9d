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

    /** Fifteen aliased root fields: the most one document may carry (see the request limits). */
    private static String fifteen(String field) {
        return IntStream.rangeClosed(1, 15)
                .mapToObj(i -> "f" + i + ": " + field)
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    @Test
    void rootFieldsAreCountedPerAddress_notRequests() {
        var document = fifteen("complaintByReceipt(receipt: \"x\") { number }");
        long started = System.nanoTime();
        var limited = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
        for (int i = 0; i < 44; i++) {
            RawHttp.graphql("127.0.0.3", port, document)
                    .path("errors")
                    .valueStream()
                    .filter(e -> e.path("extensions").path("code").asString().equals("RATE_LIMITED"))
                    .forEach(limited::add);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // 660 root fields: 600 pass, the other 60 are refused, less the tokens refilled (10 a second) meanwhile
        int refilled = (int) Math.ceil(seconds * 10);
        assertThat(limited).hasSizeBetween(Math.max(1, 60 - refilled), 60);
        assertThat(limited.get(0).path("extensions").path("retryAfterSeconds").asInt())
                .isPositive();

        var someoneElse = RawHttp.graphql("127.0.0.4", port, "{ complaintByReceipt(receipt: \"x\") { number } }");
        assertThat(someoneElse.path("errors").isMissingNode()
                        || someoneElse.path("errors").isEmpty())
                .isTrue();
    }

    @Test
    void signedInCallersAreNotCountedAsAnonymous() {
        var document = fifteen("me { username }");
        for (int i = 0; i < 50; i++) {
            assertThat(as("inspector").post(document).errors()).isEmpty();
        }
    }
}
