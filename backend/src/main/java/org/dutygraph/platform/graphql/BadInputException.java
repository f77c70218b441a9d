package org.dutygraph.platform.graphql;

import org.dutygraph.platform.i18n.Text;

/** Input the caller can fix; answered as a BAD_USER_INPUT error naming the argument. */
public class BadInputException extends RuntimeException {

    private final String field;
    private final String code;
    private final Text text;

    public BadInputException(String field, String code, Text text) {
        super(text.toString());
        this.field = field;
        this.code = code;
        this.text = text;
    }

    /** A payload's refusal answered as an error, for a field that cannot be null where the payload has no result. */
    public static BadInputException of(UserError error) {
        return new BadInputException(String.join(".", error.field()), error.code(), error.message());
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    /** What is wrong, for the caller to read in their language. */
    public Text text() {
        return text;
    }
}
