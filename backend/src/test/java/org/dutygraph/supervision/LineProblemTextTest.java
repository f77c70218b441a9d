package org.dutygraph.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.platform.i18n.Languages;
import org.junit.jupiter.api.Test;

/** A bad event line is shown to people (the supervise command, the benchmark) with its message's text, not its key. */
class LineProblemTextTest {

    @Test
    void aBadLineIsDescribedWithItsTextInTheLanguageAsked() throws Exception {
        var bundle = getClass().getResourceAsStream("/supervision/bundle.json");
        var line =
                "{\"event_id\": \"e1\", \"case_id\": \"C1\", \"power_item_id\": \"pi-reg\", \"unit_id\": \"zrzy-dj\", "
                        + "\"kind\": \"accepted\", \"at\": \"yesterday\"}\n";
        var report = new OfflineSupervision(WorkingDays.shipped(), java.time.ZoneId.of("Asia/Shanghai"), 2)
                .run(bundle, new StringReader(line), Instant.parse("2026-03-20T04:00:00Z"));
        assertThat(report.lineProblems()).hasSize(1);
        var english = OfflineSupervision.describe(report.lineProblems().get(0), Languages.ENGLISH);
        assertThat(english).startsWith("line 1  at  ").contains("'yesterday' is not a date-time with an offset");
        assertThat(english).doesNotContain("supervision.line.");
        assertThat(OfflineSupervision.describe(report.lineProblems().get(0), Languages.CHINESE))
                .doesNotContain("supervision.line.")
                .contains("yesterday");
    }
}
