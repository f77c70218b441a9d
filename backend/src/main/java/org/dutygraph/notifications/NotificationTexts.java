package org.dutygraph.notifications;

import org.dutygraph.platform.i18n.MessageKey;

/** Texts of devices, the inbox, announcements and pushes. */
public enum NotificationTexts implements MessageKey {
    INVALID_TOKEN,
    INVALID_LOCALE,
    UNSUPPORTED_CHANNEL,
    NAME_RECIPIENTS,
    NO_ACCOUNT,
    NOT_DEAD;

    @Override
    public String key() {
        return "notifications." + name();
    }
}
