package org.dutygraph.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dutygraph.accountability.AccountabilityChains;
import org.dutygraph.notifications.NotificationEvent;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.security.AccountService;
import org.dutygraph.supervision.signals.Signal;
import org.springframework.stereotype.Component;

/**
 * Who hears of a signal: a notice goes to the holder of the responsible post; a yellow card also to the section
 * head; a red card also to the leader in charge (分管) and the supervision office. Pushes carry no content (the app
 * opens the inbox entry), as inspection pushes.
 */
@Component
class SignalNotices {

    static final NotificationEvent KIND = NotificationEvent.SUPERVISION_SIGNAL;

    private final RecipientStore recipients;
    private final AccountabilityChains chains;
    private final AccountService accounts;
    private final SupervisionSettings settings;
    private final Clock clock;

    SignalNotices(
            RecipientStore recipients,
            AccountabilityChains chains,
            AccountService accounts,
            SupervisionSettings settings,
            Clock clock) {
        this.recipients = recipients;
        this.chains = chains;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param memo recipients already looked up in this evaluation, by level, post and unit (the same people hear of
     *             every signal of that kind on that post: looked up once, see {@link #lookUp})
     */
    List<NotificationRequest> requests(String signalId, Signal signal, Map<String, Set<String>> memo) {
        var key = key(signal);
        if (!memo.containsKey(key)) lookUp(List.of(signal), memo);
        var title = Text.of(SupervisionTexts.title(signal.level()));
        var body = Text.of(SupervisionTexts.body(signal.rule()), signal.caseId());
        var requests = new ArrayList<NotificationRequest>();
        for (var username : memo.get(key)) {
            requests.add(NotificationRequest.sensitive(
                    Recipient.account(username), KIND, title, body, KIND.name(), signalId));
        }
        return requests;
    }

    /**
     * Looks up who hears of each of these signals not yet in {@code memo}, in a few queries for all of them: the
     * chains of their posts walked side by side, the leaders in charge of their units, the holders of all those posts.
     */
    void lookUp(Collection<Signal> signals, Map<String, Set<String>> memo) {
        var wanted = new LinkedHashMap<String, Signal>();
        signals.forEach(s -> {
            if (!memo.containsKey(key(s))) wanted.putIfAbsent(key(s), s);
        });
        if (wanted.isEmpty()) return;
        var chainsOf = chains.chains(wanted.values().stream()
                .filter(s -> s.postId() != null && s.level() != Signal.Level.notice)
                .map(Signal::postId)
                .collect(Collectors.toSet()));
        var leaders = recipients.leadersInCharge(wanted.values().stream()
                .filter(s -> s.level() == Signal.Level.red)
                .map(Signal::unitId)
                .collect(Collectors.toSet()));
        var postsOf = new HashMap<String, Set<String>>();
        wanted.forEach((key, signal) -> postsOf.put(key, posts(signal, chainsOf, leaders)));
        var holders = recipients.usernamesByPost(
                postsOf.values().stream().flatMap(Set::stream).collect(Collectors.toSet()),
                LocalDate.now(clock).toString());
        wanted.forEach((key, signal) -> {
            var usernames = new TreeSet<String>();
            postsOf.get(key).forEach(post -> usernames.addAll(holders.getOrDefault(post, Set.of())));
            if (signal.level() == Signal.Level.red && !settings.officeUnitIds().isEmpty()) {
                usernames.addAll(
                        memo.computeIfAbsent("office", k -> accounts.usernamesInUnits(settings.officeUnitIds())));
            }
            memo.put(key, usernames);
        });
    }

    private static String key(Signal signal) {
        return signal.level() + "|" + signal.postId() + "|" + signal.unitId();
    }

    /** The responsible post; for a yellow also its section head, for a red also the leaders in charge. */
    private static Set<String> posts(
            Signal signal, Map<String, List<AccountabilityChains.Link>> chainsOf, Map<String, String> leaders) {
        var posts = new HashSet<String>();
        if (signal.postId() != null) {
            posts.add(signal.postId());
            if (signal.level() != Signal.Level.notice) {
                for (var link : chainsOf.getOrDefault(signal.postId(), List.of())) {
                    boolean sectionHead = link.role().equals("SECTION_HEAD");
                    boolean inCharge = link.role().equals("IN_CHARGE_SUPERVISOR");
                    if (sectionHead || (inCharge && signal.level() == Signal.Level.red))
                        posts.add(link.post().id());
                }
            }
        }
        if (signal.level() == Signal.Level.red) {
            // the chain names the deputy in charge only below the unit's principal; the 分管 leader supervises the unit
            var leader = leaders.get(signal.unitId());
            if (leader != null) posts.add(leader);
        }
        return posts;
    }
}
