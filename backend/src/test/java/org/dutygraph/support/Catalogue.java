package org.dutygraph.support;

import org.dutygraph.platform.i18n.Messages;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The message catalogue outside the application (unit tests), set up as spring.messages sets it up in the application. */
public final class Catalogue {

    private Catalogue() {}

    public static Messages messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return new Messages(source);
    }
}
