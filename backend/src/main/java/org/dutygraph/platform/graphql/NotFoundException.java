package org.dutygraph.platform.graphql;

import org.dutygraph.platform.i18n.Text;

/** A referenced object does not exist; answered as NOT_FOUND naming the argument. */
public class NotFoundException extends RuntimeException {

    private final String field;
    private final Text text;

    public NotFoundException(String field, Text text) {
        super(text.toString());
        this.field = field;
        this.text = text;
    }

    public Text text() {
        return text;
    }

    public String field() {
        return field;
    }
}
