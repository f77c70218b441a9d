package org.dutygraph.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a page's sort key into an opaque cursor: AES-256-GCM under a server key, with a synthetic nonce (an HMAC of
 * the key), so the same sort key always gives the same cursor while the cursor reveals nothing of it (ids, dates,
 * offsets) and any change to it fails authentication. The server key is {@code dutygraph.graphql.cursor-key}
 * (base64, at least 32 bytes) when set, shared by all instances; else a random one per start, so cursors then
 * last until a restart (a client starts again from the first page).
 */
public final class CursorSeal {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private static volatile Keys keys = Keys.derive(random());

    private record Keys(SecretKeySpec cipher, SecretKeySpec nonce) {
        static Keys derive(byte[] master) {
            return new Keys(
                    new SecretKeySpec(hmac(master, "dutygraph cursor cipher"), "AES"),
                    new SecretKeySpec(hmac(master, "dutygraph cursor nonce"), "HmacSHA256"));
        }
    }

    /** Installs the configured server key (called once at start). */
    public static void useKey(byte[] master) {
        if (master.length < 32) {
            throw new IllegalArgumentException("dutygraph.graphql.cursor-key must be at least 32 bytes");
        }
        keys = Keys.derive(master);
    }

    static String seal(String sortKey) {
        var current = keys;
        var plain = sortKey.getBytes(StandardCharsets.UTF_8);
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(current.nonce());
            var nonce = Arrays.copyOf(mac.doFinal(plain), NONCE);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.cipher(), new GCMParameterSpec(TAG_BITS, nonce));
            var sealed = cipher.doFinal(plain);
            var out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The sort key sealed in the cursor, or null when the cursor is not one this server sealed or was changed. */
    static String open(String cursor) {
        var current = keys;
        try {
            var bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length <= NONCE + TAG_BITS / 8) {
                return null;
            }
            var nonce = Arrays.copyOf(bytes, NONCE);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, current.cipher(), new GCMParameterSpec(TAG_BITS, nonce));
            var plain = cipher.doFinal(bytes, NONCE, bytes.length - NONCE);
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(current.nonce());
            if (!MessageDigest.isEqual(nonce, Arrays.copyOf(mac.doFinal(plain), NONCE))) {
                return null;
            }
            return new String(plain, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] random() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private CursorSeal() {}
}
