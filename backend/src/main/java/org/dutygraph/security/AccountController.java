package org.dutygraph.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.dutygraph.platform.graphql.AuthDirectiveVisitor;
import org.dutygraph.platform.graphql.UserError;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** login, refreshSession, signOut (public), changePassword and me (any account). */
@Controller
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    record LoginInput(String username, String password) {}

    record RefreshSessionInput(String refreshToken) {}

    record SignOutInput(String refreshToken) {}

    record ChangePasswordInput(String currentPassword, String newPassword) {}

    /** What login, refreshSession and changePassword answer (LoginPayload, RefreshSessionPayload, ChangePasswordPayload). */
    record SessionPayload(
            String token,
            OffsetDateTime expiresAt,
            String refreshToken,
            OffsetDateTime refreshExpiresAt,
            Account account,
            List<UserError> errors) {

        static SessionPayload of(AccountService.LoginResult result, String field) {
            var t = result.token();
            return t != null
                    ? new SessionPayload(
                            t.token(),
                            utc(t.expiresAt()),
                            t.refreshToken(),
                            utc(t.refreshExpiresAt()),
                            t.account(),
                            List.of())
                    : new SessionPayload(
                            null,
                            null,
                            null,
                            null,
                            null,
                            List.of(new UserError(List.of("input", field), result.errorCode(), result.message())));
        }

        private static OffsetDateTime utc(java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
    }

    record SignOutPayload(boolean signedOut, List<UserError> errors) {}

    /** The client's address (see GraphQlConfiguration) serves the sign-in throttle, in memory only. */
    @MutationMapping
    SessionPayload login(
            @Argument LoginInput input,
            @ContextValue(name = AuthDirectiveVisitor.CLIENT_ADDRESS, required = false) String clientAddress) {
        var result = accounts.login(input.username(), input.password(), clientAddress);
        if (result.token() == null) {
            // the field path stays ["input"] for login, as the app already reads it
            return new SessionPayload(
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(new UserError(List.of("input"), result.errorCode(), result.message())));
        }
        return SessionPayload.of(result, null);
    }

    @MutationMapping
    SessionPayload refreshSession(@Argument RefreshSessionInput input) {
        return SessionPayload.of(accounts.refresh(input.refreshToken()), "refreshToken");
    }

    @MutationMapping
    SignOutPayload signOut(@Argument SignOutInput input) {
        accounts.signOut(input.refreshToken());
        return new SignOutPayload(true, List.of());
    }

    @MutationMapping
    SessionPayload changePassword(
            @Argument ChangePasswordInput input,
            @ContextValue(name = AuthDirectiveVisitor.CLIENT_ADDRESS, required = false) String clientAddress) {
        var username = SecurityContextHolder.getContext().getAuthentication().getName();
        var result = accounts.changePassword(username, input.currentPassword(), input.newPassword(), clientAddress);
        var field = "WEAK_PASSWORD".equals(result.errorCode()) ? "newPassword" : "currentPassword";
        return SessionPayload.of(result, field);
    }

    @QueryMapping
    Account me() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return accounts.find(auth.getName()).orElse(null);
    }
}
