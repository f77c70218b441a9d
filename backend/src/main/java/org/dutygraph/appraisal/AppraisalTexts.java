package org.dutygraph.appraisal;

import org.dutygraph.platform.i18n.MessageKey;

/** Texts of appraisal: periods, scores, events, score sheets, schemes, jobs and citizen rankings. */
public enum AppraisalTexts implements MessageKey {
    PERIOD_FORMAT,
    PERIOD_A_MONTH,
    EVENT_MONTH,
    PERIOD_IN_YEAR,
    TYPED_OR_STRING,
    TYPED_OR_STRING_MISSING,
    YEAR_RANGE,
    WAIT_SECONDS,
    // scores
    THIS_CALL,
    THIS_SHEET,
    ENTERED_TWICE,
    SCORES_PER_CALL,
    INDICATOR_CODE_FORMAT,
    UNKNOWN_INDICATOR,
    COMPUTED_INDICATOR,
    SCORE_RANGE,
    SCORE_OVER_MAX,
    SCORE_DECIMALS,
    NOT_A_DECIMAL,
    NOT_A_DECIMAL_VALUE,
    // events
    REASON_LENGTH,
    EVENT,
    ALREADY_WITHDRAWN,
    EVENT_KIND_FORMAT,
    MONTHS_RANGE,
    // a unit's sheet
    SHEET_CODES,
    CODE_ONCE,
    SHEET_ROWS,
    OUTSIDE_UNIT,
    VALUE_PER_CODE,
    VALUES_PER_CALL,
    // score sheets from files
    ROW_AT,
    ROW_COLUMN_AT,
    CONTENT_OR_TEXT,
    TEXT_ONLY_CSV,
    FILE_TOO_LARGE,
    NOT_BASE64,
    NO_ROWS,
    NO_PERIOD,
    NO_SUBJECT,
    SUBJECT_MISMATCH,
    NO_ONE_NAMED,
    SEVERAL_NAMED,
    NO_UNIT_NAMED,
    SEVERAL_UNITS_NAMED,
    UNKNOWN_CHARSET,
    NOT_VALID_IN_CHARSET,
    UNKNOWN_ENCODING,
    QUOTE_NOT_CLOSED,
    STRAY_QUOTE,
    TOO_MANY_COLUMNS,
    TOO_MANY_ROWS,
    TEXT_AFTER_QUOTE,
    CELL_TOO_LONG,
    NO_HEADER,
    OLD_XLS,
    NOT_XLSX,
    NO_HEADER_IN_WORKSHEET,
    UNREADABLE_WORKBOOK,
    TOO_MANY_PARTS,
    INFLATES_TOO_MUCH,
    DTD,
    NOT_A_ZIP,
    UNKNOWN_COLUMN,
    TWO_COLUMNS,
    MISSING_COLUMN,
    NO_SUBJECT_COLUMN,
    NAME_WITHOUT_UNIT,
    // schemes
    SCHEME_ID_FORMAT,
    NO_SCHEME,
    LATER_VERSION,
    ALREADY_ENDED,
    // jobs and rankings
    RECOMPUTATION_FAILED,
    TIE_IN_SCHEME,
    RANKING_TIE,
    RANKING_PERIOD,
    RANKING_LIMITS,
    RANKING,
    ALREADY_PUBLISHED;

    @Override
    public String key() {
        return "appraisal." + name();
    }
}
