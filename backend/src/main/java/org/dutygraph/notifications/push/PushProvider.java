package org.dutygraph.notifications.push;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A push channel (FCM; vendor channels for phones without Google services can be added as beans).
 * Devices name their channel; the dispatcher hands each provider the messages for its devices.
 */
@org.springframework.modulith.NamedInterface("push")
public interface PushProvider {

    /** The channel name devices are registered with, lower case (e.g. "fcm"). */
    String channel();

    /** Sends each message once; returns one outcome per message, in input order. Never throws for a message. */
    List<PushOutcome> send(List<PushMessage> messages);

    /**
     * Starts sending each message once; each future completes (never exceptionally) when that message's
     * outcome is known, so the dispatcher can record it at once. Providers that cannot report per
     * message keep this default: all outcomes become known when the whole send returns.
     */
    default List<CompletableFuture<PushOutcome>> sendEachAsync(List<PushMessage> messages) {
        return send(messages).stream().map(CompletableFuture::completedFuture).toList();
    }
}
