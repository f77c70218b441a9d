package org.dutygraph.complaints;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.dutygraph.complaints.receipts.FollowSeal;
import org.dutygraph.notifications.PushChannels;
import org.dutygraph.notifications.push.PushMessage;
import org.dutygraph.notifications.push.PushOutcome;
import org.dutygraph.notifications.push.PushProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The push channel of citizens following cases. Their devices are registered with the token sealed
 * ({@link FollowSeal}); this channel opens it only to send, through the channel the phone uses (FCM), and gives
 * each message what the citizen's app needs and nothing more: the message id, {@code type: "complaint"} and the
 * follow's tag, which is also the collapse key, so that a newer update replaces the older one on the lock screen.
 */
@Component
class FollowerPushes implements PushProvider {

    static final String CHANNEL = "complaint-follow";

    private final FollowSeal seal;
    private final ObjectProvider<PushChannels> channels;

    FollowerPushes(FollowSeal seal, ObjectProvider<PushChannels> channels) {
        this.seal = seal;
        this.channels = channels;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public List<PushOutcome> send(List<PushMessage> messages) {
        var outcomes = new PushOutcome[messages.size()];
        var byChannel = new LinkedHashMap<String, List<Integer>>();
        var opened = new ArrayList<PushMessage>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            var message = messages.get(i);
            var follow = seal.open(message.token());
            int colon = follow.map(f -> f.target().indexOf(':')).orElse(-1);
            if (colon <= 0) {
                // sealed under another pepper: it can never be opened again
                outcomes[i] = PushOutcome.tokenGone("a follow sealed under another key");
                opened.add(null);
                continue;
            }
            var f = follow.get();
            var data = new LinkedHashMap<String, String>();
            data.put("messageId", message.payload().data().get("messageId"));
            data.put("type", "complaint");
            data.put("tag", f.tag());
            opened.add(new PushMessage(
                    f.target().substring(colon + 1), message.payload().rewritten(data, f.tag())));
            byChannel
                    .computeIfAbsent(f.target().substring(0, colon), c -> new ArrayList<>())
                    .add(i);
        }
        byChannel.forEach((channel, indexes) -> {
            var provider = channel.equals(CHANNEL)
                    ? java.util.Optional.<PushProvider>empty()
                    : channels.getObject().provider(channel);
            if (provider.isEmpty()) {
                indexes.forEach(i -> outcomes[i] = PushOutcome.rejected("no provider for channel " + channel));
                return;
            }
            var sent = provider.get().send(indexes.stream().map(opened::get).toList());
            for (int k = 0; k < indexes.size(); k++) {
                outcomes[indexes.get(k)] = sent.get(k);
            }
        });
        return List.of(outcomes);
    }
}
