package org.dutygraph.notifications.push;

/** One payload for one device token. */
public record PushMessage(String token, PushPayload payload) {}
