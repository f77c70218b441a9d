package org.dutygraph.notifications;

import java.time.OffsetDateTime;

/** A registered device as its owner sees it: never the whole token. */
public record DeviceView(
        String id,
        String tokenSuffix,
        String platform,
        String channel,
        String locale,
        OffsetDateTime registeredAt,
        OffsetDateTime lastSeenAt) {}
