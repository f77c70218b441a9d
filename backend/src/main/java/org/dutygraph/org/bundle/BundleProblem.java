package org.dutygraph.org.bundle;

import org.dutygraph.platform.i18n.Text;

/**
 * Something wrong with a bundle, located by a JSON path such as {@code $.duties[12].holder_id}.
 *
 * @param code    a stable machine-readable reason, e.g. {@code UNKNOWN_REFERENCE}
 * @param message the reason in Chinese words (the command line prints these)
 * @param text    the reason, for a reader in their language
 */
public record BundleProblem(String path, String code, String message, Text text) {

    /** A problem recorded before reasons were kept as texts: its words in every language. */
    public BundleProblem(String path, String code, String message) {
        this(path, code, message, Text.verbatim(message));
    }
}
