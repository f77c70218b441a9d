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

    private CsvReader() {
    }

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
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The records of {@code text}: the first is the header; records with nothing in them are left out. */
    static SheetTable parse(String text, SheetLimits limits) throws SheetException {
        var records = new ArrayList<SheetTable.Line>();
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        int record = 1;
        int i = 0;
        int n = text.length();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (i <= n) {
            char c = i < n ? text.charAt(i) : '\n';
            if (quoted) {
                if (i == n) {
                    throw new SheetException("BAD_CSV", Text.of(AppraisalTexts.QUOTE_NOT_CLOSED), record, column(fields));
                }
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    throw new SheetException("BAD_CSV", Text.of(AppraisalTexts.STRAY_QUOTE), record, column(fields));
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',' || c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (fields.size() > limits.maxColumns() && !fields.get(fields.size() - 1).isBlank()) {
                    throw new SheetException("TOO_MANY_COLUMNS", Text.of(AppraisalTexts.TOO_MANY_COLUMNS, limits.maxColumns()), record, null);
                }
                if (c != ',') {
                    if (i < n || fields.size() > 1 || !fields.get(0).isEmpty()) {
                        var line = new SheetTable.Line(record, List.copyOf(fields));
                        if (!line.blank()) {
                            if (records.size() > limits.maxRows()) {
                                throw new SheetException("TOO_MANY_ROWS", Text.of(AppraisalTexts.TOO_MANY_ROWS, limits.maxRows()),
                                        record, null);
                            }
                            records.add(line);
                        }
                    }
                    fields.clear();
                    record++;
                }
            } else if (wasQuoted) {
                throw new SheetException("BAD_CSV", Text.of(AppraisalTexts.TEXT_AFTER_QUOTE), record, column(fields));
            } else {
                field.append(c);
            }
            if (field.length() > limits.maxCellLength()) {
                throw new SheetException("CELL_TOO_LONG", Text.of(AppraisalTexts.CELL_TOO_LONG, limits.maxCellLength()),
                        record, column(fields));
            }
            i++;
        }
        if (records.isEmpty()) {
            throw new SheetException("EMPTY_SHEET", Text.of(AppraisalTexts.NO_HEADER));
        }
        return new SheetTable(records.get(0).number(), records.get(0).cells().stream().map(String::strip).toList(), records.subList(1, records.size()));
    }

    /** The 1-based column a field being read is in, as Excel names it (A, B, ...). */
    private static String column(List<String> fieldsBefore) {
        return XlsxReader.columnName(fieldsBefore.size());
    }
}
