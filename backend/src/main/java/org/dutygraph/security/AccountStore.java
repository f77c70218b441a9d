package org.dutygraph.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Local accounts, stored as (:Account) nodes; one with {@code enabled: false} may not sign in or use its tokens.
 * Each call runs in the caller's transaction when there is one, else in its own.
 */
@Component
class AccountStore {

    record StoredAccount(Account account, String passwordHash, boolean enabled) {}

    private final Neo4jClient neo4j;
    private final Clock clock;

    AccountStore(Neo4jClient neo4j, Clock clock) {
        this.neo4j = neo4j;
        this.clock = clock;
    }

    Optional<StoredAccount> find(String username) {
        return neo4j.query("MATCH (a:Account {username: $username}) RETURN a")
                .bind(username)
                .to("username")
                .fetchAs(StoredAccount.class)
                .mappedBy((types, row) -> {
                    var a = row.get("a").asNode();
                    return new StoredAccount(
                            account(a),
                            a.get("passwordHash").asString(),
                            a.get("enabled").asBoolean(true));
                })
                .one();
    }

    /** Whether an account may use its tokens: enabled, and when its password last changed (null: never). */
    record Standing(boolean enabled, java.time.Instant passwordChangedAt) {}

    Optional<Standing> standing(String username) {
        return neo4j.query("""
                        MATCH (a:Account {username: $username})
                        RETURN coalesce(a.enabled, true) AS enabled, a.passwordChangedAt AS changed""")
                .bind(username)
                .to("username")
                .fetchAs(Standing.class)
                .mappedBy((types, row) -> new Standing(
                        row.get("enabled").asBoolean(),
                        row.get("changed").isNull()
                                ? null
                                : row.get("changed").asZonedDateTime().toInstant()))
                .one();
    }

    /** Replaces the password hash and records when, so that tokens issued before stop working. */
    void changePassword(String username, String passwordHash) {
        neo4j.query("""
                        MATCH (a:Account {username: $username})
                        SET a.passwordHash = $hash, a.passwordChangedAt = $now""")
                .bindAll(Map.of(
                        "username",
                        username,
                        "hash",
                        passwordHash,
                        "now",
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .run();
    }

    /** Creates the account unless one with that username exists; an existing password is never overwritten. */
    void createIfMissing(String username, String passwordHash, List<Role> roles, String unitId) {
        createIfMissing(username, passwordHash, roles, unitId, null);
    }

    void createIfMissing(String username, String passwordHash, List<Role> roles, String unitId, String personId) {
        var params = new HashMap<String, Object>();
        params.put("username", username);
        params.put("hash", passwordHash);
        params.put("roles", names(roles));
        params.put("unitId", unitId);
        params.put("personId", personId);
        params.put("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        neo4j.query("""
                        MERGE (a:Account {username: $username})
                        ON CREATE SET a.passwordHash = $hash, a.roles = $roles, a.unitId = $unitId, a.personId = $personId,
                                      a.createdAt = $now
                        """).bindAll(params).run();
    }

    /** Usernames of the accounts that exist among {@code usernames} or hold one of {@code roles}. */
    SortedSet<String> usernames(Collection<String> usernames, Collection<Role> roles) {
        return new TreeSet<>(neo4j.query("""
                        MATCH (a:Account) WHERE a.username IN $usernames OR any(r IN a.roles WHERE r IN $roles)
                        RETURN a.username AS username""")
                .bindAll(Map.of("usernames", List.copyOf(usernames), "roles", names(roles)))
                .fetchAs(String.class)
                .all());
    }

    SortedSet<String> usernamesOfPerson(String personId) {
        return new TreeSet<>(neo4j.query("MATCH (a:Account {personId: $person}) RETURN a.username AS username")
                .bind(personId)
                .to("person")
                .fetchAs(String.class)
                .all());
    }

    SortedSet<String> usernamesInUnits(Collection<String> unitIds) {
        return new TreeSet<>(neo4j.query("MATCH (a:Account) WHERE a.unitId IN $units RETURN a.username AS username")
                .bind(List.copyOf(unitIds))
                .to("units")
                .fetchAs(String.class)
                .all());
    }

    /** Accounts holding {@code role}, limited to {@code among} unless it is null, by username. */
    List<Account> withRole(Role role, Collection<String> among) {
        var params = new HashMap<String, Object>();
        params.put("role", role.name());
        params.put("among", among == null ? null : List.copyOf(among));
        return List.copyOf(neo4j.query("""
                        MATCH (a:Account) WHERE $role IN a.roles AND ($among IS NULL OR a.username IN $among)
                        RETURN a ORDER BY a.username""")
                .bindAll(params)
                .fetchAs(Account.class)
                .mappedBy((types, row) -> account(row.get("a").asNode()))
                .all());
    }

    private static Account account(Node a) {
        return new Account(
                a.get("username").asString(),
                        a.get("roles").asList(Value::asString).stream()
                                .map(Role::valueOf)
                                .toList(),
                a.get("unitId").asString(null), a.get("personId").asString(null));
    }

    private static List<String> names(Collection<Role> roles) {
        return roles.stream().map(Enum::name).toList();
    }
}
