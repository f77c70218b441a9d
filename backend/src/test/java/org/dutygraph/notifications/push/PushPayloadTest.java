package org.dutygraph.notifications.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PushPayloadTest {

    @Test
    void aPayloadOverFourKilobytesIsRefusedBeforeItIsStored() {
        var fits = PushPayload.visible("m", "n", "KIND", "T", "x".repeat(3800), "t", "b");
        assertThat(fits.requireWithinLimit().bytes()).isLessThanOrEqualTo(PushPayload.MAX_BYTES);
        var tooBig = PushPayload.visible("m", "n", "KIND", "T", "x".repeat(4100), "t", "b");
        assertThatThrownBy(tooBig::requireWithinLimit)
                .isInstanceOf(PushPayload.PayloadTooLargeException.class)
                .hasMessageContaining("limit is 4096");
    }

    @Test
    void sizesCountUtf8Bytes_notCharacters() {
        var chinese = PushPayload.visible("m", "n", "KIND", "T", "窗".repeat(1400), "t", "b");
        assertThat(chinese.bytes()).isGreaterThan(4096);
    }

    @Test
    void thePushedBodyIsShortened_theInboxKeepsAll() {
        var payload = PushPayload.visible("m", "n", "KIND", null, null, "t", "长".repeat(400));
        assertThat(payload.body().codePointCount(0, payload.body().length()))
                .isEqualTo(PushPayload.PUSHED_BODY_CHARACTERS);
        assertThat(payload.body()).endsWith("…");
    }

    @Test
    void aSensitivePayloadCarriesNothingButIds() {
        var payload = PushPayload.sensitive("m-1", "n-1");
        assertThat(payload.dataOnly()).isTrue();
        assertThat(payload.data()).containsOnlyKeys("messageId", "type", "ref");
    }
}
