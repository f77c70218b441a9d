package org.dutygraph.org.api;

import org.dutygraph.org.read.Views.DutyView;
import org.dutygraph.org.read.Views.MembershipView;
import org.dutygraph.org.read.Views.PostView;
import org.dutygraph.org.read.Views.PowerItemView;
import org.dutygraph.org.read.Views.UnitView;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The dates of the org graph typed as PartialDate, beside the deprecated String fields of the same values. */
@Controller
class PartialDates {

    @SchemaMapping(typeName = "Unit", field = "foundedOn")
    String unitFoundedOn(UnitView unit) {
        return unit.foundingDate();
    }

    @SchemaMapping(typeName = "Unit", field = "dissolvedOn")
    String unitDissolvedOn(UnitView unit) {
        return unit.dissolutionDate();
    }

    @SchemaMapping(typeName = "Post", field = "startsOn")
    String postStartsOn(PostView post) {
        return post.startDate();
    }

    @SchemaMapping(typeName = "Post", field = "endsOn")
    String postEndsOn(PostView post) {
        return post.endDate();
    }

    @SchemaMapping(typeName = "Membership", field = "startsOn")
    String membershipStartsOn(MembershipView membership) {
        return membership.startDate();
    }

    @SchemaMapping(typeName = "Membership", field = "endsOn")
    String membershipEndsOn(MembershipView membership) {
        return membership.endDate();
    }

    @SchemaMapping(typeName = "Duty", field = "endsOn")
    String dutyEndsOn(DutyView duty) {
        return duty.endDate();
    }

    @SchemaMapping(typeName = "PowerItem", field = "endsOn")
    String powerItemEndsOn(PowerItemView item) {
        return item.endDate();
    }
}
