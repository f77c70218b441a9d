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
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * Months and appraisal periods as the schema's scalars: the exact ISO text and nothing near it ("2026-3", "2026-13",
 * "+2026-03", " 2026-03" and years outside 1900 to 9999 are refused), served to resolvers as that same text. A
 * refusal is BAD_USER_INPUT with {@code extensions.reason}; graphql-java's message around it names the argument or
 * variable.
 */
final class PeriodScalars {

    /** Years as {@link BoundedTimeScalars} bounds them: no month or period anyone enters lies outside. */
    private static final String YEAR = "(19\\d\\d|[2-9]\\d\\d\\d)";

    private static final Pattern MONTH = Pattern.compile(YEAR + "-(0[1-9]|1[0-2])");
    private static final Pattern PERIOD = Pattern.compile(YEAR + "(-(0[1-9]|1[0-2]|Q[1-4]))?");

    private PeriodScalars() {}

    static boolean isYearMonth(String text) {
        return text != null && MONTH.matcher(text).matches();
    }

    static boolean isAppraisalPeriod(String text) {
        return text != null && PERIOD.matcher(text).matches();
    }

    static GraphQLScalarType yearMonth(Messages messages) {
        return scalar("YearMonth", PeriodScalars::isYearMonth, "INVALID_MONTH", PlatformTexts.BAD_YEAR_MONTH, messages);
    }

    static GraphQLScalarType appraisalPeriod(Messages messages) {
        return scalar(
                "AppraisalPeriod",
                PeriodScalars::isAppraisalPeriod,
                "INVALID_PERIOD",
                PlatformTexts.BAD_APPRAISAL_PERIOD,
                messages);
    }

    private static GraphQLScalarType scalar(
            String name, Predicate<String> valid, String code, PlatformTexts reason, Messages messages) {
        // the reason the features' own checks give the same mistake in a payload; ErrorCodeInterceptor makes it
        // BAD_USER_INPUT (graphql-java classifies it a validation error)
        var extensions = Map.<String, Object>of("reason", code);
        return GraphQLScalarType.newScalar()
                .name(name)
                .coercing(new Coercing<String, String>() {
                    @Override
                    public String serialize(Object value, GraphQLContext context, Locale locale) {
                        if (value != null && valid.test(value.toString())) {
                            return value.toString();
                        }
                        throw new CoercingSerializeException(message(value, locale));
                    }

                    @Override
                    public String parseValue(Object input, GraphQLContext context, Locale locale) {
                        if (input instanceof String s && valid.test(s)) {
                            return s;
                        }
                        throw CoercingParseValueException.newCoercingParseValueException()
                                .message(message(input, locale))
                                .extensions(extensions)
                                .build();
                    }

                    @Override
                    public String parseLiteral(
                            Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                        if (input instanceof StringValue s && valid.test(s.getValue())) {
                            return s.getValue();
                        }
                        throw CoercingParseLiteralException.newCoercingParseLiteralException()
                                .message(message(input, locale))
                                .extensions(extensions)
                                .build();
                    }

                    @Override
                    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                        return StringValue.of(serialize(input, context, locale));
                    }

                    // the value sent is not echoed: what a caller typed stays out of the answer
                    private String message(Object value, Locale locale) {
                        return messages.render(Text.of(reason), locale);
                    }
                })
                .build();
    }
}
