package org.dutygraph.platform.graphql;

import java.util.List;
import org.dutygraph.platform.i18n.Text;

/**
 * The contract's UserError: a problem with the input, naming the field (as a path) and the reason; the message is
 * rendered in the caller's language.
 */
public record UserError(List<String> field, String code, Text message) {

    public static UserError of(String code, Text message, String... path) {
        return new UserError(List.of(path), code, message);
    }
}
