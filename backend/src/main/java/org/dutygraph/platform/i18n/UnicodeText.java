package org.dutygraph.platform.i18n;

/** Checks that text is whole Unicode text before it is kept. */
public final class UnicodeText {

    private UnicodeText() {}

    /**
     * Whether the text holds a surrogate not in a pair: half a character, which a JSON escape of a lone surrogate or a
     * byte sequence that was not UTF-8 (read with a replacement that is one) decodes to. The store keeps it as '?', so
     * two different ids would become one.
     */
    public static boolean holdsHalfACharacter(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) i++;
            else return true;
        }
        return false;
    }
}
