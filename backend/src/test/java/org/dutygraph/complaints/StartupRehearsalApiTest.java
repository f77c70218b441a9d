package org.dutygraph.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.AtOnce;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The start-up rehearsal of complaint submissions (issue 22, goal 4: the first citizens after a deployment met a cold
 * service): it runs before the service accepts traffic, goes past the anonymous rate limit, and leaves nothing
 * behind: no complaint, step, notification or push, no request or batch in the metrics. A citizen's submission
 * written beside rehearsed ones (the writer takes whatever is queued) is stored; the rehearsed ones are not.
 */
@Import(StartupRehearsalApiTest.CountsBeforeTheRehearsal.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartupRehearsalApiTest extends ApiTest {

    /** What a submission may write, counted just before the rehearsal runs and again in the test. */
    private static final String WRITTEN = """
            RETURN [COUNT { (:Complaint) }, COUNT { (:ComplaintStep) }, COUNT { (:Notification) },
                    COUNT { (:PushIntent) }, COUNT { ()-[:ROUTED_TO]->() }] AS counts""";

    @DynamicPropertySource
    static void rehearse(DynamicPropertyRegistry registry) {
        registry.add("dutygraph.complaints.rehearsal", () -> "4s");
        // units and power items to name, as a city's store has
        registry.add("dutygraph.demo.load", () -> "true");
        // far under what the rehearsal sends in 4 s: it must not be limited (it has no client address)
        registry.add("dutygraph.rate-limits.fields-per-minute", () -> "5");
    }

    static final class CountsBeforeTheRehearsal implements ApplicationRunner, Ordered {

        static volatile List<Object> counts;
        private final Driver driver;

        CountsBeforeTheRehearsal(Driver driver) {
            this.driver = driver;
        }

        @Override
        public void run(ApplicationArguments args) {
            counts = written(driver);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE - 1;
        }
    }

    @Autowired
    StartupRehearsal rehearsal;

    @Autowired
    SubmissionRehearsals rehearsals;

    @Autowired
    CitizenComplaints citizens;

    @Autowired
    MeterRegistry meters;

    private static List<Object> written(Driver driver) {
        try (var session = driver.session()) {
            return session.run(WRITTEN).single().get("counts").asList();
        }
    }

    @Test
    @Order(1) // before the next test stores complaints
    void theRehearsalRanPastTheRateLimit_andLeftNothingBehind() {
        assertThat(rehearsal.rehearsed()).isGreaterThan(20);
        assertThat(rehearsal.stoppedEarly()).isFalse();
        assertThat(CountsBeforeTheRehearsal.counts).isNotNull();
        assertThat(written(driver)).isEqualTo(CountsBeforeTheRehearsal.counts);
        assertThat(meters.find("dutygraph.graphql.operation")
                        .tag("operation", "SubmitComplaint")
                        .timers())
                .isEmpty();
        var batches = meters.find("dutygraph.complaints.submission.batch").summary();
        assertThat(batches == null ? 0 : batches.count()).isZero();
    }

    @Test
    @Order(2)
    void aCitizensSubmissionWrittenBesideRehearsedOnesIsStored_andTheRehearsedOnesAreNot() throws Exception {
        var unit = anyUnit();
        var calls = new ArrayList<Callable<Submitted>>();
        for (int i = 0; i < 24; i++) {
            boolean rehearsed = i % 2 == 0;
            var submissionId = UUID.randomUUID().toString();
            if (rehearsed) rehearsals.begin(submissionId);
            calls.add(() -> new Submitted(rehearsed, citizens.submit(submission(submissionId, unit, rehearsed))));
        }
        var results = AtOnce.call(calls);
        for (var r : results) {
            assertThat(r.result().errors()).isEmpty();
            assertThat(r.result().receipt()).isNotNull();
            assertThat(citizens.byReceipt(r.result().receipt()).isPresent())
                    .as(r.rehearsed() ? "a rehearsed submission is not stored" : "a citizen's submission is stored")
                    .isEqualTo(!r.rehearsed());
        }
        try (var session = driver.session()) {
            var stored = session.run(
                            "MATCH (c:Complaint) WHERE c.description STARTS WITH $p RETURN count(c) AS n",
                            Map.of("p", "rehearsal test"))
                    .single()
                    .get("n")
                    .asLong();
            assertThat(stored).isEqualTo(12);
        }
    }

    private record Submitted(boolean rehearsed, CitizenComplaints.Submitted result) {}

    private String anyUnit() {
        try (var session = driver.session()) {
            return session.run("MATCH (o:Organization) RETURN o.id AS id ORDER BY id LIMIT 1")
                    .single()
                    .get("id")
                    .asString();
        }
    }

    private static CitizenComplaints.Submission submission(String submissionId, String unit, boolean rehearsed) {
        return new CitizenComplaints.Submission(
                submissionId,
                new ComplaintTarget(unit, null, null, null, null, null, null),
                "BUCK_PASSING",
                "rehearsal test " + (rehearsed ? "rehearsed" : "citizen") + " " + submissionId,
                null,
                null,
                null,
                List.of(),
                null,
                null);
    }
}
