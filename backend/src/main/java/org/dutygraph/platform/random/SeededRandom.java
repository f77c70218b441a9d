package org.dutygraph.platform.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A random stream anyone can recompute from the seed: blocks are SHA-256(seed as UTF-8 || block number as
 * 8 bytes big-endian), read as big-endian 64-bit numbers. Not java.util.Random, whose output is an
 * implementation detail no outside auditor can be expected to reproduce. Used by the spot-check draw and
 * the citizen rankings' ballot draw (docs/inspections.md).
 */
public final class SeededRandom {

    private final byte[] seed;
    private long block;
    private ByteBuffer current = ByteBuffer.allocate(0);

    private static final java.security.SecureRandom SECURE = new java.security.SecureRandom();

    /** A seed nobody can predict (32 bytes from a secure random source, in hex), for draws given none. */
    public static String freshSeed() {
        var bytes = new byte[32];
        SECURE.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    public SeededRandom(String seed) {
        this.seed = seed.getBytes(StandardCharsets.UTF_8);
    }

    public long nextLong() {
        if (current.remaining() < Long.BYTES) {
            current = ByteBuffer.wrap(sha256(block++));
        }
        return current.getLong();
    }

    /** Uniform in [0, bound), without modulo bias (values from the biased tail are drawn again). */
    public int below(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (true) {
            long r = nextLong() >>> 1;
            if (r < limit) {
                return (int) (r % bound);
            }
        }
    }

    private byte[] sha256(long blockNumber) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(seed);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(blockNumber).array());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fisher-Yates from the last position down: position i swaps with below(i + 1). */
    public <T> java.util.List<T> shuffled(java.util.List<T> items) {
        var list = new java.util.ArrayList<>(items);
        for (int i = list.size() - 1; i > 0; i--) {
            java.util.Collections.swap(list, i, below(i + 1));
        }
        return list;
    }
}
