package org.dutygraph.inspections;

import org.dutygraph.platform.i18n.MessageKey;

/** Texts of spot checks: plans, draws, the inspector's sync, findings, rectification, notices and checklists. */
public enum InspectionTexts implements MessageKey {
    // plans and draws
    NO_OFFICE,
    NOT_AN_INSPECTOR,
    NOT_OFFICE_MEMBER,
    SCOPE_SIZE,
    SCOPE_DUPLICATE,
    ENDS_BEFORE_START,
    ENDS_IN_PAST,
    SAMPLING_RATIO,
    INSPECTORS_PER_VISIT,
    POOL_TOO_SMALL,
    TEMPLATE_OR_CHECKLIST,
    NO_TEMPLATE,
    CHECKLIST_SIZE,
    ITEM_CODE_FORMAT,
    ITEM_CODE_TWICE,
    NO_PLAN_YOU_MANAGE,
    ALREADY_DRAWN,
    TOO_FEW_INSPECTORS,
    MINIMUM_RANGE,
    // the inspector's sync
    BATCH_TOO_LARGE,
    LATITUDE,
    LONGITUDE,
    INCOMPLETE_POSITION,
    ENDED_BEFORE_START,
    ANSWERED_TWICE,
    INVALID_HASH,
    NOTE_HAS_NO_FILE,
    NOT_NEGATIVE,
    METADATA_TOO_LONG,
    CLIENT_ID_FORMAT,
    CLIENT_ID_TWICE,
    CLIENT_ID_REUSED,
    NOT_ASSIGNED,
    NOT_ON_CHECKLIST,
    NO_VISIT_WITH_CLIENT_ID,
    // evidence files
    NO_EVIDENCE_TO_UPLOAD,
    NOTE_IS_NOT_A_FILE,
    HASH_MISMATCH,
    FILE_TOO_LARGE,
    // findings and rectification
    REASON_REQUIRED,
    DEADLINE_AFTER_TODAY,
    NO_FINDING_YOU_MANAGE,
    ALREADY_REVIEWED,
    NO_ORDER_YOU_ACT_ON,
    ORDER_NOT_OPEN,
    ORDER_CLOSED,
    RETURN_VISIT_NOT_DUE,
    VISIT_BEFORE_DUE,
    NOT_CONFIRMED,
    NOT_ON_CHAIN,
    // notices
    ASSIGNED_TITLE,
    ASSIGNED_BODY,
    ORDERED_TITLE,
    ORDERED_BODY,
    RETURN_VISIT_SCHEDULED_TITLE,
    RETURN_VISIT_SCHEDULED_BODY,
    RECTIFICATION_TITLE,
    RESPONDED_BODY,
    NOT_FIXED_TITLE,
    NOT_FIXED_BODY,
    NOT_FIXED_OFFICE_BODY,
    DUE_TITLE,
    DUE_BODY,
    RETURN_VISIT_DUE_TITLE,
    RETURN_VISIT_DUE_BODY,
    // statuses named in messages
    STATUS_ORDERED,
    STATUS_RESPONDED,
    STATUS_ESCALATED,
    STATUS_CLOSED,
    STATUS_CONFIRMED,
    STATUS_REJECTED;

    @Override
    public String key() {
        return "inspections." + name();
    }
}
