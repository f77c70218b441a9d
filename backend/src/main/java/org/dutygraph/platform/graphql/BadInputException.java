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
