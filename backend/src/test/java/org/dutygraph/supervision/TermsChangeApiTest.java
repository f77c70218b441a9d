package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case the evaluation found settled is left unread until a new event or a change of its power item's terms: a
 * re-import of the bundle that changes the item's committed days and fees wakes it, and it is evaluated under the new
 * terms (a fee the item no longer lists is an unlisted fee).
 */
class TermsChangeApiTest extends ApiTest {

    @Autowired
    SignalEvaluation evaluation;

    @Test
    void aReimportWithNewTermsWakesSettledCases() throws Exception {
        wipeGraph();
        var bundle = resource("supervision/bundle.json");
        importBundle(bundle);
        var events = """
                {"event_id": "t1-1", "case_id": "T1", "power_item_id": "pi-reg", "unit_id": "zrzy", "kind": "accepted", "at": "2026-03-02T09:00:00+08:00"}
                {"event_id": "t1-2", "case_id": "T1", "power_item_id": "pi-reg", "unit_id": "zrzy", "kind": "fee", "at": "2026-03-02T09:10:00+08:00", "fee": {"item": "不动产登记费", "amount": "80.00"}}
                """;
        assertThat(SystemFeeds.caseEvents(port, events).statusCode()).isEqualTo(200);
        // committed 5 and statutory 30 working days from 2 March: every limit has raised its signals by June
        var first = evaluation.evaluate(
                OffsetDateTime.parse("2026-06-01T12:00:00+08:00").toInstant());
        assertThat(first.raised()).isPositive();
        assertThat(rules()).doesNotContain("unlisted_fee");
        assertThat(evaluation
                        .evaluate(OffsetDateTime.parse("2026-06-02T12:00:00+08:00")
                                .toInstant())
                        .settled())
                .as("settled: left unread")
                .isOne();

        var changed = bundle.replace("\"committed_days\": 5", "\"committed_days\": 7")
                .replace("\"item\": \"不动产登记费\"", "\"item\": \"不动产权证书工本费\"");
        assertThat(changed).isNotEqualTo(bundle).contains("\"committed_days\": 7");
        assertThat(importBundle(changed).path("job").path("status").asString()).isEqualTo("SUCCEEDED");

        var woken = evaluation.evaluate(
                OffsetDateTime.parse("2026-06-03T12:00:00+08:00").toInstant());
        assertThat(woken.settled()).as("woken by the new terms").isZero();
        assertThat(rules()).as("the fee charged is no longer listed").contains("unlisted_fee");
        assertThat(evaluation
                        .evaluate(OffsetDateTime.parse("2026-06-04T12:00:00+08:00")
                                .toInstant())
                        .settled())
                .as("settled again, under the new terms")
                .isOne();
    }

    private List<String> rules() {
        try (var session = driver.session()) {
            return session.run(
                            "MATCH (s:SupervisionSignal {caseId: $c}) RETURN s.rule AS rule ORDER BY rule",
                            Map.of("c", "T1"))
                    .list(r -> r.get("rule").asString());
        }
    }
}
