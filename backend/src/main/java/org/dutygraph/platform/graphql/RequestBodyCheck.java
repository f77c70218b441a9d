package org.dutygraph.platform.graphql;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dutygraph.platform.graphql.limits.DocumentPolicy;
import org.dutygraph.platform.graphql.limits.GraphQlLimits;
import org.dutygraph.platform.graphql.limits.TrustedDocuments;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a POST to the GraphQL endpoint whose body is not a GraphQL request (not JSON, {@code null}, an array,
 * a query that is not a string, variables that are not an object, ...) with a 400 and a coded GraphQL error,
 * before the framework reads it (it answered some of these with a 500, others with an uncoded error page).
 * Runs after Spring Security, so that the body's size limit and the trusted-document rule know whether the caller
 * signed in; the body is bounded before anything parses it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class RequestBodyCheck extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String path;
    private final GraphQlLimits limits;
    private final DocumentPolicy policy;
    private final Messages messages;

    RequestBodyCheck(
            @Value("${spring.graphql.http.path:/graphql}") String path,
            GraphQlLimits limits,
            DocumentPolicy policy,
            Messages messages) {
        this.path = path;
        this.limits = limits;
        this.policy = policy;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !path.equals(RequestPaths.of(request));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            var type = MediaType.parseMediaType(contentType);
            return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var language = Languages.fromAcceptLanguage(request.getHeader("Accept-Language"));
        if (!isJson(request.getContentType())) {
            refuse(
                    response,
                    HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "BAD_REQUEST",
                    render(Text.of(PlatformTexts.SEND_AS_JSON), language));
            return;
        }
        boolean signedIn = AuthDirectiveVisitor.signedIn();
        long limit = (signedIn ? limits.maxBodySignedIn() : limits.maxBodyAnonymous()).toBytes();
        // Bounded before anything is parsed: by the declared length, then by what actually arrives.
        byte[] body = request.getContentLengthLong() > limit
                ? null
                : request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body == null || body.length > limit) {
            refuse(
                    response,
                    HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "PAYLOAD_TOO_LARGE",
                    render(Text.of(PlatformTexts.BODY_TOO_LARGE, limit), language));
            return;
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (JacksonException e) {
            refuse(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "BAD_REQUEST",
                    render(Text.of(PlatformTexts.BODY_NOT_JSON), language));
            return;
        }
        var problem = problem(parsed);
        if (problem != null) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "BAD_REQUEST", render(problem, language));
            return;
        }
        var untrusted = policy.refusal(parsed.path("query").asString(null), persistedHash(parsed));
        if (untrusted != null) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "UNTRUSTED_DOCUMENT", render(untrusted, language));
            return;
        }
        chain.doFilter(new Replay(request, body), response);
    }

    private String render(Text text, Locale language) {
        return messages.render(text, language);
    }

    private static String persistedHash(JsonNode request) {
        return request.path("extensions")
                .path("persistedQuery")
                .path("sha256Hash")
                .asString(null);
    }

    /** What is wrong with the body, or null if it has the shape of a GraphQL request. */
    static Text problem(JsonNode request) {
        if (request == null || !request.isObject()) {
            return Text.of(PlatformTexts.BODY_NOT_REQUEST);
        }
        var query = request.get("query");
        if (query == null || query.isNull()) {
            // a trusted document may be named by id instead of sent as text
            if (!isText(request.get("id"))
                    && !request.path("extensions").path("persistedQuery").isObject()) {
                return Text.of(PlatformTexts.BODY_WITHOUT_QUERY);
            }
        } else if (!query.isString()) {
            return Text.of(PlatformTexts.MUST_BE_STRING, "query");
        }
        for (var field : List.of("operationName", "id")) {
            var value = request.get(field);
            if (value != null && !value.isNull() && !value.isString()) {
                return Text.of(PlatformTexts.MUST_BE_STRING, field);
            }
        }
        for (var field : List.of("variables", "extensions")) {
            var value = request.get(field);
            if (value != null && !value.isNull() && !value.isObject()) {
                return Text.of(PlatformTexts.MUST_BE_OBJECT, field);
            }
        }
        // a hash sent with a document must be that document's (400, as any malformed request)
        var hash = persistedHash(request);
        if (query != null
                && query.isString()
                && hash != null
                && !TrustedDocuments.sha256(query.asString()).equals(hash)) {
            return Text.of(PlatformTexts.HASH_NOT_OF_QUERY);
        }
        return null;
    }

    private static boolean isText(JsonNode node) {
        return node != null && node.isString();
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var error = new LinkedHashMap<String, Object>();
        error.put("message", message);
        error.put("extensions", Map.of("code", code));
        response.getWriter().write(JSON.writeValueAsString(Map.of("errors", List.of(error))));
    }

    /** The request with its body read once and served again to the GraphQL handler. */
    private static final class Replay extends HttpServletRequestWrapper {

        private final byte[] body;

        Replay(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
