package org.dutygraph.platform.graphql;

import java.util.List;

/** The contract's UserError: a problem with the input, naming the field (as a path) and the reason. */
public record UserError(List<String> field, String code, String message) {

    public static UserError of(String code, String message, String... path) {
        return new UserError(List.of(path), code, message);
    }
}
