package org.dutygraph.platform.graphql;

/** A referenced object does not exist; answered as NOT_FOUND naming the argument. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
