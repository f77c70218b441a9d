package org.dutygraph.appraisal.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static final SheetLimits LIMITS = new SheetLimits(1000, 3, 4, 10, 10, 1000);

    private static SheetTable parse(String text) throws SheetException {
        return CsvReader.parse(text, LIMITS);
    }

    @Test
    void quotedFieldsHoldCommasLineBreaksAndDoubledQuotes_andRowsKeepTheirFileNumbers() throws Exception {
        var table = parse("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",\n,\n3,4");
        assertThat(table.header()).containsExactly("a", "b");
        assertThat(table.lines()).extracting(SheetTable.Line::number).containsExactly(2, 4, 6);
        assertThat(table.lines().get(0).cells()).containsExactly("x,y", "say \"hi\"");
        assertThat(table.lines().get(1).cells()).containsExactly("two\nlines", "");
        assertThat(table.lines().get(2).cells()).containsExactly("3", "4");
    }

    @Test
    void strayAndUnclosedQuotesAreErrorsWithTheirRowAndColumn() {
        assertThatThrownBy(() -> parse("a,b\n1,x\"y\n"))
                .isInstanceOf(SheetException.class)
                .satisfies(e -> assertThat(((SheetException) e).row()).isEqualTo(2))
                .satisfies(e -> assertThat(((SheetException) e).column()).isEqualTo("B"));
        assertThatThrownBy(() -> parse("a,b\n1,\"open\n"))
                .isInstanceOf(SheetException.class)
                .satisfies(e -> assertThat(((SheetException) e).code()).isEqualTo("BAD_CSV"));
        assertThatThrownBy(() -> parse("a,b\n\"x\"y,1\n")).isInstanceOf(SheetException.class);
    }

    @Test
    void rowsColumnsAndCellsAreBounded() {
        assertThatThrownBy(() -> parse("a\n1\n2\n3\n4\n"))
                .satisfies(e -> assertThat(((SheetException) e).code()).isEqualTo("TOO_MANY_ROWS"));
        assertThatThrownBy(() -> parse("a,b,c,d,e\n"))
                .satisfies(e -> assertThat(((SheetException) e).code()).isEqualTo("TOO_MANY_COLUMNS"));
        assertThatThrownBy(() -> parse("a\n12345678901\n"))
                .satisfies(e -> assertThat(((SheetException) e).code()).isEqualTo("CELL_TOO_LONG"));
    }

    @Test
    void utf8WithOrWithoutBomAndGbkAreDetected_anUnknownCharsetIsAnError() throws Exception {
        var text = "工号,指标,得分\nAW-1,考核,90\n";
        var bom = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        var utf8 = text.getBytes(StandardCharsets.UTF_8);
        var withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        assertThat(CsvReader.decode(withBom, null)).isEqualTo(text);
        assertThat(CsvReader.decode(utf8, null)).isEqualTo(text);
        assertThat(CsvReader.decode(text.getBytes(Charset.forName("GBK")), null))
                .isEqualTo(text);
        assertThat(CsvReader.decode(text.getBytes(Charset.forName("GBK")), "GBK"))
                .isEqualTo(text);
        assertThatThrownBy(() -> CsvReader.decode(utf8, "no-such"))
                .satisfies(e -> assertThat(((SheetException) e).code()).isEqualTo("UNKNOWN_CHARSET"));
        assertThat(List.of(XlsxReader.columnName(0), XlsxReader.columnName(25), XlsxReader.columnName(26)))
                .containsExactly("A", "Z", "AA");
    }
}
