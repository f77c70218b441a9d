package org.dutygraph.platform.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Pattern;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * A date known to a year (2012), a month (2012-03) or a day (2012-03-01), as org bundles record founding and posting
 * dates: a full {@code Date} would invent a month and a day the source never gave. Values stay ISO 8601 strings.
 */
final class PartialDateScalar {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private PartialDateScalar() {}

    static boolean isPartialDate(String value) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            return false;
        }
        try {
            if (value.length() == 10) {
                LocalDate.parse(value);
            } else if (value.length() == 7) {
                YearMonth.parse(value);
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static GraphQLScalarType create(Messages messages) {
        return GraphQLScalarType.newScalar()
                .name("PartialDate")
                .coercing(new Coercing<String, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        if (value instanceof String s && isPartialDate(s)) {
                            return s;
                        }
                        throw new CoercingSerializeException(message(value, locale));
                    }

                    @Override
                    public String parseValue(Object input, GraphQLContext context, Locale locale) {
                        if (input instanceof String s && isPartialDate(s)) {
                            return s;
                        }
                        throw new CoercingParseValueException(message(input, locale));
                    }

                    @Override
                    public String parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        if (input instanceof StringValue s && isPartialDate(s.getValue())) {
                            return s.getValue();
                        }
                        throw new CoercingParseLiteralException(message(input, locale));
                    }

                    @Override
                    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                        return StringValue.of(serialize(input, context, locale));
                    }

                    private String message(Object value, Locale locale) {
                        var shown = value instanceof StringValue s ? s.getValue() : String.valueOf(value);
                        return messages.render(Text.of(PlatformTexts.BAD_PARTIAL_DATE, shown), locale);
                    }
                })
                .build();
    }
}
