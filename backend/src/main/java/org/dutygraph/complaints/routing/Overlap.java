package org.dutygraph.complaints.routing;

import java.util.ArrayList;
import java.util.List;

/** The words a complaint shares with a duty's wording, to say why the duty was suggested. */
final class Overlap {

    private static final int MAX_WORDS = 5;

    /** The longest runs (two characters or more) of {@code text} that occur in {@code other}, left to right. */
    static List<String> common(String text, String other) {
        var words = new ArrayList<String>();
        int i = 0;
        while (i < text.length() && words.size() < MAX_WORDS) {
            int j = i;
            while (j < text.length()
                    && Character.isLetterOrDigit(text.charAt(j))
                    && other.contains(text.substring(i, j + 1))) {
                j++;
            }
            if (j - i >= 2) {
                if (!words.contains(text.substring(i, j))) {
                    words.add(text.substring(i, j));
                }
                i = j;
            } else {
                i++;
            }
        }
        return words;
    }

    private Overlap() {}
}
