package org.dutygraph.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A refused bearer token answers 401 with {@code WWW-Authenticate} as RFC 6750 wants, and a GraphQL-shaped body
 * whose {@code extensions.code} is UNAUTHENTICATED and {@code extensions.reason} says what the app can do
 * ({@link TokenRefusal}). The whole request is refused, public fields included: answering it as if anonymous would
 * hide from the app that its session ended.
 */
final class UnauthenticatedEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        var reason = TokenRefusal.of(refused);
        bearer.commence(request, response, refused);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"errors\":[{\"message\":\"" + reason.message
                + "\",\"extensions\":{\"code\":\"UNAUTHENTICATED\",\"reason\":\"" + reason.name() + "\"}}]}");
    }
}
