package org.dutygraph.platform.i18n;

/** Texts of the platform: request errors, limits, paging, and sentences every feature's checks share. */
public enum PlatformTexts implements MessageKey {
    INTERNAL,
    SIGN_IN_TO_CALL,
    ROLES_DO_NOT_ALLOW,
    RATE_LIMITED,
    NOT_OUR_CURSOR,
    PAGE_SIZE,
    LIST_TRUNCATED,
    SEARCH_NO_WORDS,
    YEARS_OUT_OF_RANGE,
    NOT_A_REAL_DAY,
    BAD_PARTIAL_DATE,
    BAD_YEAR_MONTH,
    BAD_APPRAISAL_PERIOD,
    BAD_DATE,
    BAD_DATE_TIME,
    VALUE_REFUSED,
    NOT_WHOLE_UNICODE,
    LIMIT_EXCEEDED,
    LIMIT_DEPTH,
    LIMIT_ALIASES,
    LIMIT_DIRECTIVES,
    LIMIT_COST,
    MORE_THAN,
    SEND_AS_JSON,
    BODY_TOO_LARGE,
    BODY_NOT_JSON,
    BODY_NOT_REQUEST,
    BODY_WITHOUT_QUERY,
    HASH_NOT_OF_QUERY,
    ANONYMOUS_TRUSTED_ONLY,
    APP_ONLY_TRUSTED_ONLY,
    GET_QUERIES_ONLY,
    REQUEST_PARSE_FAILED,
    REQUEST_INVALID,
    REQUEST_TOO_COMPLEX,
    REQUEST_REFUSED,
    NOT_READY,
    // shared by the checks of every feature
    MUST_BE_STRING,
    MUST_BE_OBJECT,
    LENGTH_BETWEEN,
    AT_MOST_CHARACTERS,
    NOT_BLANK,
    REQUIRED,
    NO_SUCH_ID,
    IDS_OR_ALL,
    BETWEEN,
    SEED_LENGTH;

    @Override
    public String key() {
        return "platform." + name();
    }
}
