package org.dutygraph.appraisal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dutygraph.appraisal.ResultStore.YearResult;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.security.Account;
import org.dutygraph.security.AccountService;
import org.springframework.stereotype.Service;

/**
 * Who reads which results: staff their own; a unit's leaders those of the units under the ones they lead and of the
 * people holding posts there; appraisers all. Units and people are taken as they are today.
 */
@Service
public class AppraisalResults {

    /** What a results page asks for: a scheme's year, optionally one subject, a unit's subtree, some periods (null: all). */
    public record Filter(String schemeId, int year, String subjectId, String unitId, Set<String> periods) {}

    private final GraphTransactions graph;
    private final ResultStore results;
    private final SubjectStore subjects;
    private final AccountService accounts;
    private final Clock clock;

    AppraisalResults(
            GraphTransactions graph, ResultStore results, SubjectStore subjects, AccountService accounts, Clock clock) {
        this.graph = graph;
        this.results = results;
        this.subjects = subjects;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The account's own person's results in the year, all schemes, after the cursor (none for an account without a person). */
    public List<YearResult> mine(String username, int year, String after, int limit) {
        return graph.read(() -> {
            var person = accounts.find(username).map(Account::personId).orElse(null);
            return person == null
                    ? List.<YearResult>of()
                    : results.ofSubject(person, year).stream()
                            .filter(r -> after == null || r.key().compareTo(after) > 0)
                            .limit(limit)
                            .toList();
        });
    }

    /** A page of the results the caller may read ({@code readsAll}: an appraiser's), subjects in id order. */
    public List<YearResult> page(String username, boolean readsAll, Filter filter, String after, int limit) {
        return graph.read(() -> results
                .ofScheme(
                        filter.schemeId(),
                        filter.year(),
                        visible(username, readsAll, filter),
                        filter.periods(),
                        after,
                        limit)
                .stream()
                .map(r -> r.only(filter.periods()))
                .toList());
    }

    /** The subjects the filter and the caller allow; null for any. */
    private List<String> visible(String username, boolean readsAll, Filter filter) {
        var today = LocalDate.now(clock);
        List<String> visible = readsAll ? null : led(accounts.find(username).orElse(null), today);
        if (filter.subjectId() != null) {
            visible = visible == null || visible.contains(filter.subjectId()) ? List.of(filter.subjectId()) : List.of();
        }
        if (filter.unitId() != null) {
            var under = subjects.subtree(filter.unitId(), today);
            var set = new HashSet<>(under);
            visible = visible == null
                    ? under
                    : visible.stream().filter(set::contains).toList();
        }
        return visible;
    }

    /** Units under the ones the account's person leads, and the people holding posts there; nothing for others. */
    private List<String> led(Account account, LocalDate today) {
        return account == null || account.personId() == null ? List.of() : subjects.ledBy(account.personId(), today);
    }
}
