package org.dutygraph.security;

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

/** login (public) and me (any account). */
@Controller
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    record LoginInput(String username, String password) {
    }

    record LoginPayload(String token, java.time.OffsetDateTime expiresAt, Account account, List<UserError> errors) {
    }

    /** The client's address (see GraphQlConfiguration) serves the sign-in throttle, in memory only. */
    @MutationMapping
    LoginPayload login(@Argument LoginInput input,
                       @ContextValue(name = AuthDirectiveVisitor.CLIENT_ADDRESS, required = false) String clientAddress) {
        var result = accounts.login(input.username(), input.password(), clientAddress);
        var t = result.token();
        return t != null
                ? new LoginPayload(t.token(), t.expiresAt().atOffset(ZoneOffset.UTC), t.account(), List.of())
                : new LoginPayload(null, null, null, List.of(new UserError(List.of("input"), result.errorCode(), result.message())));
    }

    @QueryMapping
    Account me() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return accounts.find(auth.getName()).orElse(null);
    }
}
