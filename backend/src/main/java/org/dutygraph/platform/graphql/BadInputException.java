package org.dutygraph.platform.graphql;

/** Input the caller can fix; answered as a BAD_USER_INPUT error naming the argument. */
public class BadInputException extends RuntimeException {

    private final String field;
    private final String code;

    public BadInputException(String field, String code, String message) {
        super(message);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
