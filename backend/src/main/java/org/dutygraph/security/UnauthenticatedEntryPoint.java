package org.dutygraph.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.Text;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refused bearer token answers 401 with {@code WWW-Authenticate} as RFC 6750 wants, and a GraphQL-shaped body
 * whose {@code extensions.code} is UNAUTHENTICATED, the code clients already handle for "sign in again", and
 * {@code extensions.reason} says what the app can do ({@link TokenRefusal}); its message is in the language the
 * request asks for. The whole request is refused, public fields included: answering it as if anonymous would hide
 * from the app that its session ended.
 */
final class UnauthenticatedEntryPoint implements AuthenticationEntryPoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final Messages messages;

    UnauthenticatedEntryPoint(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        bearer.commence(request, response, refused);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var message = messages.render(
                Text.of(SecurityTexts.SIGN_IN_AGAIN),
                Languages.fromAcceptLanguage(request.getHeader("Accept-Language")));
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write(JSON.writeValueAsString(Map.of(
                        "errors",
                        List.of(Map.of(
                                "message",
                                message,
                                "extensions",
                                Map.of(
                                        "code",
                                        "UNAUTHENTICATED",
                                        "reason",
                                        TokenRefusal.of(refused).name()))))));
    }
}
