package org.dutygraph.supervision.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An event's time read directly in the form systems send is exactly what {@link OffsetDateTime#parse} reads. */
class CaseEventTimeTest {

    @Test
    void theDirectReadingAgreesWithParseOnValuesAndRefusals() {
        var texts = new ArrayList<String>(java.util.List.of(
                "2026-03-02T09:00:00+08:00",
                "2026-03-02T09:00:00-05:30",
                "2026-03-02T09:00:00+00:00",
                "2026-03-02T09:00:00-00:00",
                "2026-03-02T09:00:00+18:00",
                "2026-03-02T09:00:00+18:01",
                "2026-03-02T09:00:00+19:00",
                "2026-03-02T09:00:00+08:60",
                "2026-02-29T09:00:00+08:00",
                "2024-02-29T09:00:00+08:00",
                "2026-04-31T09:00:00+08:00",
                "2026-13-01T09:00:00+08:00",
                "2026-00-01T09:00:00+08:00",
                "2026-03-00T09:00:00+08:00",
                "2026-03-02T24:00:00+08:00",
                "2026-03-02T23:60:00+08:00",
                "2026-03-02T23:59:60+08:00",
                "0000-01-01T00:00:00+08:00",
                "9999-12-31T23:59:59-18:00",
                "2026-03-02T09:00:00Z",
                "2026-03-02T09:00+08:00",
                "2026-03-02T09:00:00.5+08:00",
                "2026-03-02 09:00:00+08:00",
                "2026-03-02t09:00:00+08:00",
                "2026-0３-02T09:00:00+08:00",
                "2026-03-02T09:00:00+08:0x",
                "+2026-03-02T09:00:00+08:00",
                "2026-03-02T09:00:00+08:00:00"));
        var random = new Random(17);
        char[] alphabet = "0123456789-:T+Z".toCharArray();
        for (int i = 0; i < 20_000; i++) {
            var chars = "2026-03-02T09:00:00+08:00".toCharArray();
            for (int k = random.nextInt(3); k >= 0; k--) {
                chars[random.nextInt(chars.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            texts.add(new String(chars));
        }
        for (var text : texts) {
            OffsetDateTime expected = null;
            var refusal = catchThrowable(() -> OffsetDateTime.parse(text));
            if (refusal == null) expected = OffsetDateTime.parse(text);
            OffsetDateTime actual = null;
            var actualRefusal = catchThrowable(() -> CaseEventParser.offsetDateTime(text));
            if (actualRefusal == null) actual = CaseEventParser.offsetDateTime(text);
            assertThat(actual).as(text).isEqualTo(expected);
            if (refusal == null) {
                assertThat(actualRefusal).as(text).isNull();
                assertThat(actual.toString()).as(text).isEqualTo(expected.toString());
            } else {
                assertThat(actualRefusal).as(text).isInstanceOf(refusal.getClass());
                assertThat(actualRefusal.getMessage()).as(text).isEqualTo(refusal.getMessage());
            }
        }
    }
}
