package org.dutygraph.platform.graphql;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * The path a request is served at, as the server maps it: decoded, without path parameters and the context path.
 * The raw request URI is not: {@code /%67raphql} is served as {@code /graphql}, and a filter comparing the raw URI let
 * it past the readiness gate, the body limit and the app-only documents.
 */
public final class RequestPaths {

    private RequestPaths() {}

    public static String of(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }
}
