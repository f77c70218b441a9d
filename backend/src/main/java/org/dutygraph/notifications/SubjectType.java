package org.dutygraph.notifications;

import java.util.Locale;

/**
 * What a notification is about, for the app to open it: one spelling for every feature. Features pass
 * {@code name()} as a {@link NotificationRequest}'s subject type.
 */
public enum SubjectType {
    COMPLAINT,
    RECTIFICATION,
    ASSIGNMENT,
    ACCOUNTABILITY_CASE;

    /** Reads a stored value, also in the earlier spellings ({@code Rectification}, {@code Assignment}); null if none or unknown. */
    public static SubjectType read(String stored) {
        if (stored == null) {
            return null;
        }
        var name = stored.strip().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        for (var type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
