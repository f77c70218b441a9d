package org.dutygraph.cases.api;

import org.dutygraph.cases.CaseCaller;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in caller as cases see them, read from the account (not the token). */
@Component
class CaseCallers {

    private final AccountService accounts;

    CaseCallers(AccountService accounts) {
        this.accounts = accounts;
    }

    CaseCaller current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var account = accounts.find(auth.getName());
        return new CaseCaller(
                auth.getName(),
                account.map(Account::unitId).orElse(null),
                account.map(Account::personId).orElse(null),
                Role.held(auth, Role.INSPECTOR));
    }
}
