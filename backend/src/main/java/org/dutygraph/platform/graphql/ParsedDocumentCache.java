package org.dutygraph.platform.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct document once: the app sends the same few operations over and
 * over, and parsing plus validation cost more than many resolvers. Bounded; limits on depth and
 * complexity still run for every execution.
 */
final class ParsedDocumentCache implements PreparsedDocumentProvider {

    private final Cache<String, PreparsedDocumentEntry> documents;

    ParsedDocumentCache(int maxDocuments) {
        this.documents = Caffeine.newBuilder().maximumSize(maxDocuments).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
    }
}
