package org.dutygraph.notifications.push;

import java.util.List;

/**
 * A push channel (FCM; vendor channels for phones without Google services can be added as beans).
 * Devices name their channel; the dispatcher hands each provider the messages for its devices.
 */
public interface PushProvider {

    /** The channel name devices are registered with, lower case (e.g. "fcm"). */
    String channel();

    /** Sends each message once; returns one outcome per message, in input order. Never throws for a message. */
    List<PushOutcome> send(List<PushMessage> messages);
}
