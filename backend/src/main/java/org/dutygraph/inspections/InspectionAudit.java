package org.dutygraph.inspections;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.dutygraph.inspections.InspectionViews.AuditView;
import org.dutygraph.platform.graphql.TimeKeys;
import org.springframework.stereotype.Component;

/** Every read and change of a plan, its assignments and findings, recorded in the same transaction. */
@Component
public class InspectionAudit {

    /** One thing of a plan that was read or changed (the plan itself, an assignment, a finding, ...). */
    record Subject(String planId, String subjectId) {}

    record Access(String planId, String subjectId, String key) {}

    private final InspectionAuditStore store;
    private final Clock clock;

    InspectionAudit(InspectionAuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records in the caller's transaction (it runs in {@code GraphTransactions}). */
    void record(String username, String action, Collection<Subject> subjects) {
        if (subjects.isEmpty()) {
            return;
        }
        long now = clock.millis();
        store.create(
                username,
                action,
                now,
                subjects.stream()
                        .map(s -> new Access(
                                s.planId(),
                                s.subjectId(),
                                TimeKeys.key(now, UUID.randomUUID().toString())))
                        .toList());
    }

    void record(String username, String action, String planId, String subjectId) {
        record(username, action, List.of(new Subject(planId, subjectId)));
    }

    public List<AuditView> page(String planId, String before, int limit) {
        return store.page(planId, before, limit);
    }
}
