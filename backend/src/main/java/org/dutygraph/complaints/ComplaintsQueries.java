package org.dutygraph.complaints;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dutygraph.complaints.ComplaintViews.AuditView;
import org.dutygraph.complaints.ComplaintViews.MessageView;
import org.dutygraph.complaints.ComplaintViews.StatsView;
import org.dutygraph.complaints.ComplaintViews.StepView;
import org.dutygraph.platform.i18n.Text;
import org.springframework.stereotype.Service;

/** Reads for the API that need no scope of their own (the caller's scope was checked on the complaint). */
@Service
public class ComplaintsQueries {

    private final ComplaintStore store;
    private final Clock clock;

    ComplaintsQueries(ComplaintStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<AuditView> audit(String complaintId, String before, int limit) {
        return store.auditPage(complaintId, before, limit);
    }

    public List<StatsView> stats(String parentUnitId, String after, int limit) {
        return store.stats(parentUnitId, after, limit, clock.instant());
    }

    public boolean within(String unitId, String ancestorId) {
        return store.unitWithin(unitId, ancestorId);
    }

    public Map<String, List<MessageView>> messages(Collection<String> complaintIds) {
        return store.messages(complaintIds);
    }

    public Map<String, List<StepView>> steps(Collection<String> complaintIds) {
        return store.steps(complaintIds);
    }

    /** Why each complaint's suggested units were suggested, in the order of its suggestedUnitIds. */
    public Map<String, List<Text>> suggestionReasons(Collection<String> complaintIds) {
        return store.suggestionReasons(complaintIds);
    }
}
