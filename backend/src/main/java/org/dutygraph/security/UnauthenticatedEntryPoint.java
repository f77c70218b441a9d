package org.dutygraph.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A refused bearer token answers 401 with {@code WWW-Authenticate} as RFC 6750 wants, and a GraphQL-shaped body
 * whose {@code extensions.code} is UNAUTHENTICATED, the code clients already handle for "sign in again".
 */
final class UnauthenticatedEntryPoint implements AuthenticationEntryPoint {

    private static final String BODY = """
            {"errors":[{"message":"Sign in again: the token is missing, invalid or expired, or its account is no \
            longer active","extensions":{"code":"UNAUTHENTICATED"}}]}""";

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        bearer.commence(request, response, refused);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(BODY);
    }
}
