package org.dutygraph.cases;

import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.MessageKey;
import org.dutygraph.platform.i18n.Text;

/** Texts of accountability cases, the situation catalogue and the per-post catalogue (keys cases.*). */
enum CaseTexts implements MessageKey {
    // cases
    NOT_FOUND,
    NO_CATALOGUE,
    UNKNOWN_SITUATION,
    UNKNOWN_POST,
    NO_POST,
    NO_PERSON,
    REQUIRED,
    TOO_LONG,
    UNKNOWN_VALUE,
    FUTURE_DATE,
    WRONG_STATUS,
    UNKNOWN_MEASURE,
    OUT_OF_RANGE_REASON_REQUIRED,
    ALREADY_SUSPENDED,
    APPEAL_PERIOD_OPEN,
    APPEAL_PERIOD_OVER,
    ALREADY_APPEALED,
    NOT_APPEAL_BOARD,
    APPEAL_BOARD_ONLY_APPEALS,
    OUT_OF_RANGE,
    OFFICE_ONLY,
    // the catalogue's definition
    VALID_FROM,
    NOT_AN_OBJECT,
    NOT_ONE_OF,
    TOO_MANY_SITUATIONS,
    NOT_A_BOOLEAN,
    UPPER_CODE,
    SITUATION_CODE,
    MEASURES_OBJECT,
    MILDER_THAN_FROM,
    REQUIRED_FIELD,
    CODE_TWICE,
    NOT_A_STRING,
    NOT_A_LIST,
    TEXT_TOO_LONG,
    LISTED_TWICE,
    UNKNOWN_KEY,
    // the wall document
    DOCUMENT_TITLE,
    DOCUMENT_VERSION,
    DOCUMENT_NO_ITEMS,
    DOCUMENT_HEADER,
    DOCUMENT_SUSPEND_FIRST,
    // notices to the person concerned
    PUSH_TITLE,
    PUSH_REGISTERED,
    PUSH_DECIDED,
    PUSH_APPEAL_DECIDED,
    // statistics
    FROM_AFTER_TO,
    PERIOD_TOO_LONG,
    TOO_MANY_UNITS,
    LISTED_TWICE_UNIT,
    NOT_YOUR_UNIT,
    // typical cases
    TYPICAL_COUNT,
    CASE_TWICE,
    NOT_DECIDED_IN_YEAR,
    IDENTIFYING_NARRATIVE,
    TYPICAL_LABEL,
    TYPICAL_TITLE,
    TYPICAL_NOTE,
    TYPICAL_COLON,
    TYPICAL_AREA,
    TYPICAL_SOURCE,
    TYPICAL_JOINT,
    TYPICAL_MEASURE,
    TYPICAL_OUT_OF_RANGE,
    TYPICAL_APPEAL;

    @Override
    public String key() {
        return "cases." + name();
    }

    UserError at(String... path) {
        return UserError.of(name(), Text.of(this), path);
    }
}
