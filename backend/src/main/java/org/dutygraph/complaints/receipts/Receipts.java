package org.dutygraph.complaints.receipts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Complaint receipts: 20 Crockford base32 characters (100 bits) from a secure random source, shown once
 * as four groups of five. The graph keeps only
 * <ul>
 *   <li>a slow keyed hash of the receipt (HMAC with the pepper, then scrypt), deterministic so that a
 *       receipt finds its case through an index;</li>
 *   <li>a keyed hash of the app's submission id, to recognise retries; and</li>
 *   <li>the receipt sealed (AES-GCM) under a key derived from the pepper and the submission id, so that a
 *       retry of the same submission can be answered with the same receipt. Without the pepper and the
 *       submission id (which only the phone has), the seal reveals nothing.</li>
 * </ul>
 */
public final class Receipts {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 20;
    private static final byte[] SCRYPT_SALT = "dutygraph/complaint-receipt/v1".getBytes(StandardCharsets.UTF_8);

    private final Pepper pepper;
    private final int costLog2;
    private final SecureRandom random = new SecureRandom();
    // fair: under load, a request that barges past the queue leaves another to wait for ever longer (the p99)
    private final Semaphore hashing = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    public Receipts(Pepper pepper, int costLog2) {
        this.pepper = pepper;
        this.costLog2 = costLog2;
    }

    public String newReceipt() {
        var sb = new StringBuilder(LENGTH + 3);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 5 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(32)));
        }
        return sb.toString();
    }

    /**
     * The receipt as typed, made canonical: case, spaces and dashes ignored, the look-alikes O, I and L
     * read as 0, 1 and 1. Empty when it cannot be a receipt.
     */
    public static Optional<String> canonical(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        var sb = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-') {
                continue;
            }
            char mapped = c == 'O' ? '0' : (c == 'I' || c == 'L') ? '1' : c;
            if (ALPHABET.indexOf(mapped) < 0) {
                return Optional.empty();
            }
            sb.append(mapped);
        }
        return sb.length() == LENGTH ? Optional.of(sb.toString()) : Optional.empty();
    }

    /** The stored, indexed hash of a receipt; empty when the text cannot be a receipt. */
    public Optional<String> hash(String typed) {
        return canonical(typed).map(receipt -> {
            var keyed = hmac(pepper.key(), "receipt|" + receipt);
            // scrypt is memory-hard: more hashes at once than cores only evict each other from the caches
            // (measured: 3.5 times the CPU per hash with 8 threads on 2 cores).
            hashing.acquireUninterruptibly();
            try {
                return HexFormat.of().formatHex(SCrypt.generate(keyed, SCRYPT_SALT, 1 << costLog2, 8, 1, 32));
            } finally {
                hashing.release();
            }
        });
    }

    public String submissionKey(String submissionId) {
        return HexFormat.of().formatHex(hmac(pepper.key(), "submission|" + submissionId));
    }

    public String seal(String submissionId, String receipt) {
        try {
            var nonce = new byte[12];
            random.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey(submissionId), new GCMParameterSpec(128, nonce));
            var sealed = cipher.doFinal(receipt.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(12 + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String unseal(String submissionId, String sealed) {
        try {
            var bytes = Base64.getDecoder().decode(sealed);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey(submissionId), new GCMParameterSpec(128, bytes, 0, 12));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed receipt did not open", e);
        }
    }

    /** A keyed, non-reversible tag of any value (e.g. a service case number rated once). */
    public String tag(String purpose, String value) {
        return HexFormat.of().formatHex(hmac(pepper.key(), purpose + "|" + value));
    }

    private SecretKeySpec sealKey(String submissionId) {
        return new SecretKeySpec(hmac(pepper.key(), "seal|" + submissionId), "AES");
    }

    /** HMAC-SHA256 of the value's UTF-8 bytes: every key this package derives from the pepper comes from here. */
    static byte[] hmac(byte[] key, String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
