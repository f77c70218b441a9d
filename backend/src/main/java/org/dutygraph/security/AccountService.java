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

    /** An access token, and the refresh token that gets the next one ({@link RefreshTokens}). */
    public record IssuedToken(
            String token, Instant expiresAt, Account account, String refreshToken, Instant refreshExpiresAt) {}

    /** A token, or why there is none: INVALID_CREDENTIALS or TOO_MANY_ATTEMPTS. */
    public record LoginResult(IssuedToken token, String errorCode, Text message) {}

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final RefreshTokens refreshTokens;
    private final ActiveAccounts activeAccounts;

    AccountService(
            AccountStore accounts,
            PasswordEncoder passwords,
            JwtEncoder encoder,
            SecurityProperties properties,
            LoginThrottle throttle,
            Clock clock,
            RefreshTokens refreshTokens,
            ActiveAccounts activeAccounts) {
        this.refreshTokens = refreshTokens;
        this.activeAccounts = activeAccounts;
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
        var matches = passwords.matches(
                password, allowed && stored.isPresent() ? stored.get().passwordHash() : dummyHash);
        if (!allowed) {
            return new LoginResult(null, "TOO_MANY_ATTEMPTS", Text.of(SecurityTexts.TOO_MANY_ATTEMPTS));
        }
        if (stored.isEmpty() || !matches) {
            return invalid();
        }
        throttle.succeeded(username, sourceAddress);
        return new LoginResult(newSession(stored.get().account()), null, null);
    }

    /** Exchanges a refresh token for a new access token and refresh token; errorCode says why not. */
    public LoginResult refresh(String refreshToken) {
        var rotation = refreshTokens.rotate(refreshToken);
        if (rotation.refusal() != null) {
            return new LoginResult(null, rotation.refusal().name(), Text.of(rotation.refusal().text));
        }
        var account = accounts.find(rotation.username()).orElseThrow().account();
        var next = rotation.next();
        var access = accessToken(account);
        return new LoginResult(
                new IssuedToken(access.token(), access.expiresAt(), account, next.token(), next.expiresAt()),
                null,
                null);
    }

    /** Ends the sign-in this refresh token belongs to. */
    public void signOut(String refreshToken) {
        refreshTokens.signOut(refreshToken);
    }

    /**
     * Changes the password after checking the current one (throttled as sign-ins are), ends every sign-in of the
     * account (refresh tokens, and access tokens issued before now) and starts a new one for the caller.
     */
    public LoginResult changePassword(String username, String current, String replacement, String sourceAddress) {
        var stored = accounts.find(username).filter(AccountStore.StoredAccount::enabled);
        var allowed = throttle.tryAttempt(username, sourceAddress);
        var matches = passwords.matches(
                current, allowed && stored.isPresent() ? stored.get().passwordHash() : dummyHash);
        if (!allowed) {
            return new LoginResult(null, "TOO_MANY_ATTEMPTS", Text.of(SecurityTexts.TOO_MANY_ATTEMPTS));
        }
        if (stored.isEmpty() || !matches) {
            return new LoginResult(null, "INVALID_CREDENTIALS", Text.of(SecurityTexts.WRONG_CURRENT_PASSWORD));
        }
        if (replacement == null || replacement.length() < MIN_PASSWORD_LENGTH || replacement.equals(current)) {
            return new LoginResult(null, "WEAK_PASSWORD", Text.of(SecurityTexts.WEAK_PASSWORD, MIN_PASSWORD_LENGTH));
        }
        throttle.succeeded(username, sourceAddress);
        accounts.changePassword(username, passwords.encode(replacement));
        refreshTokens.endAllSessions(username, "PASSWORD_CHANGED");
        activeAccounts.forget(username);
        return new LoginResult(newSession(stored.get().account()), null, null);
    }

    static final int MIN_PASSWORD_LENGTH = 10;

    private IssuedToken newSession(Account account) {
        var access = accessToken(account);
        var refresh = refreshTokens.startSession(account.username());
        return new IssuedToken(access.token(), access.expiresAt(), account, refresh.token(), refresh.expiresAt());
    }

    private record AccessToken(String token, Instant expiresAt) {}

    private AccessToken accessToken(Account account) {
        var now = clock.instant();
        var expires = now.plus(properties.tokenTtl());
        var claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(account.username())
                .issuedAt(now)
                .expiresAt(expires)
                .claim(
                        SecurityConfiguration.ROLES_CLAIM,
                        account.roles().stream().map(Enum::name).toList());
        if (account.unitId() != null) {
            claims.claim("unit_id", account.unitId());
        }
        var token = encoder.encode(
                JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()));
        return new AccessToken(token.getTokenValue(), expires);
    }

    private static LoginResult invalid() {
        return new LoginResult(null, "INVALID_CREDENTIALS", Text.of(SecurityTexts.INVALID_CREDENTIALS));
    }

    public Optional<Account> find(String username) {
        return accounts.find(username).map(AccountStore.StoredAccount::account);
    }

    /** The accounts among these usernames, and all accounts holding any of these roles, sorted. */
    public java.util.SortedSet<String> usernames(
            java.util.Collection<String> usernames, java.util.Collection<Role> roles) {
        return accounts.usernames(usernames, roles);
    }

    /** The accounts of this person (by person id, the badge number). */
    public java.util.SortedSet<String> usernamesOfPerson(String personId) {
        return accounts.usernamesOfPerson(personId);
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
            accounts.createIfMissing(
                    seed.username(),
                    passwords.encode(seed.password()),
                    seed.roles().stream()
                            .map(r -> Role.valueOf(r.toUpperCase()))
                            .toList(),
                    seed.unitId(),
                    seed.personId());
        }
    }
}
