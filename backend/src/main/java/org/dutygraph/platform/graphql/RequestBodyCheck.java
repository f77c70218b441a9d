package org.dutygraph.platform.graphql;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
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
 * Runs late, after the filters that bound the body's size.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class RequestBodyCheck extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String path;

    RequestBodyCheck(@Value("${spring.graphql.http.path:/graphql}") String path) {
        this.path = path;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !path.equals(request.getRequestURI().substring(request.getContextPath().length()))
                || !isJson(request.getContentType());
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
        var body = request.getInputStream().readAllBytes();
        var problem = problem(body);
        if (problem != null) {
            refuse(response, problem);
            return;
        }
        chain.doFilter(new Replay(request, body), response);
    }

    /** What is wrong with the body, or null if it has the shape of a GraphQL request. */
    static String problem(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JacksonException e) {
            return "The request body is not JSON";
        }
        if (request == null || !request.isObject()) {
            return "The request body must be a JSON object with a 'query'";
        }
        var query = request.get("query");
        if (query == null || query.isNull()) {
            // a trusted document may be named by id instead of sent as text
            if (!isText(request.get("id")) && !request.path("extensions").path("persistedQuery").isObject()) {
                return "The request body must have a 'query'";
            }
        } else if (!query.isString()) {
            return "'query' must be a string";
        }
        for (var field : List.of("operationName", "id")) {
            var value = request.get(field);
            if (value != null && !value.isNull() && !value.isString()) {
                return "'" + field + "' must be a string";
            }
        }
        for (var field : List.of("variables", "extensions")) {
            var value = request.get(field);
            if (value != null && !value.isNull() && !value.isObject()) {
                return "'" + field + "' must be a JSON object";
            }
        }
        return null;
    }

    private static boolean isText(JsonNode node) {
        return node != null && node.isString();
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var error = new LinkedHashMap<String, Object>();
        error.put("message", message);
        error.put("extensions", Map.of("code", "BAD_REQUEST"));
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
