package org.dutygraph.conflicts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.dutygraph.org.read.LeadershipStore;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.dutygraph.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who sees which findings: admins and analysts all; a unit's leaders (their account's person holding a leading post
 * there today) those involving their units and the units under them; anyone else none. The person is read from the
 * account, never taken from the token.
 */
@Component
public class FindingAudience {

    /** The units whose findings the caller sees; {@code units} is null for all. */
    public record Scope(Set<String> units) {
        public static final Scope ALL = new Scope(null);

        public boolean all() {
            return units == null;
        }

        public boolean sees(String unitId) {
            return all() || units.contains(unitId);
        }

        public boolean sees(FindingView finding) {
            return all() || finding.unitIds().stream().anyMatch(units::contains);
        }

        /** The ids for a query's {@code $visible} parameter: null for all. */
        public List<String> parameter() {
            return all() ? null : List.copyOf(units);
        }
    }

    private final AccountService accounts;
    private final LeadershipStore leadership;
    private final GraphTransactions graph;
    private final Clock clock;

    FindingAudience(AccountService accounts, LeadershipStore leadership, GraphTransactions graph, Clock clock) {
        this.accounts = accounts;
        this.leadership = leadership;
        this.graph = graph;
        this.clock = clock;
    }

    public Scope of(Authentication caller) {
        if (Role.held(caller, Role.ADMIN, Role.ANALYST)) return Scope.ALL;
        var person = accounts.find(caller.getName()).map(Account::personId).orElse(null);
        if (person == null) return new Scope(Set.of());
        return new Scope(Set.copyOf(graph.read(() -> leadership.ledUnits(person, LocalDate.now(clock)))));
    }
}
