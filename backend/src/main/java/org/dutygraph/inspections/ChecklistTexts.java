package org.dutygraph.inspections;

import org.dutygraph.platform.i18n.MessageKey;

/** The shipped checklist templates' names, and each item's norm and question (by item code). */
public enum ChecklistTexts implements MessageKey {
    WINDOW_NORMS_NAME,
    WORK_RULES_NAME,
    SERVICE_HALL_NAME,
    WINDOW_PROHIBITIONS_NORM,
    WINDOW_PROHIBITIONS_QUESTION,
    WINDOW_APPEARANCE_NORM,
    WINDOW_APPEARANCE_QUESTION,
    WINDOW_MANNERS_NORM,
    WINDOW_MANNERS_QUESTION,
    WINDOW_LANGUAGE_NORM,
    WINDOW_LANGUAGE_QUESTION,
    WINDOW_DRESS_NORM,
    WINDOW_DRESS_QUESTION,
    WINDOW_DESK_ORDER_NORM,
    WINDOW_DESK_ORDER_QUESTION,
    WINDOW_APPROVAL_CONDUCT_NORM,
    WINDOW_APPROVAL_CONDUCT_QUESTION,
    ATTENDANCE_NORM,
    ATTENDANCE_QUESTION,
    FIRST_INQUIRY_NORM,
    FIRST_INQUIRY_QUESTION,
    TIME_LIMITED_NORM,
    TIME_LIMITED_QUESTION;

    @Override
    public String key() {
        return "checklists." + name();
    }

    static ChecklistTexts norm(String code) {
        return valueOf(code + "_NORM");
    }

    static ChecklistTexts question(String code) {
        return valueOf(code + "_QUESTION");
    }
}
