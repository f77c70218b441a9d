package org.dutygraph.cases.api;

import org.dutygraph.cases.CaseCaller;
import org.dutygraph.inspections.InspectionCaller;
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

    /** The caller as inspections see them, for the routed recordAccountabilityMeasure. */
    InspectionCaller inspectionCaller() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return new InspectionCaller(
                auth.getName(),
                accounts.find(auth.getName()).map(Account::unitId).orElse(null),
                Role.held(auth, Role.INSPECTOR),
                Role.held(auth, Role.UNIT_STAFF));
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
