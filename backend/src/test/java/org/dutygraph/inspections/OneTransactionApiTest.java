package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.dutygraph.accountability.AccountabilityChains;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.support.SessionCounter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A change and what it causes in other features (the accounts it notifies, the accountability chain, the measure)
 * happen in one transaction: nothing opens a second session while the change's transaction is open, and a
 * measure recorded in a transaction that fails is not kept. The services are called on the test's thread, so
 * that the sessions it opens can be counted. Targets no other test visits (a visit keeps its inspectors from the
 * next draws for that target).
 */
class OneTransactionApiTest extends InspectionTestSupport {

    static final InspectionCaller CHIEF = new InspectionCaller("eff-chief", "ieff", true, false);

    @Autowired
    FindingReview review;

    @Autowired
    InspectionReminders reminders;

    @Autowired
    AccountabilityChains chains;

    @Autowired
    GraphTransactions graph;

    @Test
    void confirmingAFinding_andRecordingAMeasure_openNoSecondSessionInsideTheirTransaction() {
        var id = recordedFinding("ihall", Map.of("badgeNumber", "IB002"))[0];

        var before = SessionCounter.nestedOnThisThread();
        var reviewed = review.review(CHIEF, id, "CONFIRM", null, today().plusDays(5));
        assertThat(reviewed.errors()).isEmpty();
        assertThat(reviewed.finding().status()).isEqualTo("CONFIRMED");
        assertThat(SessionCounter.nestedOnThisThread() - before)
                .as("sessions opened inside the review")
                .isZero();

        before = SessionCounter.nestedOnThisThread();
        var measured = review.recordMeasure(CHIEF, id, "imkt-lic-head", "REMINDER_TALK", null);
        assertThat(measured.errors()).isEmpty();
        assertThat(measured.chain().links()).anySatisfy(l -> {
            assertThat(l.post().id()).isEqualTo("imkt-lic-head");
            assertThat(l.measures())
                    .extracting(AccountabilityChains.Measure::measure)
                    .containsExactly("REMINDER_TALK");
        });
        assertThat(SessionCounter.nestedOnThisThread() - before)
                .as("sessions opened inside recording the measure")
                .isZero();
    }

    @Test
    void remindersOpenNoSecondSessionInsideTheirTransaction() {
        var id = recordedFinding("itax", Map.of())[0];
        assertThat(review.review(CHIEF, id, "CONFIRM", null, today().plusDays(1))
                        .errors())
                .isEmpty();

        var before = SessionCounter.nestedOnThisThread();
        var sent = reminders.remindDue(today());
        assertThat(sent.deadlines()).isPositive();
        assertThat(SessionCounter.nestedOnThisThread() - before)
                .as("sessions opened inside the reminders' transaction")
                .isZero();
    }

    @Test
    void aMeasureJoinsTheCallersTransaction_andIsNotKeptWhenItFails() {
        var subject = "finding-" + java.util.UUID.randomUUID();
        assertThatThrownBy(() -> graph.write(() -> {
                    chains.record("InspectionFinding", subject, "imkt-lic-1", "REMINDER_TALK", null, "eff-chief");
                    throw new IllegalStateException("the change fails after recording the measure");
                }))
                .hasMessageContaining("the change fails");
        assertThat(measures(subject)).isZero();

        graph.write(
                () -> chains.record("InspectionFinding", subject, "imkt-lic-1", "REMINDER_TALK", null, "eff-chief"));
        assertThat(measures(subject)).isOne();
    }

    private long measures(String subjectId) {
        try (var session = driver.session()) {
            return session.run(
                            "MATCH (m:AccountabilityMeasure {subjectId: $id}) RETURN count(m) AS n",
                            Map.of("id", subjectId))
                    .single()
                    .get("n")
                    .asLong();
        }
    }
}
