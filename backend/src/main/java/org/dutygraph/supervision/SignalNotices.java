package org.dutygraph.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     *             every signal of that kind on that post: looked up once)
     */
    List<NotificationRequest> requests(String signalId, Signal signal, Map<String, Set<String>> memo) {
        var key = signal.level() + "|" + signal.postId() + "|" + signal.unitId();
        var usernames = memo.get(key);
        if (usernames == null) {
            // not computeIfAbsent: the look-up itself fills the memo (the office's accounts)
            usernames = usernames(signalId, signal, memo);
            memo.put(key, usernames);
        }
        var title = Text.of(SupervisionTexts.title(signal.level()));
        var body = Text.of(SupervisionTexts.body(signal.rule()), signal.caseId());
        var requests = new ArrayList<NotificationRequest>();
        for (var username : usernames) {
            requests.add(NotificationRequest.sensitive(
                    Recipient.account(username), KIND, title, body, KIND.name(), signalId));
        }
        return requests;
    }

    private Set<String> usernames(String signalId, Signal signal, Map<String, Set<String>> memo) {
        var posts = new HashSet<String>();
        if (signal.postId() != null) {
            posts.add(signal.postId());
            if (signal.level() != Signal.Level.notice) {
                for (var link : chains.chain(signal.postId(), signalId).links()) {
                    boolean sectionHead = link.role().equals("SECTION_HEAD");
                    boolean inCharge = link.role().equals("IN_CHARGE_SUPERVISOR");
                    if (sectionHead || (inCharge && signal.level() == Signal.Level.red))
                        posts.add(link.post().id());
                }
            }
        }
        if (signal.level() == Signal.Level.red) {
            // the chain names the deputy in charge only below the unit's principal; the 分管 leader supervises the unit
            recipients.leaderInCharge(signal.unitId()).ifPresent(posts::add);
        }
        var usernames = new HashSet<>(
                recipients.usernamesHolding(posts, LocalDate.now(clock).toString()));
        if (signal.level() == Signal.Level.red && !settings.officeUnitIds().isEmpty()) {
            usernames.addAll(memo.computeIfAbsent("office", k -> accounts.usernamesInUnits(settings.officeUnitIds())));
        }
        return usernames;
    }
}
