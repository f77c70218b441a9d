package org.dutygraph.notifications.api;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLEnumType;
import org.dutygraph.notifications.NotificationView;
import org.dutygraph.notifications.SubjectType;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A notification's subject in one spelling, whatever spelling was stored when it was sent; what happened, as the
 * schema's NotificationEvent.
 */
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

    /** The schema's enum is the list of events: a kind it does not name (stored by a newer server) reads as null. */
    @SchemaMapping(typeName = "Notification")
    String event(NotificationView notification, DataFetchingEnvironment environment) {
        var events = (GraphQLEnumType) environment.getGraphQLSchema().getType("NotificationEvent");
        return events.getValue(notification.kind()) == null ? null : notification.kind();
    }
}
