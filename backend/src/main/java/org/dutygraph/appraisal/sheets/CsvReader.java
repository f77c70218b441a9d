package org.dutygraph.appraisal.sheets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dutygraph.appraisal.AppraisalTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * CSV as RFC 4180 describes it (comma-separated, fields in double quotes may hold commas, line breaks and doubled
 * quotes; CRLF or LF ends a record), read strictly: a stray quote or an unterminated quoted field is an error with its
 * row, not a guess. The encoding is the one named, or: UTF-8 (with or without a byte-order mark) when the bytes are
 * valid UTF-8, else GB18030 (a superset of GBK, what Excel on Chinese Windows saves "CSV" in).
 */
final class CsvReader {

    private CsvReader() {}

    static String decode(byte[] bytes, String charsetName) throws SheetException {
        if (charsetName != null && !charsetName.isBlank()) {
            Charset charset;
            try {
                charset = Charset.forName(charsetName.strip());
            } catch (IllegalArgumentException e) {
                throw new SheetException("UNKNOWN_CHARSET", Text.of(AppraisalTexts.UNKNOWN_CHARSET, charsetName));
            }
            var text = strict(bytes, charset);
            if (text == null) {
                throw new SheetException("BAD_ENCODING", Text.of(AppraisalTexts.NOT_VALID_IN_CHARSET, charset.name()));
            }
            return stripBom(text);
        }
        var utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return stripBom(utf8);
        }
        var gb = strict(bytes, Charset.forName("GB18030"));
        if (gb == null) {
            throw new SheetException("BAD_ENCODING", Text.of(AppraisalTexts.UNKNOWN_ENCODING));
        }
        return gb;
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The records of {@code text}: the first is the header; records with nothing in them are left out. */
    static SheetTable parse(String text, SheetLimits limits) throws SheetException {
        var records = new Scanner(text, limits).records();
        if (records.isEmpty()) {
            throw new SheetException("EMPTY_SHEET", Text.of(AppraisalTexts.NO_HEADER));
        }
        var header = records.get(0);
        return new SheetTable(
                header.number(),
                header.cells().stream().map(String::strip).toList(),
                records.subList(1, records.size()));
    }

    /** One pass over the text, a character at a time; the end of the text ends the last record. */
    private static final class Scanner {

        private final String text;
        private final SheetLimits limits;
        private final List<SheetTable.Line> records = new ArrayList<>();
        private final List<String> fields = new ArrayList<>();
        private final StringBuilder field = new StringBuilder();
        private int record = 1;
        private int i;
        private boolean quoted;
        private boolean wasQuoted;

        Scanner(String text, SheetLimits limits) {
            this.text = text;
            this.limits = limits;
        }

        List<SheetTable.Line> records() throws SheetException {
            int n = text.length();
            for (i = 0; i <= n; i++) {
                char c = i < n ? text.charAt(i) : '\n';
                if (quoted) {
                    inQuotes(c);
                } else if (c == '"') {
                    openQuote();
                } else if (c == ',' || c == '\n' || c == '\r') {
                    endField(c);
                } else if (wasQuoted) {
                    throw new SheetException(
                            "BAD_CSV", Text.of(AppraisalTexts.TEXT_AFTER_QUOTE), record, column(fields));
                } else {
                    field.append(c);
                }
                if (field.length() > limits.maxCellLength()) {
                    throw new SheetException(
                            "CELL_TOO_LONG",
                            Text.of(AppraisalTexts.CELL_TOO_LONG, limits.maxCellLength()),
                            record,
                            column(fields));
                }
            }
            return records;
        }

        private boolean next(char c) {
            return i + 1 < text.length() && text.charAt(i + 1) == c;
        }

        /** Inside quotes everything is text; a doubled quote is one quote, a single one closes. */
        private void inQuotes(char c) throws SheetException {
            if (i == text.length()) {
                throw new SheetException("BAD_CSV", Text.of(AppraisalTexts.QUOTE_NOT_CLOSED), record, column(fields));
            }
            if (c != '"') {
                field.append(c);
            } else if (next('"')) {
                field.append('"');
                i++;
            } else {
                quoted = false;
            }
        }

        /** A quote opens a field only at its start, and only once. */
        private void openQuote() throws SheetException {
            if (field.length() > 0 || wasQuoted) {
                throw new SheetException("BAD_CSV", Text.of(AppraisalTexts.STRAY_QUOTE), record, column(fields));
            }
            quoted = true;
            wasQuoted = true;
        }

        /** A comma ends the field; a line break (LF, CR or CRLF) ends the field and the record. */
        private void endField(char c) throws SheetException {
            if (c == '\r' && next('\n')) {
                i++;
            }
            fields.add(field.toString());
            field.setLength(0);
            wasQuoted = false;
            if (fields.size() > limits.maxColumns()
                    && !fields.get(fields.size() - 1).isBlank()) {
                throw new SheetException(
                        "TOO_MANY_COLUMNS",
                        Text.of(AppraisalTexts.TOO_MANY_COLUMNS, limits.maxColumns()),
                        record,
                        null);
            }
            if (c != ',') {
                endRecord();
            }
        }

        /** Keeps the record unless it is blank (or the empty one after the text's final line break). */
        private void endRecord() throws SheetException {
            if (i < text.length() || fields.size() > 1 || !fields.get(0).isEmpty()) {
                var line = new SheetTable.Line(record, List.copyOf(fields));
                if (!line.blank()) {
                    if (records.size() > limits.maxRows()) {
                        throw new SheetException(
                                "TOO_MANY_ROWS", Text.of(AppraisalTexts.TOO_MANY_ROWS, limits.maxRows()), record, null);
                    }
                    records.add(line);
                }
            }
            fields.clear();
            record++;
        }
    }

    /** The 1-based column a field being read is in, as Excel names it (A, B, ...). */
    private static String column(List<String> fieldsBefore) {
        return XlsxReader.columnName(fieldsBefore.size());
    }
}
