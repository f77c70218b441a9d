package org.dutygraph.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code dutygraph.demo.load=true}, after the demo city is imported: the shipped catalogue in force from
 * 2020-01-01, and three cases of the demo's efficiency office (xnb), once: one registered, one under investigation,
 * one decided and notified against the demo clerk p-0011 (account "staff"), who sees it on the phone.
 */
@Component
@ConditionalOnBooleanProperty("dutygraph.demo.load")
@Order(100)
class CaseDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CaseDemoData.class);
    static final CaseCaller OFFICE = new CaseCaller("demo", "xnb", null, true);

    private final SituationCatalogues catalogues;
    private final CaseOpenings openings;
    private final CaseProcedure procedure;
    private final CaseReads reads;
    private final Clock clock;

    CaseDemoData(
            SituationCatalogues catalogues,
            CaseOpenings openings,
            CaseProcedure procedure,
            CaseReads reads,
            Clock clock) {
        this.catalogues = catalogues;
        this.openings = openings;
        this.procedure = procedure;
        this.reads = reads;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** Idempotent: does nothing when the office already has cases, or when xnb is not the supervision office. */
    void load() {
        if (catalogues.inForce(LocalDate.parse("2020-01-01")).isEmpty()) {
            catalogues.save(catalogues.template(), "2020-01-01", "demo");
        }
        if (!reads.page(OFFICE, null, null, 1).isEmpty()) {
            return;
        }
        var month = LocalDate.now(clock).minusMonths(1);
        var first = open("LETTER", "群众来信 2026-031", "发改委价格监督检查科受理举报后超期未处理", "fgw-jg-1", month, "window.time-limit");
        var second = open(
                "PUBLIC_OPINION", "舆情监测专报 第12期", "教育局办公室对群众咨询推诿，网上反映集中", "jyj-bgs-head", month, "duties.buck-passing");
        var third = open("MEDIA", "青山日报 读者来信版", "发改委办公室文秘岗工作时间长时间脱岗", "fgw-bgs-1", month, "discipline.absence");
        if (first == null || second == null || third == null) {
            log.warn(
                    "Demo cases not created: dutygraph.cases.office-unit-ids does not name xnb, or the demo city is missing");
            return;
        }
        advance(second, "START_INVESTIGATION", Map.of());
        advance(third, "START_INVESTIGATION", Map.of());
        advance(third, "DECIDE", Map.of("measure", "REMINDER_TALK", "reason", "经查属实，首次违反，予以提醒谈话"));
        advance(third, "NOTIFY", Map.of());
        log.info("Demo accountability cases created");
    }

    private String open(
            String channel, String reference, String summary, String postId, LocalDate day, String situation) {
        try {
            var opened = openings.openByHand(
                    OFFICE, new CaseOpenings.ByHand(channel, reference, summary, postId, null, day, situation, null));
            return opened.errors().isEmpty() ? opened.acase().id() : null;
        } catch (RuntimeException notOffice) {
            return null;
        }
    }

    private void advance(String id, String action, Map<String, String> values) {
        var result = procedure.advance(
                OFFICE,
                new CaseProcedure.Advance(
                        id,
                        action,
                        null,
                        null,
                        null,
                        null,
                        values.get("measure"),
                        values.get("reason"),
                        null,
                        null,
                        null,
                        null,
                        null));
        if (!result.errors().isEmpty()) {
            throw new IllegalStateException("Demo case step " + action + " refused: " + List.copyOf(result.errors()));
        }
    }
}
