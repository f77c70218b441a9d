package org.dutygraph.platform.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.dutygraph.platform.graphql.limits.TrustedDocuments;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;

/** Issue 18 item 4: queries by GET (plain or persisted), never mutations; public data cacheable, personal not. */
class GetQueryApiTest extends ApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RANKINGS = "{ citizenRankings(first: 2) { edges { cursor } } }";

    @Test
    void aPublicQueryByGetIsAnsweredWithCachingHeadersAndAnETag() throws Exception {
        var response = get("query=" + encode(RANKINGS), null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GraphQl.JSON
                        .readTree(response.body())
                        .path("data")
                        .path("citizenRankings")
                        .isObject())
                .isTrue();
        assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=60");
        var etag = response.headers().firstValue("ETag").orElseThrow();

        var again = get("query=" + encode(RANKINGS), null, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void aPersistedQueryByGetRunsTheManifestsDocument() throws Exception {
        var hash = TrustedDocuments.sha256(
                resource("operations/citizen/CitizenRankings.graphql").strip());
        var response = get(
                "variables=" + encode("{\"first\":3}") + "&extensions="
                        + encode("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}"),
                null,
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(GraphQl.JSON
                        .readTree(response.body())
                        .path("data")
                        .path("citizenRankings")
                        .isObject())
                .isTrue();
    }

    @Test
    void aMutationByGetIsRefusedAndRunsNothing() throws Exception {
        var mutation = "mutation { login(input: {username: \"analyst\", password: \"analyst-demo\"}) { token } }";
        var response = get("query=" + encode(mutation), null, null);
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
        assertThat(response.body()).doesNotContain("\"data\"").contains("BAD_REQUEST");
    }

    @Test
    void aMutationRegisteredByPostIsNotRunByItsHashOverGet() throws Exception {
        var mutation = "mutation ApqSignOut { signOut(input: {refreshToken: \"nothing\"}) { signedOut } }";
        var hash = TrustedDocuments.sha256(mutation);
        anonymous()
                .raw(GraphQl.JSON.writeValueAsString(java.util.Map.of(
                        "query",
                        mutation,
                        "extensions",
                        java.util.Map.of("persistedQuery", java.util.Map.of("version", 1, "sha256Hash", hash)))))
                .ok();
        var response = get(
                "extensions=" + encode("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}"),
                null,
                null);
        assertThat(response.body()).contains("PERSISTED_QUERY_NOT_FOUND").doesNotContain("signedOut");
        assertThat(get(
                                "query=" + encode(mutation) + "&extensions="
                                        + encode(
                                                "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}"),
                                null,
                                null)
                        .statusCode())
                .isEqualTo(405);
    }

    @Test
    void personalDataAndSignedInCallersAreNeverStored() throws Exception {
        var token = as("analyst")
                .post("mutation { login(input: {username: \"analyst\", password: \"analyst-demo\"}) { token } }")
                .ok()
                .path("login")
                .path("token")
                .asString();
        var me = get("query=" + encode("{ me { username } }"), token, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(GraphQl.JSON
                        .readTree(me.body())
                        .path("data")
                        .path("me")
                        .path("username")
                        .asString())
                .isEqualTo("analyst");
        assertThat(me.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(get("query=" + encode(RANKINGS), token, null).headers().firstValue("Cache-Control"))
                .contains("no-store");
    }

    private HttpResponse<String> get(String parameters, String token, String ifNoneMatch) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql?" + parameters))
                .header("Accept", "application/graphql-response+json, application/json")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
