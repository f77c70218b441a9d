package org.dutygraph.appraisal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Minimal .xlsx files for tests, written by hand: strings shared, numbers as numbers (as Excel saves them). */
final class Xlsx {

    private Xlsx() {}

    static byte[] of(List<List<Object>> rows) {
        var strings = new ArrayList<String>();
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                var ref = (char) ('A' + c) + String.valueOf(r + 1);
                var v = rows.get(r).get(c);
                if (v instanceof Number n) {
                    sheet.append("<c r=\"")
                            .append(ref)
                            .append("\"><v>")
                            .append(n)
                            .append("</v></c>");
                } else {
                    strings.add(v.toString());
                    sheet.append("<c r=\"")
                            .append(ref)
                            .append("\" t=\"s\"><v>")
                            .append(strings.size() - 1)
                            .append("</v></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        var sst = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
                        + "spreadsheetml/2006/main\" count=\"" + strings.size() + "\" uniqueCount=\"" + strings.size()
                        + "\">");
        strings.forEach(s -> sst.append("<si><t>")
                .append(s.replace("&", "&amp;").replace("<", "&lt;"))
                .append("</t></si>"));
        sst.append("</sst>");
        return zip(sheet.toString(), sst.toString());
    }

    /** A workbook whose sheet part is {@code sheetXml} as given. */
    static byte[] zip(String sheetXml, String sharedStrings) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            put(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                            + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
                            + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/"
                            + "workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                            + "officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType="
                            + "\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            put(
                    zip,
                    "_rels/.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                            + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                            + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(
                    zip,
                    "xl/workbook.xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
                            + "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                            + "<sheets><sheet name=\"考核\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas."
                            + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                            + "openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                            + "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            put(zip, "xl/sharedStrings.xml", sharedStrings);
            put(zip, "xl/worksheets/sheet1.xml", sheetXml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A zip bomb: a small file whose one part inflates to {@code megabytes} MB of zeros. */
    static byte[] bomb(int megabytes) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            var chunk = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(chunk);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
