package org.dutygraph.complaints.api;

import org.dutygraph.complaints.HandlerScope;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in caller's complaint scope: inspectors are the efficiency office, unit staff see their unit. */
@Component
class HandlerScopes {

    private final AccountService accounts;

    HandlerScopes(AccountService accounts) {
        this.accounts = accounts;
    }

    HandlerScope current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var username = auth.getName();
        boolean inspector = Role.held(auth, Role.INSPECTOR);
        if (inspector) {
            return HandlerScope.office(username);
        }
        return HandlerScope.unit(username, accounts.find(username).map(Account::unitId).orElse(null));
    }
}
