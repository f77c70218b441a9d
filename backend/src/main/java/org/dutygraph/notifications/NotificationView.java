package org.dutygraph.notifications;

import java.time.OffsetDateTime;

/** An inbox entry as the API shows it; {@code key} orders the inbox (newest first). */
public record NotificationView(String id, String kind, String title, String body, boolean sensitive,
                               String subjectType, String subjectId, OffsetDateTime createdAt,
                               OffsetDateTime readAt, String key) {
}
