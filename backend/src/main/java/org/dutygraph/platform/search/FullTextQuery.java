package org.dutygraph.platform.search;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * Turns what a person typed into a Lucene query for a full-text index, so that their text is searched for
 * and never parsed as query syntax. Words are OR-ed (the cjk analyzer makes bigrams of Chinese text); text
 * between a pair of double quotes stays an exact phrase. Everything else Lucene would read as syntax
 * (operators, wildcards, fuzziness, ranges, fields, an unpaired quote) is escaped or dropped; AND, OR and
 * NOT are lower-cased into plain words. The length is capped, which also keeps the number of clauses far
 * below Lucene's limit of 1,024.
 */
public final class FullTextQuery {

    public static final int MAX_CHARACTERS = 200;
    private static final String SYNTAX = "\\+-!():^[]\"{}~*?|&/";

    private FullTextQuery() {}

    /** The query for a search box; text that is too long or has no word to search for is refused. */
    public static String of(String text, String argument) {
        var stripped = text == null ? "" : text.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_CHARACTERS) {
            throw new BadInputException(
                    argument, "TOO_LONG", Text.of(PlatformTexts.AT_MOST_CHARACTERS, argument, MAX_CHARACTERS));
        }
        return build(stripped)
                .orElseThrow(() ->
                        new BadInputException(argument, "NO_WORDS", Text.of(PlatformTexts.SEARCH_NO_WORDS, argument)));
    }

    /** The query for matching free text (e.g. a complaint) against the index: its first words, or empty if it has none. */
    public static Optional<String> leading(String text) {
        var stripped = text == null ? "" : text.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_CHARACTERS) {
            stripped = stripped.substring(0, stripped.offsetByCodePoints(0, MAX_CHARACTERS));
        }
        return build(stripped.replace('"', ' '));
    }

    private static Optional<String> build(String text) {
        var clean = printable(text).toLowerCase(Locale.ROOT);
        var segments = clean.split("\"", -1);
        // an odd number of segments means the quotes pair up; otherwise the last quote is unpaired and dropped
        int phrasesUpTo = segments.length % 2 == 1 ? segments.length : segments.length - 1;
        var parts = new ArrayList<String>();
        boolean words = false;
        for (int i = 0; i < segments.length; i++) {
            var segment = segments[i];
            if (!hasWord(segment)) {
                continue;
            }
            words = true;
            boolean phrase = i % 2 == 1 && i < phrasesUpTo;
            parts.add(phrase ? "\"" + escape(segment.strip()) + "\"" : escape(segment.strip()));
        }
        return words ? Optional.of(String.join(" ", parts)) : Optional.empty();
    }

    /** Control, format (e.g. U+202E), private-use and unpaired surrogate characters become spaces. */
    private static String printable(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean hidden = type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED;
            out.appendCodePoint(hidden ? ' ' : cp);
        });
        return out.toString();
    }

    private static boolean hasWord(String segment) {
        return segment.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static String escape(String segment) {
        var out = new StringBuilder(segment.length() + 8);
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (SYNTAX.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
