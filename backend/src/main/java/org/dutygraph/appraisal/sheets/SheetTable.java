package org.dutygraph.appraisal.sheets;

import java.util.List;

/**
 * A score sheet as read from a file: the header's labels and the rows under it, each with its row number in the file
 * (the header is row 1 when it is the first), so that a problem names the row the office sees.
 */
record SheetTable(int headerRow, List<String> header, List<Line> lines) {

    record Line(int number, List<String> cells) {

        String cell(int column) {
            return column < 0 || column >= cells.size() ? "" : cells.get(column);
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }
}
