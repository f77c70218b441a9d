package org.dutygraph.complaints;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The submission ids the start-up rehearsal ({@link StartupRehearsal}) is sending: random, never shown to anyone, and
 * known only while their request runs. A submission with one of them goes the whole way, checks, routing, case number
 * and creation included, in a transaction that is rolled back: nothing is stored, pushed or counted.
 */
@Component
class SubmissionRehearsals {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    void begin(String submissionId) {
        ids.add(submissionId);
    }

    void end(String submissionId) {
        ids.remove(submissionId);
    }

    boolean isRehearsal(String submissionId) {
        return submissionId != null && !ids.isEmpty() && ids.contains(submissionId);
    }
}
