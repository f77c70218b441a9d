package org.dutygraph.platform.i18n;

import java.util.Arrays;
import java.util.List;

/**
 * A text for a person, not yet in a language: a catalogue key and its arguments, rendered in the reader's language
 * where it leaves the service (a GraphQL String field renders it by the request's language, see {@link TextFields}).
 * Arguments are kept as strings (so that numbers and years are not grouped by a locale) or as nested texts, rendered in
 * the same language. A verbatim text (no key) is shown as it is in every language: what a person wrote, e.g. an
 * announcement. A stored text may carry a fallback, shown if its key has left the catalogue since it was stored.
 */
public record Text(String key, List<Object> args, String fallback) {

    public Text {
        if (key == null && fallback == null) {
            throw new IllegalArgumentException("A text has a key or is verbatim");
        }
        // no stream for no arguments: a year's appraisal makes millions of verbatim texts (measured: 1.5 s of 7.8)
        args = args == null || args.isEmpty()
                ? List.of()
                : args.stream().map(Text::argument).toList();
    }

    public static Text of(MessageKey key, Object... args) {
        return new Text(key.key(), Arrays.asList(args), null);
    }

    public static Text verbatim(String text) {
        return new Text(null, List.of(), text);
    }

    public boolean isVerbatim() {
        return key == null;
    }

    private static Object argument(Object value) {
        return value instanceof Text ? value : String.valueOf(value);
    }

    @Override
    public String toString() {
        return key == null ? fallback : key + args;
    }
}
