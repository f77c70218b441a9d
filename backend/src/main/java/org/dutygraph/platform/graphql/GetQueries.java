package org.dutygraph.platform.graphql;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP GET, for queries only: {@code ?query=...} or {@code ?extensions={"persistedQuery":...}}, with
 * {@code variables} and {@code operationName} as JSON/text parameters. The request goes on as the equivalent POST
 * (so the body check, the trusted-document rule and every limit apply as to a POST). A mutation by GET is 405.
 * Public data (every root field in {@link #PUBLIC_CACHEABLE}, no token) answers {@code Cache-Control: public,
 * max-age=60} with an ETag ({@code If-None-Match} gets 304); anything else {@code no-store}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 200)
class GetQueries extends OncePerRequestFilter {

    static final Set<String> PUBLIC_CACHEABLE =
            Set.of("citizenRankings", "matters", "supervisionRanking", "__typename");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String path;
    private final TrustedDocuments trusted;
    private final ParserOptions parserOptions;
    private final Messages messages;

    GetQueries(
            @Value("${spring.graphql.http.path:/graphql}") String path,
            TrustedDocuments trusted,
            GraphQlLimits limits,
            Messages messages) {
        this.path = path;
        this.messages = messages;
        this.trusted = trusted;
        this.parserOptions =
                ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(limits.maxTokens()));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !path.equals(RequestPaths.of(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, Object> body;
        try {
            body = body(request);
        } catch (RuntimeException e) {
            refuse(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    "BAD_REQUEST",
                    messages.render(Text.of(PlatformTexts.MUST_BE_OBJECT, "variables/extensions"), language(request)));
            return;
        }
        var text = (String) body.get("query");
        if (text == null) {
            var hash = hash(body);
            text = hash == null ? null : trusted.byHash(hash).orElse(null);
        }
        if (text == null && hash(body) != null) {
            // a hash only the parsed-document cache knows could name a mutation: by GET the client sends the text
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader("Cache-Control", "no-store");
            response.getWriter()
                    .write(
                            "{\"errors\":[{\"message\":\"PersistedQueryNotFound\",\"extensions\":{\"code\":\"PERSISTED_QUERY_NOT_FOUND\"}}]}");
            return;
        }
        var operation = text == null ? null : operation(text, (String) body.get("operationName"));
        if (operation != null && operation.getOperation() != OperationDefinition.Operation.QUERY) {
            response.setHeader("Allow", "POST");
            refuse(
                    response,
                    HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    "BAD_REQUEST",
                    messages.render(Text.of(PlatformTexts.GET_QUERIES_ONLY), language(request)));
            return;
        }
        var cacheable = operation != null && request.getHeader("Authorization") == null && publicOnly(operation);
        var wrapped = new ContentCachingResponseWrapper(response);
        chain.doFilter(new AsPost(request, JSON.writeValueAsBytes(body)), wrapped);
        if (cacheable && wrapped.getStatus() == 200) {
            var etag =
                    "\"" + TrustedDocuments.sha256(new String(wrapped.getContentAsByteArray(), StandardCharsets.UTF_8))
                            + "\"";
            wrapped.setHeader("Cache-Control", "public, max-age=60");
            wrapped.setHeader("ETag", etag);
            if (etag.equals(request.getHeader("If-None-Match"))) {
                wrapped.resetBuffer();
                wrapped.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            }
        } else {
            wrapped.setHeader("Cache-Control", "no-store");
        }
        wrapped.copyBodyToResponse();
    }

    private static java.util.Locale language(HttpServletRequest request) {
        return Languages.fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    private static Map<String, Object> body(HttpServletRequest request) {
        var body = new LinkedHashMap<String, Object>();
        if (request.getParameter("query") != null) {
            body.put("query", request.getParameter("query"));
        }
        if (request.getParameter("operationName") != null) {
            body.put("operationName", request.getParameter("operationName"));
        }
        for (var name : List.of("variables", "extensions")) {
            var value = request.getParameter(name);
            if (value != null && !value.isBlank()) {
                body.put(name, JSON.readValue(value, Map.class));
            }
        }
        return body;
    }

    private static String hash(Map<String, Object> body) {
        return body.get("extensions") instanceof Map<?, ?> extensions
                        && extensions.get("persistedQuery") instanceof Map<?, ?> p
                        && p.get("sha256Hash") instanceof String hash
                ? hash
                : null;
    }

    /** The operation the request would run, or null when the document does not parse (the POST path reports it). */
    private OperationDefinition operation(String text, String operationName) {
        try {
            Document document = new Parser()
                    .parseDocument(ParserEnvironment.newParserEnvironment()
                            .document(text)
                            .parserOptions(parserOptions)
                            .build());
            var operations = document.getDefinitionsOfType(OperationDefinition.class);
            return operations.stream()
                    .filter(o -> operationName == null ? operations.size() == 1 : operationName.equals(o.getName()))
                    .findFirst()
                    .orElse(null);
        } catch (InvalidSyntaxException e) {
            return null;
        }
    }

    private static boolean publicOnly(OperationDefinition operation) {
        var selections = operation.getSelectionSet().getSelections();
        return !selections.isEmpty()
                && selections.stream().allMatch(s -> s instanceof Field f && PUBLIC_CACHEABLE.contains(f.getName()));
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write(JSON.writeValueAsString(
                        Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))))));
    }

    /** The GET as the POST it stands for: JSON body of the parameters. */
    private static final class AsPost extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final byte[] body;

        AsPost(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public String getMethod() {
            return "POST";
        }

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_JSON_VALUE;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return "Content-Type".equalsIgnoreCase(name)
                    ? java.util.Collections.enumeration(List.of(getContentType()))
                    : super.getHeaders(name);
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            var in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
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
    }
}
