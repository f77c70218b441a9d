package org.dutygraph.notifications;

import java.time.OffsetDateTime;

/** A push in the outbox, as admins see it in the dead-letter list. */
public record PushView(
        String id,
        String notificationId,
        String recipient,
        String state,
        int attempts,
        String lastError,
        OffsetDateTime createdAt,
        String key) {}
