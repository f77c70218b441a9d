package org.dutygraph.platform.i18n;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/** Renders {@link Text}s from the message catalogue (Spring's MessageSource over {@code messages*.properties}). */
@Component
public class Messages {

    private final MessageSource source;

    public Messages(MessageSource source) {
        this.source = source;
    }

    /** The text in {@code locale}'s supported language (Chinese unless English is asked for). */
    public String render(Text text, Locale locale) {
        if (text.isVerbatim()) {
            return text.fallback();
        }
        var language = Languages.of(locale);
        if (text.fallback() == null) {
            return source.getMessage(text.key(), arguments(text, language), language);
        }
        try {
            return source.getMessage(text.key(), arguments(text, language), text.fallback(), language);
        } catch (NoSuchMessageException e) {
            // a stored text whose nested key has left the catalogue since
            return text.fallback();
        }
    }

    private Object[] arguments(Text text, Locale language) {
        return text.args().stream()
                .map(a -> a instanceof Text nested ? render(nested, language) : a)
                .toArray();
    }

    /** The text in Chinese, the language of what is stored for readers who ask for none. */
    public String chinese(Text text) {
        return render(text, Languages.CHINESE);
    }
}
