package org.dutygraph.complaints.receipts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Push tokens of citizens following cases, sealed under keys derived from the pepper. The graph keeps the sealed
 * form only, so a dump of it cannot tell that a followed case's phone is also a staff member's registered device,
 * nor that two cases are followed from one phone. Sealing is deterministic per (case, token) (the nonce is a keyed
 * hash of both, as in SIV), so following the same case again from the same phone finds the same row.
 *
 * <p>The tag is what the pushes for one (case, phone) carry and collapse on: keyed, so it tells the push provider
 * nothing about the case and differs between two phones following the same case.
 */
public final class FollowSeal {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String PREFIX = "f1.";

    /** What a sealed token holds. */
    public record Opened(String recipientKey, String target, String tag) {}

    private final byte[] nonceKey;
    private final SecretKeySpec sealKey;
    private final byte[] tagKey;

    public FollowSeal(Pepper pepper) {
        var key = pepper.key();
        this.nonceKey = Receipts.hmac(key, "follow-nonce");
        this.sealKey = new SecretKeySpec(Receipts.hmac(key, "follow-seal"), "AES");
        this.tagKey = Receipts.hmac(key, "follow-tag");
    }

    /** {@code target} is "channel:token"; the result is URL-safe base64 behind a version prefix. */
    public String seal(String recipientKey, String target) {
        var plain = (recipientKey + "\n" + target).getBytes(StandardCharsets.UTF_8);
        var nonce = Arrays.copyOf(Receipts.hmac(nonceKey, recipientKey + "\n" + target), 12);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, nonce));
            var sealed = cipher.doFinal(plain);
            return PREFIX
                    + B64.encodeToString(ByteBuffer.allocate(12 + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empty when the text was not sealed here (another pepper, or tampered with). */
    public Optional<Opened> open(String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            var bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, bytes, 0, 12));
            var plain = new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
            int cut = plain.indexOf('\n');
            var recipient = plain.substring(0, cut);
            var target = plain.substring(cut + 1);
            return Optional.of(new Opened(recipient, target, tag(recipient, target)));
        } catch (GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** 22 URL-safe characters (128 bits). */
    public String tag(String recipientKey, String target) {
        return B64.encodeToString(Arrays.copyOf(Receipts.hmac(tagKey, recipientKey + "\n" + target), 16));
    }
}
