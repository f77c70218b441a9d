package org.dutygraph.platform.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dutygraph.platform.graphql.limits.TrustedDocuments;

/**
 * Parses and validates each distinct document once, keyed by the SHA-256 of its text, and serves Apollo's
 * automatic persisted queries from the same cache through graphql-java's {@link ApolloPersistedQuerySupport}: a
 * request carrying only {@code extensions.persistedQuery.sha256Hash} runs the document of that hash when it is in
 * the manifests ({@link TrustedDocuments}) or was sent before (else {@code PERSISTED_QUERY_NOT_FOUND}, and the
 * client sends the text with the hash); a hash sent with a text that is not its SHA-256 is refused. Bounded;
 * limits on depth and cost still run for every execution.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;
    private final TrustedDocuments trusted;
    private final ApolloPersistedQuerySupport persisted = new ApolloPersistedQuerySupport(this::byHash);

    ParsedDocumentCache(int maxDocuments, TrustedDocuments trusted) {
        this.documents = Caffeine.newBuilder().maximumSize(maxDocuments).build();
        this.trusted = trusted;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        if (input.getExtensions() != null && input.getExtensions().get("persistedQuery") instanceof Map<?, ?>) {
            return persisted.getDocumentAsync(input, parseAndValidate);
        }
        var key = TrustedDocuments.sha256(input.getQuery());
        return CompletableFuture.completedFuture(documents.get(key, k -> parseAndValidate.apply(input)));
    }

    private CompletableFuture<PreparsedDocumentEntry> byHash(
            Object id, ExecutionInput input, PersistedQueryCacheMiss parse) {
        var hash = String.valueOf(id);
        var query = input.getQuery();
        var hashOnly = query == null || query.isBlank() || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(query);
        if (!hashOnly && !TrustedDocuments.sha256(query).equals(hash)) {
            throw new PersistedQueryIdInvalid(id);
        }
        var cached = documents.getIfPresent(hash);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        var text = hashOnly ? trusted.byHash(hash).orElseThrow(() -> new PersistedQueryNotFound(id)) : query;
        var entry = parse.apply(text);
        documents.put(hash, entry);
        return CompletableFuture.completedFuture(entry);
    }
}
