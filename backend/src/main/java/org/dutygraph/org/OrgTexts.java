package org.dutygraph.org;

import org.dutygraph.platform.i18n.MessageKey;

/**
 * Texts of the organisation graph: bundle import problems and the queries' checks (the names of its things are
 * {@link org.dutygraph.org.read.OrgNouns}).
 */
public enum OrgTexts implements MessageKey {
    // reading a bundle
    NOT_JSON,
    LINE_COLUMN,
    BUNDLE_NOT_OBJECT,
    FORMAT_STRING,
    MUST_BE_ARRAY,
    ENTRY_NOT_OBJECT,
    MUST_BE_STRING_NOT,
    STRING_OR_NUMBER,
    WHOLE_NUMBER,
    ARRAY_OF_IDS,
    IDS_STRINGS,
    ARRAY_OF_STRINGS,
    EACH_STRING,
    EACH_NEEDS_NAME,
    ARRAY_OF_OBJECTS,
    EACH_OBJECT,
    // checking a bundle
    FORMAT,
    FORMAT_NOT,
    AMBIGUOUS_POST_ID,
    ENTRY_NEEDS_ID,
    TEXT_NOT_UNICODE,
    DUPLICATE_ID,
    SCHEME_NARROWER,
    TOO_MANY_ALT_LABELS,
    ALT_LABEL_EMPTY,
    ALT_LABEL_TOO_LONG,
    ALT_LABEL_TWICE,
    FEE_ITEM_TOO_LONG,
    FEE_TWICE,
    ID_LISTED_TWICE,
    FEE_AMOUNT,
    DISSOLVED_ORGANIZATION_DATE,
    LEADERSHIP_OVER_QUOTA,
    DISSOLVED_POST_DATE,
    OWN_BACKUP,
    DUPLICATE_MEMBERSHIP,
    COMMITTED_OVER_STATUTORY,
    ARRANGEMENT_ROLE,
    SCHEME_NEEDED,
    UNKNOWN_REFERENCE,
    CYCLE,
    UNKNOWN_VALUE,
    NOT_NEGATIVE,
    END_BEFORE_START,
    BAD_DATE,
    WITHDRAWN_END_DATE,
    // import jobs and queries
    STORE_FAILED,
    STORE_FAILED_PARTLY,
    INTERRUPTED,
    INTERRUPTED_PARTLY,
    GIVE_A_FILTER;

    @Override
    public String key() {
        return "org." + name();
    }
}
