package org.dutygraph.complaints.api;

import org.dutygraph.complaints.ComplaintViews.MessageView;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** A message's author as the schema's enum, beside the deprecated String field of the same value. */
@Controller
class ComplaintValueTypes {

    @SchemaMapping(typeName = "ComplaintMessage", field = "authorRole")
    String authorRole(MessageView message) {
        return message.author();
    }
}
