package org.dutygraph.notifications;

import java.time.OffsetDateTime;
import org.dutygraph.platform.i18n.Text;

/**
 * An inbox entry as the API shows it, its title and body in the reader's language (entries stored before texts were
 * kept as keys read as they were written); {@code key} orders the inbox (newest first).
 */
public record NotificationView(
        String id,
        String kind,
        Text title,
        Text body,
        boolean sensitive,
        String subjectType,
        String subjectId,
        OffsetDateTime createdAt,
        OffsetDateTime readAt,
        String key) {}
