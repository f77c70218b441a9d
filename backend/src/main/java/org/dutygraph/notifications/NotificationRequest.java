package org.dutygraph.notifications;

/**
 * A notification another feature wants sent: stored in the recipient's inbox and pushed to their devices.
 *
 * @param kind        what happened, upper case (ANNOUNCEMENT, INSPECTION_ASSIGNED, COMPLAINT_UPDATED, ...)
 * @param sensitive   pushed as an opaque id only: the title and body never leave the system through the
 *                    push provider (inspection assignments, complaint updates)
 * @param subjectType what the notification is about, for the app to open it; may be null
 * @param subjectId   its id; may be null
 */
public record NotificationRequest(Recipient recipient, String kind, String title, String body, boolean sensitive,
                                  String subjectType, String subjectId) {

    public NotificationRequest {
        if (recipient == null || kind == null || title == null || body == null) {
            throw new IllegalArgumentException("A notification needs a recipient, a kind, a title and a body");
        }
    }

    public static NotificationRequest plain(Recipient recipient, String kind, String title, String body) {
        return new NotificationRequest(recipient, kind, title, body, false, null, null);
    }

    public static NotificationRequest sensitive(Recipient recipient, String kind, String title, String body,
                                                String subjectType, String subjectId) {
        return new NotificationRequest(recipient, kind, title, body, true, subjectType, subjectId);
    }
}
