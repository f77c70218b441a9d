package org.dutygraph.notifications;

/**
 * Every kind of notification the backend sends: a request cannot name another. The schema's NotificationEvent lists
 * the same values (NotificationEventsTest), so an app learns of a new kind from the schema, not from a push.
 */
public enum NotificationEvent {
    ANNOUNCEMENT,
    INSPECTION_ASSIGNED,
    RECTIFICATION_ORDERED,
    RECTIFICATION_RESPONDED,
    RECTIFICATION_DUE,
    RECTIFICATION_ESCALATED,
    RETURN_VISIT_SCHEDULED,
    RETURN_VISIT_DUE,
    COMPLAINT_RECEIVED,
    COMPLAINT_ASSIGNED,
    COMPLAINT_UPDATED,
    COMPLAINT_REPLY,
    COMPLAINT_OVERDUE,
    ACCOUNTABILITY_CASE_REGISTERED,
    ACCOUNTABILITY_CASE_DECIDED,
    ACCOUNTABILITY_CASE_APPEAL_DECIDED,
    SUPERVISION_QUEUE,
    SUPERVISION_SIGNAL
}
