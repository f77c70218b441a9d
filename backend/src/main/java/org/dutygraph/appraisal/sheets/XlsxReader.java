package org.dutygraph.appraisal.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dutygraph.appraisal.AppraisalTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * The first worksheet of an .xlsx file, read with fastexcel-reader (StAX; its factory has DTDs and external entities
 * off). An .xlsx is a zip: before the reader opens it, every entry is inflated here through the same central directory
 * the reader uses, counting what actually comes out, so a zip bomb stops at the limit instead of filling memory; a
 * part that declares a DTD is refused outright (Excel never writes one).
 */
final class XlsxReader {

    private XlsxReader() {}

    static boolean looksLikeZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static SheetTable read(byte[] bytes, SheetLimits limits) throws SheetException {
        if (!looksLikeZip(bytes)) {
            throw new SheetException(
                    "NOT_XLSX",
                    Text.of(ReadableWorkbook.isOLE2Header(bytes) ? AppraisalTexts.OLD_XLS : AppraisalTexts.NOT_XLSX));
        }
        guard(bytes, limits);
        try (var workbook = open(bytes);
                var rows = workbook.getFirstSheet().openStream()) {
            var lines = new ArrayList<SheetTable.Line>();
            List<String> header = null;
            int headerRow = 0;
            for (var it = rows.iterator(); it.hasNext(); ) {
                var row = it.next();
                var cells = new ArrayList<String>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    var text = text(row.getCell(c));
                    if (c >= limits.maxColumns()) {
                        if (!text.isBlank()) {
                            throw new SheetException(
                                    "TOO_MANY_COLUMNS",
                                    Text.of(AppraisalTexts.TOO_MANY_COLUMNS, limits.maxColumns()),
                                    row.getRowNum(),
                                    columnName(c));
                        }
                        continue;
                    }
                    if (text.length() > limits.maxCellLength()) {
                        throw new SheetException(
                                "CELL_TOO_LONG",
                                Text.of(AppraisalTexts.CELL_TOO_LONG, limits.maxCellLength()),
                                row.getRowNum(),
                                columnName(c));
                    }
                    cells.add(text);
                }
                var line = new SheetTable.Line(row.getRowNum(), List.copyOf(cells));
                if (line.blank()) {
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(String::strip).toList();
                    headerRow = row.getRowNum();
                } else if (lines.size() >= limits.maxRows()) {
                    throw new SheetException(
                            "TOO_MANY_ROWS",
                            Text.of(AppraisalTexts.TOO_MANY_ROWS, limits.maxRows()),
                            row.getRowNum(),
                            null);
                } else {
                    lines.add(line);
                }
            }
            if (header == null) {
                throw new SheetException("EMPTY_SHEET", Text.of(AppraisalTexts.NO_HEADER_IN_WORKSHEET));
            }
            return new SheetTable(headerRow, header, lines);
        } catch (IOException | ExcelReaderException | IllegalStateException e) {
            throw new SheetException("BAD_XLSX", Text.of(AppraisalTexts.UNREADABLE_WORKBOOK));
        }
    }

    /** Cell formats tell a date (a period Excel turned into one); a workbook without a styles part has none. */
    private static ReadableWorkbook open(byte[] bytes) throws IOException {
        try {
            return new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false));
        } catch (ExcelReaderException e) {
            return new ReadableWorkbook(new ByteArrayInputStream(bytes), ReadingOptions.DEFAULT_READING_OPTIONS);
        }
    }

    /** Inflates every entry once, within the limits; refuses too many entries, too much output, and DTDs. */
    private static void guard(byte[] bytes, SheetLimits limits) throws SheetException {
        try (var zip = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                .get()) {
            long budget = limits.maxInflatedBytes();
            int count = 0;
            var buffer = new byte[8192];
            for (var entries = zip.getEntries(); entries.hasMoreElements(); ) {
                var entry = entries.nextElement();
                if (++count > limits.maxZipEntries()) {
                    throw new SheetException(
                            "TOO_LARGE", Text.of(AppraisalTexts.TOO_MANY_PARTS, limits.maxZipEntries()));
                }
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    boolean start = true;
                    for (int read; (read = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                        budget -= read;
                        if (budget < 0) {
                            throw new SheetException(
                                    "TOO_LARGE",
                                    Text.of(
                                            AppraisalTexts.INFLATES_TOO_MUCH,
                                            limits.maxInflatedBytes() / (1024 * 1024)));
                        }
                        if (start
                                && (entry.getName().endsWith(".xml")
                                        || entry.getName().endsWith(".rels"))) {
                            if (new String(buffer, 0, read, StandardCharsets.ISO_8859_1).contains("<!DOCTYPE")) {
                                throw new SheetException("BAD_XLSX", Text.of(AppraisalTexts.DTD));
                            }
                        }
                        start = false;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new SheetException("BAD_XLSX", Text.of(AppraisalTexts.NOT_A_ZIP));
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER && isDate(cell.getDataFormatString())) {
            // a period typed as 2033-02 becomes a date in Excel: read it back as the month
            var date = cell.asDate();
            return String.format("%04d-%02d", date.getYear(), date.getMonthValue());
        }
        if (cell.getType() == CellType.STRING) {
            return cell.asString();
        }
        var raw = cell.getRawValue();
        return raw == null ? "" : raw;
    }

    private static boolean isDate(String format) {
        if (format == null) {
            return false;
        }
        var f = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
        return f.contains("y") || f.contains("m") && f.contains("d") || f.contains("年") || f.contains("月");
    }

    /** Excel's name of a 0-based column: A, B, ..., Z, AA, ... */
    static String columnName(int index) {
        var name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }
}
