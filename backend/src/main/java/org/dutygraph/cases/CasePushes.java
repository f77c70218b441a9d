package org.dutygraph.cases;

import java.util.List;
import org.dutygraph.notifications.NotificationEvent;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.notifications.SubjectType;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.security.AccountService;
import org.springframework.stereotype.Component;

/**
 * Tells the person concerned that their case was registered, decided, or its appeal decided: in their inbox (which
 * names the step only) and as a content-free push (an opaque id: the provider learns nothing of the case, not even
 * that it is one). Every account of the person of the day of the act; none when the case names no person. Call inside
 * the write of the step, so the notice commits with it.
 */
@Component
class CasePushes {

    enum Step {
        REGISTERED(CaseTexts.PUSH_REGISTERED, NotificationEvent.ACCOUNTABILITY_CASE_REGISTERED),
        DECIDED(CaseTexts.PUSH_DECIDED, NotificationEvent.ACCOUNTABILITY_CASE_DECIDED),
        APPEAL_DECIDED(CaseTexts.PUSH_APPEAL_DECIDED, NotificationEvent.ACCOUNTABILITY_CASE_APPEAL_DECIDED);

        private final CaseTexts body;
        private final NotificationEvent event;

        Step(CaseTexts body, NotificationEvent event) {
            this.body = body;
            this.event = event;
        }
    }

    private final Notifications notifications;
    private final AccountService accounts;

    CasePushes(Notifications notifications, AccountService accounts) {
        this.notifications = notifications;
        this.accounts = accounts;
    }

    void tell(String caseId, String personId, Step step) {
        if (personId == null) {
            return;
        }
        List<NotificationRequest> requests = accounts.usernamesOfPerson(personId).stream()
                .map(username -> NotificationRequest.sensitive(
                        Recipient.account(username),
                        step.event,
                        Text.of(CaseTexts.PUSH_TITLE),
                        Text.of(step.body),
                        SubjectType.ACCOUNTABILITY_CASE.name(),
                        caseId))
                .toList();
        if (!requests.isEmpty()) {
            notifications.enqueue(requests);
        }
    }
}
