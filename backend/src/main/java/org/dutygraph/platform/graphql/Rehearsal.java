package org.dutygraph.platform.graphql;

import java.util.Optional;
import org.dutygraph.platform.graphql.limits.TrustedDocuments;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * What the service needs to send itself requests, in process, before it accepts traffic (the complaint start-up
 * rehearsal): the app's own documents, and an attribute marking such a request, which no client can set, so that
 * what it sends is not counted as a client's request.
 */
@Component
public class Rehearsal {

    public static final String ATTRIBUTE = "dutygraph.rehearsal";

    private final TrustedDocuments documents;

    Rehearsal(TrustedDocuments documents) {
        this.documents = documents;
    }

    /** The document of the app's operation that starts with {@code start} (e.g. {@code "mutation SubmitComplaint("}). */
    public Optional<String> appDocument(String start) {
        return documents.all().values().stream()
                .filter(d -> d.startsWith(start))
                .sorted()
                .findFirst();
    }

    static boolean is(WebGraphQlRequest request) {
        return Boolean.TRUE.equals(request.getAttributes().get(ATTRIBUTE));
    }
}
