package org.dutygraph.notifications.api;

import org.dutygraph.notifications.NotificationView;
import org.dutygraph.notifications.SubjectType;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A notification's subject in one spelling, whatever spelling was stored when it was sent. */
@Controller
class NotificationSubjects {

    @SchemaMapping(typeName = "Notification")
    SubjectType subjectKind(NotificationView notification) {
        return SubjectType.read(notification.subjectType());
    }

    /** The deprecated string field: the same spelling as subjectKind; a value this version does not know, as stored. */
    @SchemaMapping(typeName = "Notification")
    String subjectType(NotificationView notification) {
        var kind = SubjectType.read(notification.subjectType());
        return kind == null ? notification.subjectType() : kind.name();
    }
}
