package org.dutygraph.notifications;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dutygraph.notifications.push.PushProvider;

/** The push providers by channel name; devices of a channel without a provider cannot be registered. */
public final class PushChannels {

    private final Map<String, PushProvider> byChannel;

    public PushChannels(List<PushProvider> providers) {
        this.byChannel =
                providers.stream().collect(Collectors.toUnmodifiableMap(PushProvider::channel, Function.identity()));
    }

    public Optional<PushProvider> provider(String channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    public boolean supports(String channel) {
        return byChannel.containsKey(channel);
    }
}
