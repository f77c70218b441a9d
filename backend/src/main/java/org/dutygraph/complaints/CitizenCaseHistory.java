package org.dutygraph.complaints;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dutygraph.complaints.CitizenCaseStore.Step;
import org.dutygraph.complaints.ComplaintViews.CitizenUnit;
import org.dutygraph.complaints.ComplaintViews.SupersededOutcome;
import org.dutygraph.complaints.ComplaintViews.TimelineStep;
import org.dutygraph.platform.graphql.TimeKeys;
import org.springframework.stereotype.Service;

/**
 * What the citizen's screen shows beyond the case itself: its steps (status changes only: handlers' names, notes
 * and escalations stay internal), the outcomes a reopen replaced, and the handling unit by name with its parent.
 */
@Service
public class CitizenCaseHistory {

    private final CitizenCaseStore store;

    CitizenCaseHistory(CitizenCaseStore store) {
        this.store = store;
    }

    public List<TimelineStep> timeline(String complaintId) {
        var out = new ArrayList<TimelineStep>();
        String last = null;
        for (var step : store.steps(complaintId)) {
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
        for (var step : store.steps(complaintId)) {
            switch (step.status()) {
                case "CONCLUDED" -> concluded = step;
                case "ANSWERED" -> answered = step;
                case "REOPENED" -> {
                    out.add(new SupersededOutcome(
                            concluded == null ? null : concluded.conclusion(),
                            at(concluded),
                            answered == null ? null : answered.answer(),
                            at(answered),
                            TimeKeys.utc(step.at())));
                    concluded = null;
                    answered = null;
                }
                default -> {}
            }
        }
        return out;
    }

    public Optional<CitizenUnit> unit(String unitId) {
        return unitId == null ? Optional.empty() : store.unit(unitId);
    }

    private static OffsetDateTime at(Step step) {
        return step == null ? null : TimeKeys.utc(step.at());
    }
}
