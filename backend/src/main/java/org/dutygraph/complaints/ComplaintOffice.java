package org.dutygraph.complaints;

import java.util.SortedSet;
import java.util.TreeSet;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.springframework.stereotype.Component;

/**
 * The efficiency office that handles complaints: inspectors whose account works in one of the configured office
 * units ({@code dutygraph.complaints.office-unit-ids}). The role alone is not enough: inspectors of a police
 * bureau must not read the complaints against the police.
 */
@Component
public class ComplaintOffice {

    private final ComplaintSettings settings;
    private final AccountService accounts;

    ComplaintOffice(ComplaintSettings settings, AccountService accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    public boolean isOffice(String unitId) {
        return unitId != null && settings.officeUnitIds().contains(unitId);
    }

    /** The office's inspectors, who triage, register and publish. */
    public SortedSet<String> usernames() {
        var office = new TreeSet<String>();
        accounts.withRole(Role.INSPECTOR, null).stream()
                .filter(a -> isOffice(a.unitId()))
                .map(Account::username)
                .forEach(office::add);
        return office;
    }
}
