package org.dutygraph.platform.i18n;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The languages the service speaks: Chinese (zh-CN), the default, and English. A request asks for one with
 * Accept-Language; anything else, or nothing, gets Chinese.
 */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}");

    private Languages() {}

    /** The supported language closest to {@code locale}: English for any English, else Chinese. */
    public static Locale of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? ENGLISH : CHINESE;
    }

    /** Whether {@code tag} has the shape of a BCP 47 language tag (e.g. zh-CN, en, en-GB), as a device may give it. */
    public static boolean isTag(String tag) {
        return tag != null && tag.length() <= 35 && TAG.matcher(tag).matches();
    }

    /** A stored BCP 47 tag (a device's locale), or Chinese when there is none. */
    public static Locale ofTag(String tag) {
        return tag == null || tag.isBlank() ? CHINESE : of(Locale.forLanguageTag(tag.strip()));
    }

    /**
     * The first language of an Accept-Language header (by weight) that the service speaks; Chinese when the header is
     * missing, malformed or names none of them.
     */
    public static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return CHINESE;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return CHINESE;
        }
        for (var range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            var primary = range.getRange().split("-", 2)[0];
            if (primary.equals("*") || primary.equals("zh")) {
                return CHINESE;
            }
            if (primary.equals("en")) {
                return ENGLISH;
            }
        }
        return CHINESE;
    }
}
