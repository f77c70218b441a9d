package org.dutygraph.supervision.events;

import org.dutygraph.platform.i18n.MessageKey;

/**
 * The catalogue keys of the problems of case-event and queue-snapshot lines ({@code supervision.line.*} in
 * messages.properties): rendered in the caller's language over HTTP, in Chinese by the {@code supervise} command
 * unless {@code --lang en}. The codes next to them (MISSING_FIELD, ...) are the stable part.
 */
public enum LineTexts implements MessageKey {
    LINE_TOO_LONG,
    NOT_ONE_OBJECT,
    NOT_UTF8,
    FIELD_NOT_UNICODE,
    FIELD_GIVEN_TWICE,
    FIELD_REQUIRED,
    FIELD_NOT_STRING,
    FIELD_TOO_LONG,
    UNKNOWN_KIND,
    AT_RANGE,
    AT_FORMAT,
    STEP_LIMIT,
    STEP_LIMIT_RANGE,
    FEE_REQUIRED,
    FEE_OBJECT,
    AMOUNT_FORMAT,
    TOO_MANY_LINES,
    EVENT_ID_REUSED,
    NO_POWER_ITEM,
    NO_UNIT,
    NO_POST,
    CASE_OF_ITEM,
    CASE_OF_UNIT,
    UNKNOWN_SNAPSHOT_FIELD,
    HALL_ID_FORMAT,
    WAITING_RANGE,
    HALL_NOT_WATCHED,
    SNAPSHOT_REUSED,
    SYSTEM_CREDENTIALS,
    BATCH_TOO_LARGE;

    @Override
    public String key() {
        return "supervision.line." + name();
    }
}
