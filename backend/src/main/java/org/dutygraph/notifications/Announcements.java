package org.dutygraph.notifications;

import java.util.Collection;
import java.util.List;

import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Service;

/** Announcements from administrators to accounts: one inbox entry and one push per account. */
@Service
public class Announcements {

    public static final String KIND = "ANNOUNCEMENT";

    private final AccountService accounts;
    private final Notifications notifications;
    private final Driver driver;

    Announcements(AccountService accounts, Notifications notifications, Driver driver) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.driver = driver;
    }

    /** The accounts the announcement would reach: those named that exist, and every holder of the roles. */
    public List<String> recipients(Collection<String> usernames, Collection<Role> roles) {
        return List.copyOf(accounts.usernames(usernames, roles));
    }

    /** Sends to these accounts in one transaction; returns how many. */
    public int send(List<String> usernames, String title, String body) {
        var requests = usernames.stream()
                .map(u -> NotificationRequest.plain(Recipient.account(u), KIND, title, body)).toList();
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> notifications.enqueue(tx, requests));
        }
        return requests.size();
    }
}
