package org.dutygraph.platform.graphql;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Per-operation latency ({@code dutygraph.graphql.operation}, by operation name and outcome) and errors by
 * {@code extensions.code} ({@code dutygraph.graphql.errors}), as clients see them: outermost interceptor, after every
 * error has its code. Operation names are chosen by callers, so at most {@value #MAX_NAMES} distinct ones are kept
 * as tags, the rest counted as {@code other}. Requests refused before GraphQL runs (body checks, not ready) are not here,
 * nor the service's own start-up rehearsal ({@link Rehearsal}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlMetrics implements WebGraphQlInterceptor {

    static final int MAX_NAMES = 300;
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,63}");
    /** The name of a document's operation when the request does not say it (one operation per document then). */
    private static final Pattern NAMED_OPERATION =
            Pattern.compile("\\b(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");

    private final MeterRegistry registry;
    private final Set<String> names = ConcurrentHashMap.newKeySet();

    GraphQlMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (Rehearsal.is(request)) {
            return chain.next(request);
        }
        var operation = tag(operationName(request));
        var sample = Timer.start(registry);
        return chain.next(request).doOnNext(response -> {
            var errors = response.getErrors();
            sample.stop(Timer.builder("dutygraph.graphql.operation")
                    .description("GraphQL requests by operation")
                    .tag("operation", operation)
                    .tag("outcome", errors.isEmpty() ? "SUCCESS" : "ERROR")
                    .publishPercentileHistogram()
                    .register(registry));
            for (var error : errors) {
                var code = error.getExtensions() == null
                        ? null
                        : error.getExtensions().get("code");
                Counter.builder("dutygraph.graphql.errors")
                        .description("GraphQL errors by extensions.code")
                        .tag("operation", operation)
                        .tag("code", code == null ? "NONE" : code.toString())
                        .register(registry)
                        .increment();
            }
        });
    }

    private static String operationName(WebGraphQlRequest request) {
        if (request.getOperationName() != null) return request.getOperationName();
        var document = request.getDocument();
        if (document == null) return null;
        var named = NAMED_OPERATION.matcher(document);
        return named.find() ? named.group(1) : null;
    }

    private String tag(String operationName) {
        if (operationName == null || operationName.isBlank()) return "unnamed";
        if (!NAME.matcher(operationName).matches()) return "other";
        if (names.contains(operationName)) return operationName;
        if (names.size() >= MAX_NAMES) return "other";
        names.add(operationName);
        return operationName;
    }
}
