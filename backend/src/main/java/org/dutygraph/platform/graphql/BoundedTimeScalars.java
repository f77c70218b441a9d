package org.dutygraph.platform.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * DateTime and Date as the extended scalars parse them, limited to the years 1900 to 9999: beyond them a time
 * no longer fits the millisecond timestamps the graph keeps (the year -999999999 overflowed into INTERNAL), and
 * no date a citizen, an inspector or an appraiser enters lies there.
 */
final class BoundedTimeScalars {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    private BoundedTimeScalars() {}

    /** Every refusal is BAD_USER_INPUT with the reason INVALID_DATE_TIME (see ScalarRefusals). */
    static GraphQLScalarType dateTime(Messages messages) {
        return bounded(
                ExtendedScalars.DateTime,
                v -> ((OffsetDateTime) v).getYear(),
                (text, value) -> true,
                "INVALID_DATE_TIME",
                PlatformTexts.BAD_DATE_TIME,
                messages);
    }

    /**
     * A day that does not exist (2026-02-30) is refused, not moved to the month's last day as the parser would. Every
     * refusal is BAD_USER_INPUT with the reason INVALID_DATE (see ScalarRefusals), the parser's own text left out.
     */
    static GraphQLScalarType date(Messages messages) {
        return bounded(
                ExtendedScalars.Date,
                v -> ((LocalDate) v).getYear(),
                (text, value) -> value.toString().equals(text),
                "INVALID_DATE",
                PlatformTexts.BAD_DATE,
                messages);
    }

    private interface Year {
        int of(Object value);
    }

    /** Whether the value parsed is the one written (the text of a string input). */
    private interface Exact {
        boolean of(String text, Object value);
    }

    @SuppressWarnings("unchecked")
    private static GraphQLScalarType bounded(
            GraphQLScalarType scalar,
            Year year,
            Exact exact,
            String reason,
            PlatformTexts malformed,
            Messages messages) {
        var delegate = (Coercing<Object, Object>) scalar.getCoercing();
        Map<String, Object> extensions = Map.of("reason", reason);
        return scalar.transform(b -> b.coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) {
                return delegate.serialize(value, context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                Object value;
                try {
                    value = delegate.parseValue(input, context, locale);
                } catch (CoercingParseValueException parserRefusal) {
                    throw valueRefused(messages.render(Text.of(malformed), locale));
                }
                if (!inRange(year.of(value))) {
                    throw valueRefused(messages.render(outOfRange(scalar), locale));
                }
                if (input instanceof String text && !exact.of(text, value)) {
                    throw valueRefused(messages.render(notReal(scalar, text), locale));
                }
                return value;
            }

            private CoercingParseValueException valueRefused(String message) {
                return CoercingParseValueException.newCoercingParseValueException()
                        .message(message)
                        .extensions(extensions)
                        .build();
            }

            private CoercingParseLiteralException literalRefused(String message) {
                return CoercingParseLiteralException.newCoercingParseLiteralException()
                        .message(message)
                        .extensions(extensions)
                        .build();
            }

            @Override
            public Object parseLiteral(
                    Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                Object value;
                try {
                    value = delegate.parseLiteral(input, variables, context, locale);
                } catch (CoercingParseLiteralException parserRefusal) {
                    throw literalRefused(messages.render(Text.of(malformed), locale));
                }
                if (!inRange(year.of(value))) {
                    throw literalRefused(messages.render(outOfRange(scalar), locale));
                }
                if (input instanceof StringValue text && !exact.of(text.getValue(), value)) {
                    throw literalRefused(messages.render(notReal(scalar, text.getValue()), locale));
                }
                return value;
            }

            @Override
            public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                return delegate.valueToLiteral(input, context, locale);
            }
        }));
    }

    private static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private static Text notReal(GraphQLScalarType scalar, String text) {
        return Text.of(PlatformTexts.NOT_A_REAL_DAY, scalar.getName(), text);
    }

    private static Text outOfRange(GraphQLScalarType scalar) {
        return Text.of(PlatformTexts.YEARS_OUT_OF_RANGE, scalar.getName(), FIRST_YEAR, LAST_YEAR);
    }
}
