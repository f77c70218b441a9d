package org.dutygraph.complaints;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dutygraph.complaints.ComplaintViews.CitizenUnit;
import org.dutygraph.complaints.ComplaintViews.SupersededOutcome;
import org.dutygraph.complaints.ComplaintViews.TimelineStep;
import org.dutygraph.platform.graphql.TimeKeys;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Repository;

/**
 * What the citizen's screen shows beyond the case itself: its steps (status changes only: handlers' names, notes
 * and escalations stay internal), the outcomes a reopen replaced, and the handling unit by name with its parent.
 */
@Repository
public class CitizenCaseHistory {

    private record Step(String status, long at, String conclusion, String answer) {
    }

    private final Driver driver;

    CitizenCaseHistory(Driver driver) {
        this.driver = driver;
    }

    public List<TimelineStep> timeline(String complaintId) {
        var out = new ArrayList<TimelineStep>();
        String last = null;
        for (var step : steps(complaintId)) {
            // escalation records a step without a change of status: not news to the citizen
            if (!step.status().equals(last)) {
                out.add(new TimelineStep(step.status(), TimeKeys.utc(step.at())));
                last = step.status();
            }
        }
        return out;
    }

    /** One entry per reopen, oldest first: the conclusion and answer of the round it ended. */
    public List<SupersededOutcome> superseded(String complaintId) {
        var out = new ArrayList<SupersededOutcome>();
        Step concluded = null;
        Step answered = null;
        for (var step : steps(complaintId)) {
            switch (step.status()) {
                case "CONCLUDED" -> concluded = step;
                case "ANSWERED" -> answered = step;
                case "REOPENED" -> {
                    out.add(new SupersededOutcome(concluded == null ? null : concluded.conclusion(), at(concluded),
                            answered == null ? null : answered.answer(), at(answered), TimeKeys.utc(step.at())));
                    concluded = null;
                    answered = null;
                }
                default -> {
                }
            }
        }
        return out;
    }

    public Optional<CitizenUnit> unit(String unitId) {
        if (unitId == null) {
            return Optional.empty();
        }
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (o:Organization {id: $id})
                    OPTIONAL MATCH (o)-[:PART_OF]->(p:Organization)
                    RETURN o.name AS name, p.name AS parent LIMIT 1""", Map.of("id", unitId))
                    .list(r -> new CitizenUnit(r.get("name").asString(), r.get("parent").asString(null)))).stream().findFirst();
        }
    }

    private List<Step> steps(String complaintId) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (s:ComplaintStep) WHERE s.complaintId = $id
                    RETURN s.status AS status, s.at AS at, s.conclusion AS conclusion, s.answer AS answer ORDER BY s.at, s.id""",
                    Map.of("id", complaintId)).list(r -> new Step(r.get("status").asString(), r.get("at").asLong(),
                    r.get("conclusion").asString(null), r.get("answer").asString(null))));
        }
    }

    private static OffsetDateTime at(Step step) {
        return step == null ? null : TimeKeys.utc(step.at());
    }
}
