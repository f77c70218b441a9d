package org.dutygraph.notifications;

import java.util.Collection;
import java.util.List;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.springframework.stereotype.Service;

/** Announcements from administrators to accounts: one inbox entry and one push per account. */
@Service
public class Announcements {

    public static final NotificationEvent KIND = NotificationEvent.ANNOUNCEMENT;

    private final AccountService accounts;
    private final Notifications notifications;
    private final GraphTransactions graph;

    Announcements(AccountService accounts, Notifications notifications, GraphTransactions graph) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.graph = graph;
    }

    /** The accounts the announcement would reach: those named that exist, and every holder of the roles. */
    public List<String> recipients(Collection<String> usernames, Collection<Role> roles) {
        return List.copyOf(accounts.usernames(usernames, roles));
    }

    /** Sends to these accounts in one transaction; returns how many. */
    public int send(List<String> usernames, String title, String body) {
        var requests = usernames.stream()
                .map(u -> NotificationRequest.plain(Recipient.account(u), KIND, title, body))
                .toList();
        graph.write(() -> notifications.enqueue(requests));
        return requests.size();
    }
}
