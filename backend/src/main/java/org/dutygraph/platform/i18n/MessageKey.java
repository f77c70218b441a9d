package org.dutygraph.platform.i18n;

/**
 * A key of the message catalogue ({@code messages.properties}, Chinese, and {@code messages_en.properties}). Each
 * feature lists the keys it uses in an enum implementing this, so a test can check that every key used exists in
 * both languages and that the catalogue holds no key nobody uses.
 */
public interface MessageKey {

    /** The key as written in the catalogue files. */
    String key();
}
