package org.dutygraph.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.dutygraph.platform.i18n.Text;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/** Local accounts: checks credentials, issues signed tokens, and creates the configured seed accounts. */
@Service
@Order(0)
public class AccountService implements ApplicationRunner {

    /** Compared against when the username is unknown, so that timing does not reveal which accounts exist. */
    private final String dummyHash;

    public record IssuedToken(String token, Instant expiresAt, Account account) {
    }

    /** A token, or why there is none: INVALID_CREDENTIALS or TOO_MANY_ATTEMPTS. */
    public record LoginResult(IssuedToken token, String errorCode, Text message) {
    }

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final LoginThrottle throttle;
    private final Clock clock;

    AccountService(AccountStore accounts, PasswordEncoder passwords, JwtEncoder encoder,
                   SecurityProperties properties, LoginThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.passwords = passwords;
        this.encoder = encoder;
        this.properties = properties;
        this.dummyHash = passwords.encode(java.util.UUID.randomUUID().toString());
        this.clock = clock;
    }

    /**
     * Checks credentials from a source address (for throttling only; it is not stored). Whatever the outcome,
     * one account lookup and one password-hash verification run, against a dummy hash for unknown or disabled
     * accounts and throttled attempts, so the answer's timing tells nothing either.
     */
    public LoginResult login(String username, String password, String sourceAddress) {
        var stored = accounts.find(username).filter(AccountStore.StoredAccount::enabled);
        var allowed = throttle.tryAttempt(username, sourceAddress);
        var matches = passwords.matches(password, allowed && stored.isPresent() ? stored.get().passwordHash() : dummyHash);
        if (!allowed) {
            return new LoginResult(null, "TOO_MANY_ATTEMPTS", Text.of(SecurityTexts.TOO_MANY_ATTEMPTS));
        }
        if (stored.isEmpty() || !matches) {
            return invalid();
        }
        throttle.succeeded(username, sourceAddress);
        var account = stored.get().account();
        var now = clock.instant();
        var expires = now.plus(properties.tokenTtl());
        var claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(account.username())
                .issuedAt(now)
                .expiresAt(expires)
                .claim(SecurityConfiguration.ROLES_CLAIM, account.roles().stream().map(Enum::name).toList());
        if (account.unitId() != null) {
            claims.claim("unit_id", account.unitId());
        }
        var token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()));
        return new LoginResult(new IssuedToken(token.getTokenValue(), expires, account), null, null);
    }

    private static LoginResult invalid() {
        return new LoginResult(null, "INVALID_CREDENTIALS", Text.of(SecurityTexts.INVALID_CREDENTIALS));
    }

    public Optional<Account> find(String username) {
        return accounts.find(username).map(AccountStore.StoredAccount::account);
    }

    /** The accounts among these usernames, and all accounts holding any of these roles, sorted. */
    public java.util.SortedSet<String> usernames(java.util.Collection<String> usernames, java.util.Collection<Role> roles) {
        return accounts.usernames(usernames, roles);
    }

    /** The accounts working in any of these units. */
    public java.util.SortedSet<String> usernamesInUnits(java.util.Collection<String> unitIds) {
        return accounts.usernamesInUnits(unitIds);
    }

    /** Accounts holding {@code role}, limited to {@code among} unless it is null, by username. */
    public java.util.List<Account> withRole(Role role, java.util.Collection<String> among) {
        return accounts.withRole(role, among);
    }

    @Override
    public void run(ApplicationArguments args) {
        for (var seed : properties.seedAccounts()) {
            accounts.createIfMissing(seed.username(), passwords.encode(seed.password()),
                    seed.roles().stream().map(r -> Role.valueOf(r.toUpperCase())).toList(), seed.unitId(), seed.personId());
        }
    }
}
