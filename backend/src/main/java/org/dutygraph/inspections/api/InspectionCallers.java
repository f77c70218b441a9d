package org.dutygraph.inspections.api;

import org.dutygraph.inspections.InspectionCaller;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in caller, with the unit of their account (read from the account, not trusted from the token). */
@Component
class InspectionCallers {

    private final AccountService accounts;

    InspectionCallers(AccountService accounts) {
        this.accounts = accounts;
    }

    InspectionCaller current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        var username = auth.getName();
        boolean inspector = Role.held(auth, Role.INSPECTOR);
        boolean staff = Role.held(auth, Role.UNIT_STAFF);
        return new InspectionCaller(
                username, accounts.find(username).map(Account::unitId).orElse(null), inspector, staff);
    }
}
