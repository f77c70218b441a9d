package org.dutygraph.supervision;

import org.dutygraph.platform.graphql.NotAuthorizedException;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Supervision's records are read by admins and the supervision office's accounts only. */
@Component
class OfficeAccess {

    private final AccountService accounts;
    private final SupervisionSettings settings;

    OfficeAccess(AccountService accounts, SupervisionSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    void require() {
        var name = SecurityContextHolder.getContext().getAuthentication().getName();
        var account = accounts.find(name).orElse(null);
        boolean admin = account != null && account.roles().contains(Role.ADMIN);
        boolean office = account != null
                && account.unitId() != null
                && settings.officeUnitIds().contains(account.unitId());
        if (!admin && !office) {
            throw new NotAuthorizedException(true, Text.of(SupervisionTexts.OFFICE_ONLY));
        }
    }
}
