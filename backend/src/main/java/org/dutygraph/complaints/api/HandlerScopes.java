package org.dutygraph.complaints.api;

import org.dutygraph.complaints.ComplaintOffice;
import org.dutygraph.complaints.HandlerScope;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in caller's complaint scope, from the account's unit: the office's inspectors see all, others their unit. */
@Component
class HandlerScopes {

    private final AccountService accounts;
    private final ComplaintOffice office;

    HandlerScopes(AccountService accounts, ComplaintOffice office) {
        this.accounts = accounts;
        this.office = office;
    }

    HandlerScope current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var username = auth.getName();
        var account = accounts.find(username);
        var unitId = account.map(Account::unitId).orElse(null);
        var personId = account.map(Account::personId).orElse(null);
        if (Role.held(auth, Role.INSPECTOR) && office.isOffice(unitId)) {
            return HandlerScope.office(username, unitId, personId);
        }
        return HandlerScope.unit(username, unitId, personId);
    }
}
