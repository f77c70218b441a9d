package org.dutygraph.security;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Repository;

/** Local accounts, stored as (:Account) nodes; one with {@code enabled: false} may not sign in or use its tokens. */
@Repository
class AccountRepository {

    record StoredAccount(Account account, String passwordHash, boolean enabled) {
    }

    private final Driver driver;
    private final Clock clock;

    AccountRepository(Driver driver, Clock clock) {
        this.driver = driver;
        this.clock = clock;
    }

    Optional<StoredAccount> find(String username) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                var result = tx.run("MATCH (a:Account {username: $username}) RETURN a", Map.of("username", username));
                if (!result.hasNext()) {
                    return Optional.empty();
                }
                var a = result.next().get("a").asNode();
                var roles = a.get("roles").asList(Value::asString).stream().map(Role::valueOf).toList();
                return Optional.of(new StoredAccount(new Account(a.get("username").asString(), roles,
                        a.get("unitId").asString(null), a.get("personId").asString(null)), a.get("passwordHash").asString(),
                        a.get("enabled").asBoolean(true)));
            });
        }
    }

    /** Whether an account of this name exists and is enabled. */
    boolean active(String username) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (a:Account {username: $username}) WHERE coalesce(a.enabled, true) RETURN count(a) > 0 AS active""",
                    Map.of("username", username)).single().get("active").asBoolean());
        }
    }

    /** Creates the account unless one with that username exists; an existing password is never overwritten. */
    void createIfMissing(String username, String passwordHash, List<Role> roles, String unitId) {
        createIfMissing(username, passwordHash, roles, unitId, null);
    }

    void createIfMissing(String username, String passwordHash, List<Role> roles, String unitId, String personId) {
        try (var session = driver.session()) {
            var params = new java.util.HashMap<String, Object>();
            params.put("username", username);
            params.put("hash", passwordHash);
            params.put("roles", roles.stream().map(Enum::name).toList());
            params.put("unitId", unitId);
            params.put("personId", personId);
            params.put("now", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MERGE (a:Account {username: $username})
                    ON CREATE SET a.passwordHash = $hash, a.roles = $roles, a.unitId = $unitId, a.personId = $personId,
                                  a.createdAt = $now
                    """, params).consume());
        }
    }

    /** Usernames of the accounts that exist among {@code usernames} or hold one of {@code roles}. */
    java.util.SortedSet<String> usernames(java.util.Collection<String> usernames, java.util.Collection<Role> roles) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (a:Account) WHERE a.username IN $usernames OR any(r IN a.roles WHERE r IN $roles)
                    RETURN a.username AS username""", Map.of("usernames", List.copyOf(usernames),
                    "roles", roles.stream().map(Enum::name).toList())).list(r -> r.get("username").asString()))
                    .stream().collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    java.util.SortedSet<String> usernamesInUnits(java.util.Collection<String> unitIds) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (a:Account) WHERE a.unitId IN $units RETURN a.username AS username",
                    Map.of("units", List.copyOf(unitIds))).list(r -> r.get("username").asString()))
                    .stream().collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    /** Accounts holding {@code role}, limited to {@code among} unless it is null, by username. */
    List<Account> withRole(Role role, java.util.Collection<String> among) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (a:Account) WHERE $role IN a.roles AND ($among IS NULL OR a.username IN $among)
                    RETURN a ORDER BY a.username""", org.neo4j.driver.Values.parameters("role", role.name(),
                    "among", among == null ? null : List.copyOf(among))).list(r -> {
                        var a = r.get("a").asNode();
                        return new Account(a.get("username").asString(),
                                a.get("roles").asList(v -> Role.valueOf(v.asString())), a.get("unitId").asString(null),
                                a.get("personId").asString(null));
                    }));
        }
    }
}
