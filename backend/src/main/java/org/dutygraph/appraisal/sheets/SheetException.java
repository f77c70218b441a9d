package org.dutygraph.appraisal.sheets;

/** A file that cannot be read as a score sheet at all (too large, not CSV or .xlsx, a zip bomb, ...): nothing stored. */
class SheetException extends Exception {

    private final String code;
    private final int row;
    private final String column;

    SheetException(String code, String message) {
        this(code, message, 0, null);
    }

    /** A problem at a row (and column, when known) of the file. */
    SheetException(String code, String message, int row, String column) {
        super(message);
        this.code = code;
        this.row = row;
        this.column = column;
    }

    String code() {
        return code;
    }

    int row() {
        return row;
    }

    String column() {
        return column;
    }
}
