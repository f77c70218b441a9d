package org.dutygraph.platform.graphql;

import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.parser.Parser;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * A value one of the schema's scalars refused ({@code extensions.reason} set) answered as the features' refusals are:
 * {@code extensions.field} says where it came in, the message is the catalogue's. graphql-java's own sentence is
 * English, names only the variable (not where inside it), and repeats a literal's value.
 */
final class ScalarRefusals {

    private static final Pattern VARIABLE = Pattern.compile("^Variable '([^']+)' has an invalid value");
    private static final Pattern ARGUMENT =
            Pattern.compile("^Validation error \\(\\w+@\\[[^]]*]\\) : argument '([^']+)' ");

    private static final Pattern BAD_DEFAULT = Pattern.compile("^Validation error \\([^)]*\\) : Bad default value ");

    private static final Map<String, PlatformTexts> REASONS = Map.of(
            "INVALID_MONTH", PlatformTexts.BAD_YEAR_MONTH,
            "INVALID_PERIOD", PlatformTexts.BAD_APPRAISAL_PERIOD,
            "INVALID_DATE", PlatformTexts.BAD_DATE,
            "INVALID_DATE_TIME", PlatformTexts.BAD_DATE_TIME);

    private ScalarRefusals() {}

    /** The message for the refusal, naming its field; empty when the reason is not a scalar's. */
    static Optional<Text> message(String reason, String field) {
        var why = REASONS.get(reason);
        return why == null ? Optional.empty() : Optional.of(Text.of(PlatformTexts.VALUE_REFUSED, field, Text.of(why)));
    }

    /**
     * Where the refused value came in: a literal's argument path as graphql-java names it ({@code input.month}), or
     * {@code $variable} followed by the path inside the variable's value ({@code $i.month}); null when the error
     * names neither.
     */
    static String field(GraphQLError error, WebGraphQlRequest request, GraphQLSchema schema) {
        var message = error.getMessage() == null ? "" : error.getMessage();
        var argument = ARGUMENT.matcher(message);
        if (argument.find()) {
            return argument.group(1);
        }
        var variable = VARIABLE.matcher(message);
        if (!variable.find()) {
            return null;
        }
        var name = variable.group(1);
        try {
            var type = declaredType(request, name, schema);
            var inside =
                    type == null ? null : refused(type, request.getVariables().get(name));
            return "$" + name + (inside == null ? "" : inside);
        } catch (RuntimeException unreadable) {
            return "$" + name;
        }
    }

    /** A variable's default value one of the scalars refused: where ({@code $name} and the path inside) and why. */
    record RefusedDefault(String field, String reason) {}

    /**
     * For graphql-java's "Bad default value" error, which names neither the variable nor the scalar's reason (and
     * repeats the value): the first default value of the operation's variables that a scalar refuses with a reason.
     */
    static Optional<RefusedDefault> refusedDefault(
            GraphQLError error, WebGraphQlRequest request, GraphQLSchema schema) {
        var message = error.getMessage() == null ? "" : error.getMessage();
        if (!BAD_DEFAULT.matcher(message).find()
                || schema == null
                || request.getDocument() == null
                || request.getDocument().isBlank()) {
            return Optional.empty();
        }
        try {
            return variableDefinitions(request)
                    .filter(v -> v.getDefaultValue() != null)
                    .flatMap(v ->
                            refusedLiteral(typeOf(v.getType(), schema), v.getDefaultValue(), "$" + v.getName())
                                    .stream())
                    .findFirst();
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<RefusedDefault> refusedLiteral(GraphQLInputType type, Value<?> value, String path) {
        if (type == null || value == null || value instanceof NullValue) {
            return Optional.empty();
        }
        var unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            var element = (GraphQLInputType) list.getWrappedType();
            if (!(value instanceof ArrayValue items)) {
                return refusedLiteral(element, value, path);
            }
            for (int i = 0; i < items.getValues().size(); i++) {
                var inside = refusedLiteral(element, items.getValues().get(i), path + "[" + i + "]");
                if (inside.isPresent()) {
                    return inside;
                }
            }
            return Optional.empty();
        }
        if (unwrapped instanceof GraphQLInputObjectType object && value instanceof ObjectValue fields) {
            for (var field : fields.getObjectFields()) {
                var definition = object.getFieldDefinition(field.getName());
                var inside = definition == null
                        ? Optional.<RefusedDefault>empty()
                        : refusedLiteral(definition.getType(), field.getValue(), path + "." + field.getName());
                if (inside.isPresent()) {
                    return inside;
                }
            }
            return Optional.empty();
        }
        if (unwrapped instanceof GraphQLScalarType scalar) {
            try {
                scalar.getCoercing()
                        .parseLiteral(
                                value, CoercedVariables.emptyVariables(), GraphQLContext.getDefault(), Locale.ROOT);
                return Optional.empty();
            } catch (CoercingParseLiteralException e) {
                var reason =
                        e.getExtensions() == null ? null : e.getExtensions().get("reason");
                return reason == null ? Optional.empty() : Optional.of(new RefusedDefault(path, reason.toString()));
            } catch (RuntimeException other) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static GraphQLInputType declaredType(WebGraphQlRequest request, String variable, GraphQLSchema schema) {
        if (schema == null
                || request.getDocument() == null
                || request.getDocument().isBlank()) {
            return null;
        }
        return variableDefinitions(request)
                .filter(v -> v.getName().equals(variable))
                .findFirst()
                .map(v -> typeOf(v.getType(), schema))
                .orElse(null);
    }

    /** The variables the request's operation declares (its document parsed). */
    private static Stream<VariableDefinition> variableDefinitions(WebGraphQlRequest request) {
        Document document = Parser.parse(request.getDocument());
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(o -> request.getOperationName() == null
                        || request.getOperationName().equals(o.getName()))
                .flatMap(o -> o.getVariableDefinitions().stream());
    }

    private static GraphQLInputType typeOf(Type<?> type, GraphQLSchema schema) {
        if (type instanceof NonNullType nonNull) {
            return GraphQLNonNull.nonNull(typeOf(nonNull.getType(), schema));
        }
        if (type instanceof ListType list) {
            return GraphQLList.list(typeOf(list.getType(), schema));
        }
        return (GraphQLInputType) schema.getType(((TypeName) type).getName());
    }

    /** The path inside {@code value} to the first value a scalar refuses with a reason ("" for value itself). */
    private static String refused(GraphQLInputType type, Object value) {
        if (value == null) {
            return null;
        }
        var unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
        if (unwrapped instanceof GraphQLList list) {
            var element = (GraphQLInputType) list.getWrappedType();
            if (!(value instanceof List<?> items)) {
                return refused(element, value);
            }
            for (int i = 0; i < items.size(); i++) {
                var inside = refused(element, items.get(i));
                if (inside != null) {
                    return "[" + i + "]" + inside;
                }
            }
            return null;
        }
        if (unwrapped instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (var field : object.getFieldDefinitions()) {
                var inside = refused(field.getType(), fields.get(field.getName()));
                if (inside != null) {
                    return "." + field.getName() + inside;
                }
            }
            return null;
        }
        if (unwrapped instanceof GraphQLScalarType scalar) {
            try {
                scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.ROOT);
                return null;
            } catch (CoercingParseValueException e) {
                return e.getExtensions() != null && e.getExtensions().containsKey("reason") ? "" : null;
            } catch (RuntimeException other) {
                return null;
            }
        }
        return null;
    }
}
