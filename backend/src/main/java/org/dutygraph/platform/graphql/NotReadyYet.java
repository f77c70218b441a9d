package org.dutygraph.platform.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the API with 503 and {@code Retry-After} while the application does not accept traffic: from the moment the
 * web server listens until the start-up runners (the demo load when asked, the complaint rehearsal) are done, and
 * again while it shuts down. GraphQL gets {@code UNAVAILABLE} with {@code retryAfterSeconds}, Open311 its own error
 * list; the other endpoints (photos, evidence, case events and queue snapshots from systems) the GraphQL shape. Only
 * the actuator (the probes themselves) and GraphiQL's page answer. Migrations run before the web server listens. The
 * readiness probe ({@code /actuator/health/readiness}) follows the same state, so a balancer sends nothing here until
 * then; a client that does not ask it (a system posting case events, an Open311 client) is told to come back instead
 * of meeting a graph still loading. Paths are compared as the server maps them ({@link RequestPaths}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NotReadyYet extends OncePerRequestFilter {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApplicationAvailability availability;
    private final Messages messages;

    NotReadyYet(ApplicationAvailability availability, Messages messages) {
        this.availability = availability;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var served = RequestPaths.of(request);
        return served.equals("/actuator") || served.startsWith("/actuator/") || served.equals("/graphiql");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var language = Languages.fromAcceptLanguage(request.getHeader("Accept-Language"));
        var message = messages.render(Text.of(PlatformTexts.NOT_READY, RETRY_AFTER.toSeconds()), language);
        if (RequestPaths.of(request).startsWith("/open311/")) {
            response.getWriter()
                    .write(JSON.writeValueAsString(List.of(
                            Map.of("code", HttpServletResponse.SC_SERVICE_UNAVAILABLE, "description", message))));
            return;
        }
        response.getWriter()
                .write(JSON.writeValueAsString(Map.of(
                        "errors",
                        List.of(Map.of(
                                "message",
                                message,
                                "extensions",
                                Map.of("code", "UNAVAILABLE", "retryAfterSeconds", RETRY_AFTER.toSeconds()))))));
    }
}
