package org.dutygraph.platform.graphql;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites graphql-java's validation and coercion messages as plain sentences. They name Java and AST
 * classes ("but it was a 'ArrayList'", "with value 'IntValue{value=9}'"), which tell a client nothing and an
 * attacker which library runs here.
 */
final class PlainMessages {

    private static final Pattern PREFIX = Pattern.compile("^Validation error \\((\\w+)@\\[([^\\]]*)]\\) : ");
    /** A dumped AST value, possibly nested: from its class name to the quote that closes it. */
    private static final Pattern AST_DUMP = Pattern.compile("'(\\w+)Value\\{(.*?)}'(?= is | must |$|\\s|[,.;:])");

    private static final Pattern SIMPLE_VALUE = Pattern.compile("value=([^{}',]*)");
    private static final Pattern JAVA_TYPE = Pattern.compile(
            "(?:it was|but was|but got|was) (?:an? )?'(ArrayList|List|ImmutableList|"
                    + "LinkedHashMap|HashMap|Map|ImmutableMap|String|Boolean|Integer|Long|BigInteger|Double|Float|BigDecimal|\\w+Value)'");
    private static final Pattern AST_TYPE = Pattern.compile("an AST type of '(\\w+)'");
    private static final Pattern TYPE_NAMES = Pattern.compile("an instance of type 'Map'|type 'Map'");

    private static final Map<String, String> JSON_KINDS = Map.ofEntries(
            Map.entry("ArrayList", "a list"),
            Map.entry("List", "a list"),
            Map.entry("ImmutableList", "a list"),
            Map.entry("LinkedHashMap", "an object"),
            Map.entry("HashMap", "an object"),
            Map.entry("Map", "an object"),
            Map.entry("ImmutableMap", "an object"),
            Map.entry("String", "a string"),
            Map.entry("Boolean", "a boolean"),
            Map.entry("Integer", "a number"),
            Map.entry("Long", "a number"),
            Map.entry("BigInteger", "a number"),
            Map.entry("Double", "a number"),
            Map.entry("Float", "a number"),
            Map.entry("BigDecimal", "a number"),
            Map.entry("IntValue", "an integer"),
            Map.entry("FloatValue", "a decimal number"),
            Map.entry("StringValue", "a string"),
            Map.entry("BooleanValue", "a boolean"),
            Map.entry("NullValue", "null"),
            Map.entry("EnumValue", "an enum value"),
            Map.entry("ObjectValue", "an object"),
            Map.entry("ArrayValue", "a list"),
            Map.entry("VariableReference", "a variable"));

    private PlainMessages() {}

    static String of(String message) {
        if (message == null) {
            return null;
        }
        var text = message;
        var prefix = PREFIX.matcher(text);
        if (prefix.find()) {
            var where =
                    prefix.group(2).isBlank() ? "" : " at '" + prefix.group(2).replace(", ", ".") + "'";
            text = "Invalid request" + where + ": " + text.substring(prefix.end());
        }
        text = replace(AST_DUMP, text, m -> {
            if (m.group(1).equals("Null")) {
                return "null";
            }
            var simple = SIMPLE_VALUE.matcher(m.group(2));
            boolean scalar = !m.group(2).contains("{") && simple.matches();
            return scalar
                    ? (m.group(1).equals("String") ? "\"" + simple.group(1) + "\"" : simple.group(1))
                    : "(" + kind(m.group(1) + "Value") + ")";
        });
        text = replace(
                JAVA_TYPE,
                text,
                m -> m.group(0).substring(0, m.group(0).indexOf(" '")).replaceAll(" an?$", "") + " "
                        + kind(m.group(1)));
        text = replace(AST_TYPE, text, m -> kind(m.group(1)));
        text = replace(TYPE_NAMES, text, m -> "an object");
        return text;
    }

    private static String kind(String javaName) {
        return JSON_KINDS.getOrDefault(javaName, "another kind of value");
    }

    private static String replace(
            Pattern pattern, String text, java.util.function.Function<Matcher, String> replacement) {
        var m = pattern.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
