package org.dutygraph.platform.graphql;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.SourceLocation;
import java.util.List;
import java.util.Map;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.i18n.UnicodeText;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Refuses a request any of whose text holds half a character (a JSON escape of a lone surrogate): the store keeps it
 * as '?', so a name, a complaint's text or an id would silently change, and two different ids could become one.
 * Checked once for every operation, before anything runs: every variable (names and values, at any depth), the
 * document, the operation's name. Answered as the scalars' refusals are: BAD_USER_INPUT, reason INVALID_VALUE, and
 * {@code extensions.field} naming where ({@code $input.text}, {@code $ids[2]}, or {@code query} for the document).
 * A GraphQL escape in the document ({@code "\\uD800"}) is already a syntax error of graphql-java's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class WholeUnicodeInput implements WebGraphQlInterceptor {

    private final Messages messages;

    WholeUnicodeInput(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var field = halfCharacterAt(request);
        if (field == null) {
            return chain.next(request);
        }
        var language = Languages.fromAcceptLanguage(request.getHeaders().getFirst("Accept-Language"));
        var message = messages.render(
                Text.of(PlatformTexts.VALUE_REFUSED, field, Text.of(PlatformTexts.NOT_WHOLE_UNICODE)), language);
        var error = GraphqlErrorBuilder.newError()
                .message(message)
                .locations(List.<SourceLocation>of())
                .errorType(ErrorType.BAD_REQUEST)
                .extensions(Map.of("code", "BAD_USER_INPUT", "reason", "INVALID_VALUE", "field", field))
                .build();
        var result = ExecutionResult.newExecutionResult().addError(error).build();
        return Mono.just(
                new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
    }

    /** Where the first text holding half a character is, or null when all of the request is whole text. */
    static String halfCharacterAt(WebGraphQlRequest request) {
        if (request.getDocument() != null && UnicodeText.holdsHalfACharacter(request.getDocument())) {
            return "query";
        }
        if (request.getOperationName() != null && UnicodeText.holdsHalfACharacter(request.getOperationName())) {
            return "operationName";
        }
        for (var variable : request.getVariables().entrySet()) {
            if (UnicodeText.holdsHalfACharacter(variable.getKey())) {
                return "variables";
            }
            var at = halfCharacterIn(variable.getValue(), "$" + variable.getKey());
            if (at != null) {
                return at;
            }
        }
        return null;
    }

    private static String halfCharacterIn(Object value, String path) {
        if (value instanceof String text) {
            return UnicodeText.holdsHalfACharacter(text) ? path : null;
        }
        if (value instanceof Map<?, ?> fields) {
            for (var field : fields.entrySet()) {
                var name = String.valueOf(field.getKey());
                // a name holding half a character cannot be shown as it is: the object holding it is named
                if (UnicodeText.holdsHalfACharacter(name)) {
                    return path;
                }
                var at = halfCharacterIn(field.getValue(), path + "." + name);
                if (at != null) {
                    return at;
                }
            }
        }
        if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                var at = halfCharacterIn(items.get(i), path + "[" + i + "]");
                if (at != null) {
                    return at;
                }
            }
        }
        return null;
    }
}
