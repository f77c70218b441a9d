package org.dutygraph.appraisal.sheets;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dutygraph.appraisal.AppraisalTexts;
import org.dutygraph.platform.i18n.Text;

/**
 * The columns a score sheet may have, found by their header (English or the Chinese an office writes; case and spaces
 * do not matter). A subject is named by its id (a person's badge number or a unit's id), by a person's name with the
 * unit they hold a post in, or, for a unit itself, by the unit alone.
 */
enum SheetColumns {
    SUBJECT("subject", "subjectid", "id", "badge", "工号", "编号", "人员编号", "考核对象编号"),
    NAME("name", "姓名"),
    UNIT("unit", "unitid", "单位", "部门", "科室", "单位编号"),
    CODE("code", "indicator", "指标", "指标代码", "指标编码"),
    VALUE("value", "score", "分值", "得分", "分数"),
    PERIOD("period", "期间", "考核期", "考核期间", "月份");

    /** Columns an office keeps beside the scores; read past. */
    private static final Set<String> IGNORED =
            Set.of("note", "notes", "remark", "remarks", "comment", "备注", "说明", "序号");

    private final List<String> names;

    SheetColumns(String... names) {
        this.names = List.of(names);
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String normal(String header) {
        return header.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }

    /** Each column's index in the header; unknown or repeated headers are problems (row 1, that column). */
    static Map<SheetColumns, Integer> find(List<String> header, int headerRow) throws SheetException {
        var found = new EnumMap<SheetColumns, Integer>(SheetColumns.class);
        for (int i = 0; i < header.size(); i++) {
            var name = normal(header.get(i));
            if (name.isEmpty() || IGNORED.contains(name)) {
                continue;
            }
            SheetColumns column = null;
            for (var c : values()) {
                if (c.names.contains(name)) {
                    column = c;
                }
            }
            if (column == null) {
                throw new SheetException(
                        "UNKNOWN_COLUMN",
                        Text.of(AppraisalTexts.UNKNOWN_COLUMN, header.get(i)),
                        headerRow,
                        XlsxReader.columnName(i));
            }
            if (found.put(column, i) != null) {
                throw new SheetException(
                        "DUPLICATE_COLUMN",
                        Text.of(AppraisalTexts.TWO_COLUMNS, column.key()),
                        headerRow,
                        XlsxReader.columnName(i));
            }
        }
        for (var required : List.of(CODE, VALUE)) {
            if (!found.containsKey(required)) {
                throw new SheetException(
                        "MISSING_COLUMN", Text.of(AppraisalTexts.MISSING_COLUMN, required.key()), headerRow, null);
            }
        }
        if (!found.containsKey(SUBJECT) && !found.containsKey(NAME) && !found.containsKey(UNIT)) {
            throw new SheetException("MISSING_COLUMN", Text.of(AppraisalTexts.NO_SUBJECT_COLUMN), headerRow, null);
        }
        if (found.containsKey(NAME) && !found.containsKey(UNIT)) {
            throw new SheetException("MISSING_COLUMN", Text.of(AppraisalTexts.NAME_WITHOUT_UNIT), headerRow, null);
        }
        return found;
    }
}
