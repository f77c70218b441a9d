package org.dutygraph.notifications;

import org.dutygraph.platform.i18n.Text;

/**
 * A notification another feature wants sent: stored in the recipient's inbox and pushed to their devices.
 *
 * @param kind        what happened: one of the kinds the schema's NotificationEvent lists
 * @param title       what the recipient reads, in their language: catalogue texts are kept as key and arguments and
 *                    rendered when read (and pushed in the language of each device)
 * @param sensitive   pushed as an opaque id only: the title and body never leave the system through the
 *                    push provider (inspection assignments, complaint updates)
 * @param subjectType what the notification is about, for the app to open it; may be null
 * @param subjectId   its id; may be null
 * @param alert       for a sensitive notification, a generic visible text shown on the lock screen instead of a
 *                    silent push (it must say nothing of the content); null for a silent, data-only push
 */
public record NotificationRequest(
        Recipient recipient,
        NotificationEvent kind,
        Text title,
        Text body,
        boolean sensitive,
        String subjectType,
        String subjectId,
        Alert alert) {

    /** A visible text that reveals nothing: e.g. "您的投诉有新进展". */
    public record Alert(Text title, Text body) {

        public Alert {
            if (title == null || body == null) {
                throw new IllegalArgumentException("An alert needs a title and a body");
            }
        }
    }

    public NotificationRequest {
        if (recipient == null || kind == null || title == null || body == null) {
            throw new IllegalArgumentException("A notification needs a recipient, a kind, a title and a body");
        }
        if (alert != null && !sensitive) {
            throw new IllegalArgumentException("Only a sensitive notification is pushed as a generic alert");
        }
    }

    public NotificationRequest(
            Recipient recipient,
            NotificationEvent kind,
            Text title,
            Text body,
            boolean sensitive,
            String subjectType,
            String subjectId) {
        this(recipient, kind, title, body, sensitive, subjectType, subjectId, null);
    }

    /** Words someone wrote (an announcement), shown as written in every language. */
    public static NotificationRequest plain(Recipient recipient, NotificationEvent kind, String title, String body) {
        return new NotificationRequest(recipient, kind, Text.verbatim(title), Text.verbatim(body), false, null, null);
    }

    public static NotificationRequest sensitive(
            Recipient recipient, NotificationEvent kind, Text title, Text body, String subjectType, String subjectId) {
        return new NotificationRequest(recipient, kind, title, body, true, subjectType, subjectId);
    }

    /** Sensitive, but pushed as a visible generic alert (the data still carries only the message id and a reference). */
    public static NotificationRequest alerted(
            Recipient recipient,
            NotificationEvent kind,
            Text title,
            Text body,
            Alert alert,
            String subjectType,
            String subjectId) {
        return new NotificationRequest(recipient, kind, title, body, true, subjectType, subjectId, alert);
    }
}
