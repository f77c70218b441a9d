package org.dutygraph.platform.persisted;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dutygraph.platform.graphql.limits.TrustedDocuments;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 18 items 1-2: the server loads the persisted-query manifest mobile-contracts' build writes, and Apollo's
 * automatic persisted queries work through the parsed-document cache.
 */
class PersistedQueryApiTest extends ApiTest {

    @Autowired
    TrustedDocuments trusted;

    @Test
    void theManifestOfTheAppsOperationsIsLoadedAtStart() {
        var rankings = resource("operations/citizen/CitizenRankings.graphql").strip();
        assertThat(trusted.byHash(TrustedDocuments.sha256(rankings))).contains(rankings);
        assertThat(trusted.size()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void aHashOnlyRequestRunsTheManifestsDocument() {
        var rankings = resource("operations/citizen/CitizenRankings.graphql").strip();
        var response = anonymous()
                .raw(GraphQl.JSON.writeValueAsString(Map.of(
                        "variables", Map.of("first", 3), "extensions", persisted(TrustedDocuments.sha256(rankings)))));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.ok().path("citizenRankings").isObject()).isTrue();
    }

    @Test
    void anUnknownHashIsNotFoundUntilTheClientSendsItsTextOnce() {
        var document = "query ApqProbe { citizenRankings(first: 2) { edges { cursor } } }";
        var hash = TrustedDocuments.sha256(document);
        var hashOnly = GraphQl.JSON.writeValueAsString(Map.of("extensions", persisted(hash)));

        var missing = anonymous().raw(hashOnly);
        assertThat(missing.firstErrorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(missing.body().path("errors").path(0).path("message").asString())
                .isEqualTo("PersistedQueryNotFound");

        var registered = anonymous()
                .raw(GraphQl.JSON.writeValueAsString(Map.of("query", document, "extensions", persisted(hash))));
        assertThat(registered.ok().path("citizenRankings").isObject()).isTrue();
        assertThat(anonymous().raw(hashOnly).ok().path("citizenRankings").isObject())
                .isTrue();
    }

    @Test
    void aHashThatIsNotTheDocumentsIsRefused() {
        var document = "query ApqWrong { citizenRankings(first: 2) { edges { cursor } } }";
        var wrong = TrustedDocuments.sha256(document + " ");
        var response = anonymous()
                .raw(GraphQl.JSON.writeValueAsString(Map.of("query", document, "extensions", persisted(wrong))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.firstErrorCode()).isEqualTo("BAD_REQUEST");
        assertThat(response.data().isMissingNode() || response.data().isNull()).isTrue();
    }

    private static Map<String, Object> persisted(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }
}
