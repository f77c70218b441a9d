package org.dutygraph.supervision;

import org.dutygraph.platform.graphql.NotAuthorizedException;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Supervision's records are read by admins and the supervision office's accounts (statistics also by unit leaders). */
@Component
class OfficeAccess {

    private final AccountService accounts;
    private final SupervisionSettings settings;

    OfficeAccess(AccountService accounts, SupervisionSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    void require() {
        require(SupervisionTexts.OFFICE_ONLY);
    }

    /** Refuses (FORBIDDEN, with this text) anyone but admins and the supervision office's accounts. */
    void require(SupervisionTexts refusal) {
        if (!office()) {
            throw new NotAuthorizedException(true, Text.of(refusal));
        }
    }

    /** Whether the caller is an admin or an account of the supervision office. */
    boolean office() {
        var account = current();
        boolean admin = account != null && account.roles().contains(Role.ADMIN);
        return admin
                || account != null
                        && account.unitId() != null
                        && settings.officeUnitIds().contains(account.unitId());
    }

    /** The caller's username (null when not signed in). */
    String username() {
        var account = current();
        return account == null ? null : account.username();
    }

    /** The caller's person (null when the account is not linked to one). */
    String personId() {
        var account = current();
        return account == null ? null : account.personId();
    }

    private Account current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null
                ? null
                : accounts.find(authentication.getName()).orElse(null);
    }
}
