package org.dutygraph.appraisal;

import java.time.ZoneId;

import org.dutygraph.appraisal.engine.Period;
import org.dutygraph.complaints.ComplaintConcluded;
import org.dutygraph.inspections.InspectionFindingConfirmed;
import org.neo4j.driver.Driver;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Events from other features become appraisal events: a serious substantiated complaint (one-vote veto)
 * for the unit and, when the badge or post names one, the person; a confirmed spot-check finding for the
 * unit and the person concerned. Recorded in the month the complaint or finding was concluded.
 */
@Component
class AppraisalEventListeners {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final AppraisalInputs inputs;
    private final Driver driver;

    AppraisalEventListeners(AppraisalInputs inputs, Driver driver) {
        this.inputs = inputs;
        this.driver = driver;
    }

    @EventListener
    void complaintConcluded(ComplaintConcluded e) {
        if (!e.serious() || !"SUBSTANTIATED".equals(e.conclusion())) {
            return;
        }
        var month = month(e.concludedAt());
        if (e.unitId() != null) {
            inputs.recordEvent(e.unitId(), month, "SERIOUS_COMPLAINT", 1, "complaint", e.complaintId(), "system");
        }
        var person = person(e.postId(), e.badgeNumber());
        if (person != null) {
            inputs.recordEvent(person, month, "SERIOUS_COMPLAINT", 1, "complaint", e.complaintId(), "system");
        }
    }

    @EventListener
    void findingConfirmed(InspectionFindingConfirmed e) {
        var month = month(e.confirmedAt());
        inputs.recordEvent(e.targetUnitId(), month, "SPOT_CHECK_FINDING", 1, "inspection", e.findingId(), "system");
        var person = person(e.postId(), e.badgeNumber());
        if (person != null) {
            inputs.recordEvent(person, month, "SPOT_CHECK_FINDING", 1, "inspection", e.findingId(), "system");
        }
    }

    private static String month(java.time.Instant at) {
        var date = at.atZone(ZONE);
        return Period.month(date.getYear(), date.getMonthValue()).toString();
    }

    /** The person with this badge, or the one person holding the post today. */
    private String person(String postId, String badge) {
        try (var session = driver.session()) {
            var ids = session.executeRead(tx -> tx.run("""
                    OPTIONAL MATCH (b:Person {id: $badge})
                    OPTIONAL MATCH (h:Person)-[m:HOLDS]->(:Post {id: $post}) WHERE m.endDate IS NULL OR m.endDate >= $today
                    RETURN b.id AS badge, collect(DISTINCT h.id) AS holders""",
                    org.neo4j.driver.Values.parameters("badge", badge, "post", postId, "today", java.time.LocalDate.now().toString()))
                    .single());
            if (!ids.get("badge").isNull()) {
                return ids.get("badge").asString();
            }
            var holders = ids.get("holders").asList(org.neo4j.driver.Value::asString);
            return holders.size() == 1 ? holders.get(0) : null;
        }
    }
}
