package org.dutygraph.appraisal.sheets;

import org.dutygraph.platform.i18n.Text;

/** A file that cannot be read as a score sheet at all (too large, not CSV or .xlsx, a zip bomb, ...): nothing stored. */
class SheetException extends Exception {

    private final String code;
    private final int row;
    private final String column;
    private final Text text;

    SheetException(String code, Text message) {
        this(code, message, 0, null);
    }

    /** A problem at a row (and column, when known) of the file. */
    SheetException(String code, Text message, int row, String column) {
        super(message.toString());
        this.text = message;
        this.code = code;
        this.row = row;
        this.column = column;
    }

    String code() {
        return code;
    }

    /** What is wrong, for the reader in their language. */
    Text text() {
        return text;
    }

    int row() {
        return row;
    }

    String column() {
        return column;
    }
}
