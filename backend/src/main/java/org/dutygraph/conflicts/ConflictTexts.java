package org.dutygraph.conflicts;

import org.dutygraph.platform.i18n.MessageKey;

/** Texts of the conflict analysis's API: its checks and its jobs. */
public enum ConflictTexts implements MessageKey {
    WAIT_SECONDS,
    SAY_WHY_WAIVED,
    FINDING,
    ANALYSIS_FAILED;

    @Override
    public String key() {
        return "conflicts." + name();
    }
}
